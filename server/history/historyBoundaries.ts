import type { Storage } from '../storage/Storage.ts'

/** History positions compaction must keep exact for a document: its named versions and its users' last visits. */
export async function historyBoundaries(storage: Storage, docId: string): Promise<number[]> {
  const versions = await storage.list<{ seq: number }>('versions', `${docId}!`)
  const visits = await storage.list<{ seq: number }>('visits', `${docId}!`)
  return [...versions, ...visits].map((r) => r.value.seq)
}
