import { describe, expect, it } from 'vitest'
import type { WriteOp } from '../../../server/storage/Storage.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import { overrideStorage } from '../../utils/storageFaults.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'
import { openRawEditor, type RawEditor } from './rawEditor.ts'

/** A database write that fails as a full disk does. */
function enospc(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
}

/** A server whose database refuses update writes while `disk.full`, recording every single update (not compacted runs) it was asked to write. */
async function serverWithFillableDisk(): Promise<{ server: TestServer; disk: { full: boolean }; attempts: Array<{ seq: number; update: string }> }> {
  const disk = { full: false }
  const attempts: Array<{ seq: number; update: string }> = []
  const server = await startTestServer({
    wrapStorage: (s) =>
      overrideStorage(s, {
        write: (base, ops: WriteOp[]) => {
          for (const op of ops) if (op.type === 'putUpdate' && op.entry.count === 1) attempts.push({ seq: op.entry.seq, update: Buffer.from(op.entry.update).toString('base64') })
          return disk.full && ops.some((op) => op.type === 'putUpdate') ? Promise.reject(enospc()) : base.write(ops)
        },
      }),
  })
  return { server, disk, attempts }
}

/** Editor n types `[n:k]` into item n's lead sentence and waits until the observer received it (or the socket closed). */
async function typeAcknowledged(editor: RawEditor, n: number, k: number, observer: RawEditor): Promise<boolean> {
  if (editor.raw.ws.readyState !== editor.raw.ws.OPEN) return false
  const marker = `[${n}:${k}]`
  textIn(editor.doc, 'itemTitle', n).insert(0, marker)
  let closed = false
  void editor.raw.closed.then(() => (closed = true))
  void observer.raw.closed.then(() => (closed = true))
  await waitFor(() => closed || textOf(observer.doc, 'itemTitle', n).includes(marker))
  return textOf(observer.doc, 'itemTitle', n).includes(marker)
}

describe('a full disk while several people edit', () => {
  it('closes the room, and after a restart every update that other clients received is there, no sequence number given twice', async () => {
    const { server, disk, attempts } = await serverWithFillableDisk()
    const doc = await server.createDocument()
    const observer = await openRawEditor(server, doc.id, server.admin.token)
    const editors = await Promise.all([0, 1, 2].map(() => openRawEditor(server, doc.id, server.admin.token)))

    // A first round is stored normally.
    for (let k = 0; k < 5; k++) for (const [n, e] of editors.entries()) expect(await typeAcknowledged(e, n, k, observer)).toBe(true)
    await server.services.rooms.get(doc.id)!.flushed()

    // The disk fills: edits are still acknowledged (they are in the write-ahead log) until the database write fails.
    disk.full = true
    let acknowledgedWhileFull = 0
    for (let k = 5; k < 500 && editors.every((e) => e.raw.ws.readyState === e.raw.ws.OPEN); k++) {
      for (const [n, e] of editors.entries()) if (await typeAcknowledged(e, n, k, observer)) acknowledgedWhileFull++
    }
    const codes = await Promise.all([observer, ...editors].map((e) => e.raw.closed.then((c) => c.code)))
    expect(codes).toEqual([1011, 1011, 1011, 1011])
    expect(acknowledgedWhileFull).toBeGreaterThan(0)
    expect(server.logs.some((l) => l.includes('store.failed') && l.includes('ENOSPC'))).toBe(true)

    // Those editors are gone (their tabs closed): only the server has their last edits. Space is freed and someone else edits.
    disk.full = false
    const late = await connectClient(server, doc.id, server.admin.token)
    for (let k = 0; k < 5; k++) textIn(late.doc, 'itemTitle', 4).insert(0, `[late:${k}]`)
    const room = server.services.rooms.get(doc.id)!
    await waitForDoc(room.doc, (d) => textOf(d, 'itemTitle', 4).includes('[late:4]'))
    await room.flushed()
    late.close()
    await server.restart()

    const stored = await storedDoc(server.services.storage, doc.id)
    const acknowledged = [0, 1, 2].flatMap((n) => [...textOf(observer.doc, 'itemTitle', n).matchAll(/\[\d+:\d+\]/g)].map((m) => ({ n, marker: m[0] })))
    expect(acknowledged.length).toBe(15 + acknowledgedWhileFull)
    const lost = acknowledged.filter(({ n, marker }) => !textOf(stored, 'itemTitle', n).includes(marker))
    expect(lost).toEqual([])
    expect(textOf(stored, 'itemTitle', 4)).toContain('[late:4]')

    const bySeq = new Map<number, Set<string>>()
    for (const a of attempts) bySeq.set(a.seq, (bySeq.get(a.seq) ?? new Set()).add(a.update))
    const reused = [...bySeq].filter(([, updates]) => updates.size > 1).map(([seq]) => seq)
    expect(reused).toEqual([])
    const history = await server.services.storage.readUpdates(doc.id)
    for (let i = 1; i < history.length; i++) expect(history[i].firstSeq).toBe(history[i - 1].seq + 1)
  })
})
