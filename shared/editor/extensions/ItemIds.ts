import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
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
      if (!transactions.some((tr) => tr.docChanged && !isRemote(tr))) return null
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
