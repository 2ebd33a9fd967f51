import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { DEFAULT_PING_MS } from '../../../server/collab/collabServer.ts'
import { awarenessMessage } from '../../../server/collab/protocol.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor, waitForEvent } from '../../utils/waitFor.ts'

const PING_MS = 100

/** An awareness frame with one state for `client`. */
function presence(client: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, 1)
  encoding.writeVarString(e, JSON.stringify({ cursor: null }))
  return awarenessMessage(encoding.toUint8Array(e))
}

describe('dead sockets', () => {
  it('drops a socket that stops answering pings, and its presence leaves the other clients', async () => {
    const server = await startTestServer({ pingMs: PING_MS })
    const doc = await server.createDocument()
    const watcher = await connectClient(server, doc.id, server.admin.token)
    // A connection that dies without a closing handshake: the socket stays open but nothing answers.
    const dead = new WebSocket(`${server.collabUrl}/${doc.id}?token=${encodeURIComponent(server.admin.token)}`, { autoPong: false })
    dead.on('error', () => {})
    await new Promise<void>((resolve) => dead.once('open', () => resolve()))
    await waitFor(() => server.services.rooms.get(doc.id)?.peers.size === 2)
    dead.send(presence(4242))
    await waitFor(() => watcher.provider.awareness.getStates().has(4242))

    const [{ removed }] = await waitForEvent(watcher.provider.awareness, 'change', (change: { removed: number[] }) => change.removed.includes(4242))
    expect(removed).toContain(4242)
    expect(server.logs.some((l) => l.includes('ws.timeout') && l.includes('no answer to ping'))).toBe(true)
    expect(server.services.rooms.get(doc.id)?.peers.size).toBe(1)
    dead.terminate()
    watcher.close()
  })

  it('pings often enough by default that a dead socket goes within 8 s (heard, then pinged, then dropped: 1.5 periods)', () => {
    expect(1.5 * DEFAULT_PING_MS).toBeLessThanOrEqual(8_000)
  })

  it('keeps a socket that answers pings over many rounds', async () => {
    const server = await startTestServer({ pingMs: PING_MS })
    const doc = await server.createDocument()
    const client = await connectClient(server, doc.id, server.admin.token)
    const ws = client.provider.ws as unknown as WebSocket
    let pings = 0
    ws.on('ping', () => pings++)
    await waitFor(() => pings >= 5)
    expect(client.provider.wsconnected).toBe(true)
    expect(server.logs.some((l) => l.includes('ws.timeout'))).toBe(false)
    client.close()
  })
})
