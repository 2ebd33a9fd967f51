import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { pasteNotices, readPaste } from '../../shared/import/pastePiece.ts'
import { notify } from '../state/notices.ts'
import { ownUndoStep } from './ownUndoStep.ts'
import { pasteLimitProblem, pastePlanTransaction } from './pastePlanTransaction.ts'

/**
 * Paste from Word, WPS, a web page or a text file runs the import on the clipboard: numbered
 * 一、（一）1. 1） 第一部分 lines become sections, sub-sections and items at the caret (their typed
 * numbers dropped: numbers come from order), bold lead sentences become item titles, site text is
 * removed with a notice saying so, and the whole paste is one edit for Ctrl+Z. Plain sentences, a
 * copy out of this editor (ProseMirror keeps its structure) and pastes into the cover notice or the
 * closing are left to the editor's own paste.
 */
export const PastePlan = Extension.create({
  name: 'pastePlan',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey('pastePlan'),
      props: {
        handlePaste(view, event) {
          const data = event.clipboardData
          if (!view.editable || !data) return false
          const html = data.getData('text/html')
          if (html.includes('data-pm-slice')) return false
          const piece = readPaste({ html, text: data.getData('text/plain') })
          const tr = piece && pastePlanTransaction(view.state, piece)
          if (!piece || !tr) return false
          const tooLarge = pasteLimitProblem(tr)
          if (tooLarge) {
            notify(tooLarge, 'error')
            return true
          }
          ownUndoStep(view.state, () => view.dispatch(tr))
          for (const message of pasteNotices(piece.warnings)) notify(message)
          return true
        },
      },
    }),
  ],
})
