import type { HistoryEntry } from '../../shared/api/types.ts'
import type { Users } from '../auth/users.ts'
import type { Storage } from '../storage/Storage.ts'

/** A page of a document's authored history, oldest first: entries with after < seq, at most `limit`. */
export async function listHistory(storage: Storage, users: Users, docId: string, after = 0, limit = 500): Promise<HistoryEntry[]> {
  const entries = await storage.readUpdates(docId, { after })
  const names = new Map<string, string>()
  const out: HistoryEntry[] = []
  for (const e of entries.slice(0, limit)) {
    if (!names.has(e.userId)) names.set(e.userId, (await users.get(e.userId))?.displayName ?? '（已删除的用户）')
    const entry: HistoryEntry = { seq: e.seq, userId: e.userId, userName: names.get(e.userId) ?? '', at: new Date(e.at).toISOString(), bytes: e.update.length }
    if (e.count > 1) Object.assign(entry, { firstSeq: e.firstSeq, firstAt: new Date(e.firstAt).toISOString(), count: e.count })
    out.push(entry)
  }
  return out
}
