import * as Y from 'yjs'
import type { Storage } from '../../server/storage/Storage.ts'
import { loadDocumentState } from '../../server/storage/documentState.ts'

/** The document as the server's storage holds it (what a restart would open), as a fresh Y.Doc. */
export async function storedDoc(storage: Storage, docId: string): Promise<Y.Doc> {
  const { state } = await loadDocumentState(storage, docId)
  if (!state) throw new Error(`nothing stored for ${docId}`)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}
