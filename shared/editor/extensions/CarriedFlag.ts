import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Transaction } from '@tiptap/pm/state'
import { isRemote } from './isRemote.ts'
import { SUGGESTED_EDIT } from './SuggestTransform.ts'

/**
 * Clears an item's `carried` flag (set on items carried forward from last year's plan) as soon as
 * someone edits inside it. Moving a whole item is not an edit, so the flag survives moves.
 */
export const CarriedFlag = Extension.create({
  name: 'carriedFlag',
  addProseMirrorPlugins: () => [carriedFlagPlugin()],
})

/** The ProseMirror plugin behind CarriedFlag, usable on a bare EditorState. */
export function carriedFlagPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('planCarriedFlag'),
    appendTransaction: (transactions, _old, state) => {
      // A suggestion (修订) is not an edit of the item until it is accepted.
      const ranges = changedRanges(transactions.filter((t) => t.docChanged && !isRemote(t) && !t.getMeta(SUGGESTED_EDIT)))
      if (!ranges.length) return null
      const tr = state.tr
      for (const [from, to] of ranges) {
        state.doc.nodesBetween(from, to, (node, pos) => {
          if (node.type.name !== 'item') return true
          const inside = pos < from && pos + node.nodeSize > to
          if (inside && node.attrs.carried) tr.setNodeAttribute(pos, 'carried', false)
          return false
        })
      }
      return tr.docChanged ? tr : null
    },
  })
}

/** The ranges that local transactions changed, in the coordinates of the final document. */
function changedRanges(local: readonly Transaction[]): [number, number][] {
  const ranges: [number, number][] = []
  local.forEach((t, k) => {
    t.mapping.maps.forEach((map, i) => {
      const rest = t.mapping.slice(i + 1)
      // Later transactions of the same batch move the range again.
      for (const later of local.slice(k + 1)) rest.appendMapping(later.mapping)
      map.forEach((_a, _b, from, to) => ranges.push([rest.map(from, -1), rest.map(to, 1)]))
    })
  })
  return ranges
}
