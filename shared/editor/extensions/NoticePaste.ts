import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { isSingleLine, roleOf } from '../notice/noticeParts.ts'

/**
 * Pasting into a one-line part of the cover notice or closing (主送, issuer, date …) inserts the
 * clipboard's text as one line: several paragraphs would otherwise become notice text after the
 * issuer, printed in another place.
 */
export const NoticePaste = Extension.create({
  name: 'noticePaste',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey('noticePaste'),
      props: {
        handlePaste(view, _event, slice) {
          const { $from } = view.state.selection
          if ($from.parent.type.name !== 'noticeLine' || !isSingleLine(roleOf($from.parent.attrs.role))) return false
          const text = slice.content.textBetween(0, slice.content.size, '\n').replace(/\s*\n\s*/g, '')
          view.dispatch(view.state.tr.insertText(text).scrollIntoView())
          return true
        },
      },
    }),
  ],
})
