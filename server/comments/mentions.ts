import type { Mentionable } from '../../shared/review/commentsMentions.ts'
import type { UserRecord } from '../auth/users.ts'
import type { DocumentRecord, Documents } from '../docs/documents.ts'
import type { Storage } from '../storage/Storage.ts'

/** Everyone who may be mentioned in a document's comments: accounts with a role on it, by display name. */
export async function mentionable(users: { list(): Promise<UserRecord[]> }, documents: Documents, doc: DocumentRecord): Promise<Mentionable[]> {
  const out: Mentionable[] = []
  for (const user of await users.list()) {
    if (user.disabled) continue
    if (await documents.roleOf(user, doc)) out.push({ id: user.id, name: user.displayName })
  }
  return out
}

/** One entry of the 待处理 index: `userId!docId!threadId` → where to look. The thread itself says whether it still waits. */
export interface MentionRecord {
  docId: string
  threadId: string
  at: string
}

/** Records that each of `userIds` was mentioned in a thread, so that GET /api/me/pending finds it without reading every document. */
export async function recordMentions(storage: Storage, docId: string, threadId: string, userIds: readonly string[]): Promise<void> {
  if (!userIds.length) return
  const at = new Date().toISOString()
  await storage.write(userIds.map((userId) => ({ type: 'put' as const, collection: 'mentions' as const, key: `${userId}!${docId}!${threadId}`, value: { docId, threadId, at } satisfies MentionRecord })))
}

/** The threads a user was ever mentioned in, newest mention first. */
export async function mentionsOf(storage: Storage, userId: string): Promise<MentionRecord[]> {
  const rows = await storage.list<MentionRecord>('mentions', `${userId}!`)
  return rows.map((r) => r.value).sort((a, b) => b.at.localeCompare(a.at))
}
