import { describe, expect, it } from 'vitest'
import { DOC_CHANGED_FIELD } from '../../../shared/api/collab.ts'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { municipalSeed } from '../../utils/seeds.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor } from '../../utils/waitFor.ts'

/** The server's "record changed" mark as a client sees it, or undefined. */
function mark(client: TestClient): unknown {
  for (const [id, state] of client.provider.awareness.getStates()) if (id !== client.provider.awareness.clientID && state[DOC_CHANGED_FIELD] !== undefined) return state[DOC_CHANGED_FIELD]
  return undefined
}

describe('open editors learn that a document record changed', () => {
  it('tells every open socket when linked plans, the title or the status change, so their panels fetch the document again', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const municipal = await server.createDocument(server.admin.token, municipalSeed())
    const { user, token } = await server.createUser('bianji')
    await server.share(doc.id, user.id, 'editor')
    await server.share(municipal.id, user.id, 'viewer')
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, token)
    expect(mark(b)).toBeUndefined()

    const linked = await server.api('PATCH', `/api/documents/${doc.id}`, { token, body: { municipalId: municipal.id } })
    expect(linked.status).toBe(200)
    await waitFor(() => mark(a) !== undefined && mark(b) !== undefined)
    const first = mark(b)

    await server.api('PATCH', `/api/documents/${doc.id}`, { token, body: { title: '2022年闵行教育工作要点' } })
    await waitFor(() => mark(b) !== first)
    const second = mark(b)
    await server.api('POST', `/api/documents/${doc.id}/status`, { token: server.admin.token, body: { status: 'consultation' } })
    await waitFor(() => mark(b) !== second)
    // A socket that joins later sees the mark too (and fetches once).
    const c = await connectClient(server, doc.id, token)
    await waitFor(() => mark(c) !== undefined)
    for (const client of [a, b, c]) client.close()
  })
})
