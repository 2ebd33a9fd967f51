import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { openSocket } from '../../utils/rawSocket.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor } from '../../utils/waitFor.ts'

describe('presence and session lifetime on open sockets', () => {
  it("shows every cursor with the signed-in account's name and colour, whatever the client claims", async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('honest', {})
    await server.share(doc.id, user.id, 'reviewer')
    const liar = await connectClient(server, doc.id, token)
    const watcher = await connectClient(server, doc.id, server.admin.token)
    liar.provider.awareness.setLocalStateField('user', { name: '管理员', color: '#ff0000', title: '局长' })
    await waitFor(() => [...watcher.provider.awareness.getStates().values()].some((s) => s.user?.id === user.id))
    const shown = [...watcher.provider.awareness.getStates().values()].find((s) => s.user?.id === user.id)
    expect(shown?.user).toEqual({ name: 'honest', color: user.color, title: '局长', id: user.id })
    liar.close()
    await waitFor(() => ![...watcher.provider.awareness.getStates().values()].some((s) => s.user?.id === user.id))
    watcher.close()
  })

  it('closes a socket with 4401 when its session expires', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const admin = (await server.services.users.findByName('admin'))!
    // A raw socket needs no sync, so it is surely open before the session ends even on a loaded machine
    // (a y-websocket client had to sync within the 1.5 s the session lived, and sometimes did not).
    const { token } = await server.services.sessions.issue(admin, Date.now() + 3000)
    const socket = openSocket(server, doc.id, token)
    await socket.opened
    expect((await socket.closed).code).toBe(CLOSE.unauthenticated)
  })
})
