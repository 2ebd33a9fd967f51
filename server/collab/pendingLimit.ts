import type * as Y from 'yjs'

/**
 * Most bytes of received changes a room keeps while they wait for a change it has not seen.
 * A real client's changes wait only briefly (after a failover, until the client that wrote what
 * they build on reconnects); the changes of a forged client could wait for ever, are not checked
 * against the plan limits until they apply, and Yjs sends them with the document to every client
 * that syncs.
 */
export const MAX_PENDING_BYTES = 1024 * 1024

/** Bytes of changes the document received but could not apply yet (Yjs's pending structs and deletions). */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0)
}
