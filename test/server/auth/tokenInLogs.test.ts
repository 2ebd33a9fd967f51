import { describe, expect, it } from 'vitest'
import { connectClient } from '../../utils/collabClient.ts'
import { closeCodeFor, openSocket } from '../../utils/rawSocket.ts'
import { startTestServer } from '../../utils/testServer.ts'

describe('tokens in logs', () => {
  it('never writes a token to the log, though the websocket URL carries it as ?token=', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('fengshi')
    await server.share(doc.id, user.id, 'reviewer')
    const client = await connectClient(server, doc.id, token)
    const missing = await closeCodeFor(server, 'd' + 'x'.repeat(20), token)
    expect(missing).toBe(4404)
    const extra = openSocket({ collabUrl: server.collabUrl + '/' + doc.id }, 'sub', token)
    await extra.closed
    expect(await closeCodeFor(server, doc.id, `${token}.x`)).toBe(4401)
    await server.api('GET', '/api/nothing', { token })
    await server.api('GET', `/api/documents/${doc.id}/members`, { token })
    await server.api('POST', '/api/logout', { token })
    await client.closed
    client.close()
    const all = server.logs.join('\n')
    expect(server.logs.some((l) => l.includes('ws.open'))).toBe(true)
    for (const secret of [token, server.admin.token, token.split('.')[1], token.split('.')[2]]) expect(all).not.toContain(secret)
    expect(all).not.toMatch(/token=/i)
  })
})
