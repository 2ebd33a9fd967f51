import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { signToken } from '../../../server/auth/tokens.ts'
import { loadSecret } from '../../../server/auth/secret.ts'
import { ClosedBeforeSync, connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { closeCodeFor } from '../../utils/rawSocket.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'

describe('who may open a room', () => {
  it('closes sockets without a valid token with 4401', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    expect(await closeCodeFor(server, doc.id, null)).toBe(CLOSE.unauthenticated)
    expect(await closeCodeFor(server, doc.id, 'not-a-token')).toBe(CLOSE.unauthenticated)
    const forged = signToken({ sid: 'x', uid: server.admin.user.id, exp: Date.now() + 60_000 }, Buffer.alloc(32, 7))
    expect(await closeCodeFor(server, doc.id, forged)).toBe(CLOSE.unauthenticated)
    const tampered = server.admin.token.slice(0, -2) + (server.admin.token.endsWith('AA') ? 'BB' : 'AA')
    expect(await closeCodeFor(server, doc.id, tampered)).toBe(CLOSE.unauthenticated)
  })

  it('closes an expired token with 4401, and a signed-out one at once, even on an open socket', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const admin = (await server.services.users.findByName('admin'))!
    const { token: expired } = await server.services.sessions.issue(admin, Date.now() - 1000)
    expect(await closeCodeFor(server, doc.id, expired)).toBe(CLOSE.unauthenticated)
    // A token whose claims say "valid" but whose session expired in storage is refused too.
    const { session } = await server.services.sessions.issue(admin, Date.now() - 1000)
    const stillSigned = signToken({ sid: session.id, uid: admin.id, exp: Date.now() + 60_000 }, loadSecret(server.dataDir))
    expect(await closeCodeFor(server, doc.id, stillSigned)).toBe(CLOSE.unauthenticated)

    const { token } = await server.createUser('lisi')
    await server.share(doc.id, (await server.services.users.findByName('lisi'))!.id, 'editor')
    const client = await connectClient(server, doc.id, token)
    expect((await server.api('POST', '/api/logout', { token })).status).toBe(200)
    expect((await client.closed).code).toBe(CLOSE.unauthenticated)
    expect(await closeCodeFor(server, doc.id, token)).toBe(CLOSE.unauthenticated)
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
  })

  it('closes users without a role with 4403 and unknown or archived documents with 4404', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { token } = await server.createUser('wangwu')
    expect(await closeCodeFor(server, doc.id, token)).toBe(CLOSE.forbidden)
    await expect(connectClient(server, doc.id, token)).rejects.toBeInstanceOf(ClosedBeforeSync)
    expect(await closeCodeFor(server, 'dnosuchdoc000', server.admin.token)).toBe(CLOSE.notFound)
    expect(await closeCodeFor(server, '..%2F..%2Fetc', server.admin.token)).toBe(CLOSE.notFound)
    const patched = await server.api('PATCH', `/api/documents/${doc.id}`, { token: server.admin.token, body: { archived: true } })
    expect(patched.status).toBe(200)
    expect(await closeCodeFor(server, doc.id, server.admin.token)).toBe(CLOSE.notFound)
  })

  it('closes an open socket with 4403 when its user is removed from the document', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('zhaoliu')
    await server.share(doc.id, user.id, 'viewer')
    const client = await connectClient(server, doc.id, token)
    expect((await server.api('DELETE', `/api/documents/${doc.id}/members/${user.id}`, { token: server.admin.token })).status).toBe(200)
    expect((await client.closed).code).toBe(CLOSE.forbidden)
  })
})

describe('read-only roles', () => {
  // A reviewer's direct edits are refused with 4400 instead (they may only suggest): reviewerSuggestions.test.ts.
  for (const role of ['viewer'] as const) {
    it(`drops every edit of a ${role}: other clients and storage never see it, and the log says so`, async () => {
      const server = await startTestServer()
      const doc = await server.createDocument()
      const { user, token } = await server.createUser('reader')
      await server.share(doc.id, user.id, role)
      const editor = await connectClient(server, doc.id, server.admin.token)
      const reader = await connectClient(server, doc.id, token)
      const seqBefore = await server.services.storage.lastSeq(doc.id)
      const third = textIn(editor.doc, 'itemTitle', 2).toString()

      textIn(reader.doc, 'itemTitle', 0).insert(0, '审阅者偷偷改')
      textIn(reader.doc, 'itemTitle', 2).delete(0, 3)
      // Awareness goes through the same socket after the edits, so once the editor sees it the edits were handled.
      reader.provider.awareness.setLocalStateField('marker', 1)
      await waitFor(() => [...editor.provider.awareness.getStates().values()].some((s) => s.marker === 1))

      expect(textIn(editor.doc, 'itemTitle', 0).toString()).not.toContain('审阅者偷偷改')
      expect(textIn(editor.doc, 'itemTitle', 2).toString()).toBe(third)
      expect(server.services.rooms.get(doc.id)?.seq).toBe(seqBefore)
      expect(await server.services.storage.lastSeq(doc.id)).toBe(seqBefore)
      expect((await server.services.storage.readUpdates(doc.id)).some((e) => e.userId === user.id)).toBe(false)
      expect(server.logs.some((l) => l.includes('update.dropped') && l.includes(`user=${user.id}`) && l.includes(`role=${role}`))).toBe(true)

      // The reader still receives the editor's changes.
      textIn(editor.doc, 'itemTitle', 1).insert(0, '编辑者修改')
      await waitForDoc(reader.doc, (d) => textIn(d, 'itemTitle', 1).toString().startsWith('编辑者修改'))
      // A fresh client sees the editor's change and nothing of the reader's.
      const fresh = await connectClient(server, doc.id, server.admin.token)
      expect(textIn(fresh.doc, 'itemTitle', 0).toString()).not.toContain('审阅者偷偷改')
      expect(textIn(fresh.doc, 'itemTitle', 1).toString()).toMatch(/^编辑者修改/)
      for (const c of [editor, reader, fresh]) c.close()
    })
  }

  it('closes an editor made a reviewer with 4409 (the browser reopens in 修订 mode) and refuses the direct edits it sends after with 4400', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('demoted')
    await server.share(doc.id, user.id, 'editor')
    const watcher = await connectClient(server, doc.id, server.admin.token)
    const client = await connectClient(server, doc.id, token)
    textIn(client.doc, 'itemTitle', 0).insert(0, '降级前')
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('降级前'))
    await server.share(doc.id, user.id, 'reviewer')
    expect((await client.closed).code).toBe(CLOSE.roleChanged)
    client.close()
    textIn(client.doc, 'itemTitle', 1).insert(0, '降级后')
    const code = await connectClient(server, doc.id, token, { doc: client.doc }).then(
      async (again) => {
        const { code } = await again.closed
        again.close()
        return code
      },
      (err: unknown) => (err instanceof ClosedBeforeSync ? err.code : -1),
    )
    expect(code).toBe(CLOSE.malformed)
    expect(textIn(watcher.doc, 'itemTitle', 1).toString()).not.toContain('降级后')
    watcher.close()
  })
})
