import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { compactHistory } from '../../../server/history/compactHistory.ts'
import { LevelStorage } from '../../../server/storage/LevelStorage.ts'
import type { NewUpdate } from '../../../server/storage/Storage.ts'
import { loadDocumentState } from '../../../server/storage/documentState.ts'

let storage: LevelStorage | undefined
const dirs: string[] = []
afterEach(async () => {
  await storage?.close()
  storage = undefined
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

async function open(): Promise<LevelStorage> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-compact-'))
  dirs.push(dir)
  storage = await LevelStorage.open(dir)
  return storage
}

/** Updates typed by users in turn: [user, minute] pairs, each inserting one character. */
function typed(plan: Array<[string, number]>): NewUpdate[] {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  const out: NewUpdate[] = []
  doc.on('update', (update: Uint8Array) => out.push({ userId: plan[out.length][0], at: plan[out.length][1] * 60_000, update, clients: [doc.clientID] }))
  plan.forEach(([user], i) => text.insert(i, user === 'a' ? 'A' : 'B'))
  return out
}

describe('compactHistory', () => {
  it('merges runs of one user within the window, keeps who wrote what and the document unchanged', async () => {
    const s = await open()
    await s.appendUpdates(
      'd1',
      typed([
        ['a', 0],
        ['a', 1],
        ['a', 2],
        ['b', 3],
        ['b', 4],
        ['a', 5],
        ['a', 30],
      ]),
    )
    const before = await loadDocumentState(s, 'd1')
    const result = await compactHistory(s, 'd1', { windowMs: 10 * 60_000 })
    expect(result).toEqual({ before: 7, after: 4 })
    const entries = await s.readUpdates('d1')
    expect(entries.map((e) => [e.userId, e.firstSeq, e.seq, e.count, e.firstAt / 60_000, e.at / 60_000])).toEqual([
      ['a', 1, 3, 3, 0, 2],
      ['b', 4, 5, 2, 3, 4],
      ['a', 6, 6, 1, 5, 5],
      ['a', 7, 7, 1, 30, 30],
    ])
    const after = await loadDocumentState(s, 'd1')
    const x = new Y.Doc()
    const y = new Y.Doc()
    Y.applyUpdate(x, before.state!)
    Y.applyUpdate(y, after.state!)
    expect(y.getText('t').toString()).toBe(x.getText('t').toString())
    expect(after.seq).toBe(7)
    // New updates continue the numbering.
    expect((await s.appendUpdates('d1', typed([['b', 40]])))[0].seq).toBe(8)
  })

  it('never merges across a boundary (a named version or a visit)', async () => {
    const s = await open()
    await s.appendUpdates(
      'd1',
      typed([
        ['a', 0],
        ['a', 1],
        ['a', 2],
        ['a', 3],
      ]),
    )
    await compactHistory(s, 'd1', { boundaries: [2] })
    expect((await s.readUpdates('d1')).map((e) => [e.firstSeq, e.seq])).toEqual([
      [1, 2],
      [3, 4],
    ])
  })

  it('keeps documents apart', async () => {
    const s = await open()
    await s.appendUpdates(
      'd1',
      typed([
        ['a', 0],
        ['a', 1],
      ]),
    )
    await s.appendUpdates(
      'd10',
      typed([
        ['a', 0],
        ['a', 1],
      ]),
    )
    await compactHistory(s, 'd1')
    expect(await s.readUpdates('d1')).toHaveLength(1)
    expect(await s.readUpdates('d10')).toHaveLength(2)
    expect(await s.lastSeq('d10')).toBe(2)
  })
})
