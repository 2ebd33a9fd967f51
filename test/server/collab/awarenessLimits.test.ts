import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { MAX_AWARENESS_IDS, MAX_AWARENESS_STATE_CHARS } from '../../../server/collab/awarenessIdentity.ts'
import { awarenessMessage } from '../../../server/collab/protocol.ts'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { openSocket } from '../../utils/rawSocket.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor } from '../../utils/waitFor.ts'

/** An awareness frame giving each of these client ids a state (at clock 1 unless told). */
function awarenessFrame(states: Array<{ client: number; state: unknown; clock?: number }>): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, states.length)
  for (const { client, state, clock } of states) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock ?? 1)
    encoding.writeVarString(e, JSON.stringify(state))
  }
  return awarenessMessage(encoding.toUint8Array(e))
}

/** The account id another client shows for this awareness client id. */
function userSeenBy(client: TestClient, awarenessId: number): string | undefined {
  return (client.provider.awareness.getStates().get(awarenessId) as { user?: { id?: string } } | undefined)?.user?.id
}

describe('presence limits per socket', () => {
  it("closes a socket that floods presence with 4413, drops its states at once and keeps everyone else's presence working", async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('flood')
    await server.share(doc.id, user.id, 'viewer')
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, server.admin.token)
    a.provider.awareness.setLocalStateField('user', { name: 'A' })
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID))
    const room = server.services.rooms.get(doc.id)!

    const flood = openSocket(server, doc.id, token)
    await flood.opened
    await waitFor(() => room.peers.size === 3)
    // Legal first: a few ids, as a tab whose document was recreated would have.
    flood.send(
      awarenessFrame([
        { client: 1, state: { cursor: null } },
        { client: 2, state: { cursor: null } },
      ]),
    )
    await waitFor(() => room.awareness.getStates().has(2))
    // Then thousands of ids in frames of a few each: 150,000 of them once doubled the server's memory.
    let largest = 0
    const watch = (): void => {
      largest = Math.max(largest, room.awareness.getStates().size)
    }
    room.awareness.on('update', watch)
    for (let i = 0; i < 2000; i++) flood.send(awarenessFrame([0, 1, 2, 3].map((k) => ({ client: 1000 + i * 4 + k, state: { cursor: null } }))))
    expect((await flood.closed).code).toBe(CLOSE.tooLarge)
    room.awareness.off('update', watch)

    expect(largest).toBeLessThanOrEqual(MAX_AWARENESS_IDS + 2)
    expect([...room.awareness.getStates().keys()].filter((id) => id !== a.doc.clientID && id !== b.doc.clientID)).toEqual([])
    await waitFor(() => !b.provider.awareness.getStates().has(2))
    expect(server.logs.some((l) => l.includes('ws.awareness.limit') && l.includes(`user=${user.id}`))).toBe(true)

    a.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 })
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { cursor?: unknown } | undefined)?.cursor !== undefined)
    expect(userSeenBy(b, a.doc.clientID)).toBe(server.admin.user.id)
    a.close()
    b.close()
  })

  it('closes a socket with 4413 for one awareness state over the size limit and never shows it to others', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const b = await connectClient(server, doc.id, server.admin.token)
    const room = server.services.rooms.get(doc.id)!
    const big = openSocket(server, doc.id, server.admin.token)
    await big.opened
    await waitFor(() => room.peers.size === 2)
    big.send(awarenessFrame([{ client: 77, state: { note: 'x'.repeat(MAX_AWARENESS_STATE_CHARS) } }]))
    expect((await big.closed).code).toBe(CLOSE.tooLarge)
    expect(room.awareness.getStates().has(77)).toBe(false)
    expect(b.provider.awareness.getStates().has(77)).toBe(false)
    b.close()
  })

  it('takes more frames from one socket as long as they update the same few ids', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const room = await server.services.rooms.open(doc.id)
    const raw = openSocket(server, doc.id, server.admin.token)
    await raw.opened
    await waitFor(() => room.peers.size === 1)
    for (let clock = 1; clock <= 500; clock++)
      raw.send(
        awarenessFrame([
          { client: 5, clock, state: { cursor: { anchor: clock } } },
          { client: 6, clock, state: { cursor: null } },
        ]),
      )
    await waitFor(() => (room.awareness.getStates().get(5) as { cursor?: { anchor?: number } } | undefined)?.cursor?.anchor === 500)
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
    server.services.rooms.release(room)
    raw.ws.close()
  })
})

describe('presence in a busy room', () => {
  it('keeps every one of twelve collaborators connected: y-websocket relays the others’ states, which are not this socket’s own', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const clients: TestClient[] = []
    for (let i = 0; i < 12; i++) {
      const c = await connectClient(server, doc.id, server.admin.token)
      c.provider.awareness.setLocalStateField('cursor', { anchor: i })
      clients.push(c)
    }
    const ids = clients.map((c) => c.doc.clientID)
    for (const c of clients) await waitFor(() => ids.every((id) => c.provider.awareness.getStates().has(id)))
    expect(clients.every((c) => c.provider.wsconnected)).toBe(true)
    expect(server.logs.filter((l) => l.includes('awareness') && l.includes('limit'))).toEqual([])
    for (const c of clients) c.close()
  })
})
