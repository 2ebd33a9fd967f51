import * as Y from 'yjs'
import { META_MAP, PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import type { Storage, StoredUpdate } from '../storage/Storage.ts'
import { applyParts, loadClientUsers } from '../storage/documentState.ts'

/** One user's part in the changes to one node. */
export interface NodeAuthor {
  userId: string
  /** First and last time (ISO) this user changed the node in the range. */
  first: string
  last: string
  /** How many updates by this user touched the node (a compacted entry counts with all the updates merged into it). */
  updates: number
}

/** Who changed one node of the plan in a range of history. */
export interface NodeChanges {
  /** The node's `id` (section, sub-section or item), else the name of the top-level node (planTitle, preamble, coverNotice, closing), or 'meta'. */
  key: string
  /** The node type: item, section, subsection, planTitle … or 'meta'. */
  nodeName: string
  /** Latest change first, by history order (two changes can share a millisecond). */
  authors: NodeAuthor[]
}

/**
 * Replays a document's authored history between two points and tells, per plan node, which users
 * changed it and when. The state at `fromSeq` is the base; every stored update with
 * fromSeq < seq ≤ toSeq is applied in order. Inserted text and nodes are credited to the user who
 * owns the Yjs client that created them (so content relayed by another client after a crash stays
 * with its writer); deletions and attribute changes to the user who sent the update. A change
 * inside an item counts for the item; a new or deleted item counts for that item itself.
 * Compacted entries are indivisible: one that straddles `fromSeq` counts as inside the range.
 */
export async function authorsBetween(storage: Storage, docId: string, fromSeq: number, toSeq = Number.MAX_SAFE_INTEGER): Promise<Map<string, NodeChanges>> {
  const entries = await storage.readUpdates(docId, { upTo: Math.min(toSeq, 999_999_999_999) })
  const clientUsers = await loadClientUsers(storage, docId)
  const doc = new Y.Doc({ gc: false })
  const fragment = doc.getXmlFragment(PLAN_FIELD)
  const meta = doc.getMap(META_MAP)
  applyParts(
    doc,
    entries.filter((e) => e.seq <= fromSeq).map((e) => e.update),
  )

  const result = new Map<string, NodeChanges>()
  let current: StoredUpdate | undefined
  // The last update counted per author, so that one update touching a node twice counts once.
  const countedSeq = new WeakMap<NodeAuthor, number>()
  const credit = (where: { key: string; nodeName: string }, userId: string): void => {
    if (!current) return
    const at = new Date(current.at).toISOString()
    let node = result.get(where.key)
    if (!node) result.set(where.key, (node = { key: where.key, nodeName: where.nodeName, authors: [] }))
    const index = node.authors.findIndex((a) => a.userId === userId)
    const author = index < 0 ? { userId, first: at, last: at, updates: 0 } : node.authors[index]
    // Updates are replayed in order, so the author credited last goes first.
    if (index !== 0) {
      if (index > 0) node.authors.splice(index, 1)
      node.authors.unshift(author)
    }
    author.last = at
    if (countedSeq.get(author) !== current.seq) {
      author.updates += current.count
      countedSeq.set(author, current.seq)
    }
  }
  const creator = (item: Y.Item): string => clientUsers.get(item.id.client) ?? current?.userId ?? ''

  // Every struct a transaction added or deleted says where the change happened; observers would
  // not do (text events carry no items), so read the transaction itself.
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (!current) return
    const sender = current.userId
    for (const [client, end] of tr.afterState) {
      const structs = doc.store.clients.get(client) ?? []
      const start = tr.beforeState.get(client) ?? 0
      if (end <= start) continue
      for (let i = Y.findIndexSS(structs, start); i < structs.length && structs[i].id.clock < end; i++) {
        const struct = structs[i]
        if (!(struct instanceof Y.Item)) continue
        const where = placeOf(struct, fragment, meta)
        // A new attribute value is the sender's act; new text and nodes belong to their writer.
        if (where) credit(where, struct.parentSub === null ? creator(struct) : sender)
      }
    }
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item)) return
      const where = placeOf(struct, fragment, meta)
      if (where) credit(where, sender)
    })
  })
  for (const entry of entries) {
    if (entry.seq <= fromSeq) continue
    current = entry
    Y.applyUpdate(doc, entry.update)
  }
  doc.destroy()
  return result
}

/** The node a struct belongs to: an element is its own node, text and attributes belong to their container; null outside the plan. */
function placeOf(item: Y.Item, fragment: Y.XmlFragment, meta: Y.Map<unknown>): { key: string; nodeName: string } | null {
  const parent = item.parent
  if (!(parent instanceof Y.AbstractType)) return null
  if (parent === meta) return { key: 'meta', nodeName: 'meta' }
  let root: Y.AbstractType<unknown> = parent
  while (root._item && root._item.parent instanceof Y.AbstractType) root = root._item.parent
  if (root !== fragment) return null
  const content = item.content
  if (item.parentSub === null && content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
    return nodeOf(content.type as Y.AbstractType<unknown>, fragment)
  }
  return nodeOf(parent, fragment)
}

/** The nearest enclosing node with an id, else the top-level node. */
function nodeOf(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): { key: string; nodeName: string } {
  let t: Y.AbstractType<unknown> = type
  let top: Y.XmlElement | null = null
  while (t !== fragment) {
    if (t instanceof Y.XmlElement) {
      const id = rawAttribute(t, 'id')
      if (typeof id === 'string' && id) return { key: id, nodeName: t.nodeName }
      top = t
    }
    const parent = t._item?.parent
    if (!(parent instanceof Y.AbstractType)) break
    t = parent
  }
  return top ? { key: top.nodeName, nodeName: top.nodeName } : { key: 'doc', nodeName: 'doc' }
}

/** An attribute's value even when the element was deleted (the replay keeps deleted content). */
function rawAttribute(el: Y.XmlElement, name: string): unknown {
  const item = el._map.get(name)
  return item?.content instanceof Y.ContentAny ? item.content.arr[0] : undefined
}
