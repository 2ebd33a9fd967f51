import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform'
import { newId } from '../../plan/ids.ts'
import { isRemote } from './isRemote.ts'

const WITH_IDS: Record<string, string> = { section: 's', subsection: 'u', item: 'i' }

/**
 * Gives every section, sub-section and item a stable id: new nodes (Enter, paste, split) get a
 * fresh one and a copied id is replaced on its later copy. Only local changes are checked;
 * collaborators fix their own nodes, so two clients never race to rename the same node.
 */
export const ItemIds = Extension.create({
  name: 'itemIds',
  addProseMirrorPlugins: () => [itemIdsPlugin()],
})

/** The ProseMirror plugin behind ItemIds, usable on a bare EditorState. */
export function itemIdsPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('planItemIds'),
    appendTransaction: (transactions, _old, state) => {
      if (!transactions.some((tr) => tr.docChanged && !isRemote(tr) && mayAddNodes(tr))) return null
      const seen = new Set<string>()
      const tr = state.tr
      state.doc.descendants((node, pos) => {
        const prefix = WITH_IDS[node.type.name]
        if (!prefix) return false
        const id = node.attrs.id as string | null
        if (!id || seen.has(id)) tr.setNodeAttribute(pos, 'id', newId(prefix))
        else seen.add(id)
        // Only sections and sub-sections contain further nodes with ids.
        return node.type.name !== 'item'
      })
      return tr.docChanged ? tr.setMeta('addToHistory', false) : null
    },
  })
}

/**
 * Whether a transaction may have brought nodes that need an id (or a copy of one). Typing, deleting
 * and marks cannot, and they are nearly every transaction: walking a 300-item plan's items for each
 * keystroke showed in typing. Anything else (pasted blocks, splits, attribute changes) is checked.
 */
function mayAddNodes(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return false
    if (!(step instanceof ReplaceStep)) return true
    let blocks = false
    step.slice.content.forEach((node) => {
      if (!node.isInline) blocks = true
    })
    return blocks
  })
}
