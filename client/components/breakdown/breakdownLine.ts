import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type * as Y from 'yjs'
import type { BreakdownRecord } from '../../../shared/breakdown/record.ts'
import { observeBreakdowns, readBreakdowns } from '../../../shared/breakdown/store.ts'
import { breakdownSummary } from './breakdownSummary.ts'
import './breakdown.css'

const key = new PluginKey<DecorationSet>('planBreakdownLine')

/**
 * Shows each item's 任务分解 fields in one quiet line under its lead sentence (牵头：基教科 · 配合：
 * 德育科 · 时限：2025年6月底). A decoration, not text: never printed or exported, never an edit;
 * it follows the shared breakdown map, so a field set by anyone shows at once. Edited in 分解.
 */
export const BreakdownLine = Extension.create<{ ydoc: Y.Doc | null }>({
  name: 'breakdownLine',
  addOptions: () => ({ ydoc: null }),
  addProseMirrorPlugins() {
    const ydoc = this.options.ydoc
    if (!ydoc) return []
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => lines(state.doc, readBreakdowns(ydoc)),
          // Items are few (a plan holds ~100), so the lines are rebuilt rather than mapped: a moved or split item keeps its line.
          apply: (tr, old) => (tr.docChanged || tr.getMeta(key) ? lines(tr.doc, readBreakdowns(ydoc)) : old),
        },
        props: { decorations: (state) => key.getState(state) },
        view(view) {
          let live = true
          // The map's observers run inside a Yjs transaction; redraw after it, when the editor is not mid-update.
          const off = observeBreakdowns(ydoc, () => queueMicrotask(() => live && view.dispatch(view.state.tr.setMeta(key, true).setMeta('addToHistory', false))))
          return {
            destroy() {
              live = false
              off()
            },
          }
        },
      }),
    ]
  },
})

function lines(doc: PMNode, records: Map<string, BreakdownRecord>): DecorationSet {
  if (!records.size) return DecorationSet.empty
  const list: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'item') return node.type.name === 'section' || node.type.name === 'subsection' || node.type.name === 'doc'
    const record = records.get(String(node.attrs.id))
    const text = record ? breakdownSummary(record) : ''
    if (text && node.firstChild) list.push(Decoration.widget(pos + 1 + node.firstChild.nodeSize, () => line(text), { side: -1, key: `bd-${String(node.attrs.id)}-${text}`, ignoreSelection: true }))
    return false
  })
  return DecorationSet.create(doc, list)
}

function line(text: string): HTMLElement {
  const el = document.createElement('div')
  el.className = 'bd-line'
  el.contentEditable = 'false'
  el.dataset.testid = 'breakdown-line'
  el.textContent = text
  return el
}
