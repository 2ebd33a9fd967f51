import { describe, expect, it } from 'vitest'
import type { WriteOp } from '../../../server/storage/Storage.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import { overrideStorage } from '../../utils/storageFaults.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor } from '../../utils/waitFor.ts'
import { openRawEditor } from '../collab/rawEditor.ts'

describe('the current state of a document after a failed database write', () => {
  it('includes every acknowledged edit that only the write-ahead log holds, in the plan the HTTP API answers', async () => {
    const disk = { full: false }
    const server = await startTestServer({
      wrapStorage: (s) =>
        overrideStorage(s, {
          write: (base, ops: WriteOp[]) => (disk.full && ops.some((op) => op.type === 'putUpdate') ? Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) : base.write(ops)),
        }),
    })
    const doc = await server.createDocument()
    const token = server.admin.token
    const observer = await openRawEditor(server, doc.id, token)
    const editor = await openRawEditor(server, doc.id, token)
    disk.full = true
    const acknowledged: string[] = []
    for (let k = 0; k < 200 && editor.raw.ws.readyState === editor.raw.ws.OPEN; k++) {
      const marker = `[${k}]`
      textIn(editor.doc, 'itemTitle', 0).insert(0, marker)
      let closed = false
      void observer.raw.closed.then(() => (closed = true))
      await waitFor(() => closed || textOf(observer.doc, 'itemTitle', 0).includes(marker))
      if (textOf(observer.doc, 'itemTitle', 0).includes(marker)) acknowledged.push(marker)
    }
    expect((await observer.raw.closed).code).toBe(1011)
    expect(acknowledged.length).toBeGreaterThan(0)
    // The disk is still full and nobody has the document open: the API must still show every acknowledged edit.
    const plan = await server.api('GET', `/api/documents/${doc.id}/plan`, { token })
    expect(plan.status).toBe(200)
    const title = (plan.body as { sections: Array<{ items: Array<{ title: string }> }> }).sections[0].items[0].title
    expect(acknowledged.filter((m) => !title.includes(m))).toEqual([])
  })
})
