import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { CLOSE, MAX_FRAME_BYTES } from '../../shared/api/closeCodes.ts'
import { COLLAB_PATH, DOC_CHANGED_FIELD } from '../../shared/api/collab.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { DocumentAccess } from './documentAccess.ts'
import type { Log } from '../log.ts'
import { Connection } from './Connection.ts'
import type { Rooms } from './Rooms.ts'
import { startPingRounds } from './pingRounds.ts'

/** What the websocket endpoint needs. */
export interface CollabDeps {
  sessions: Sessions
  documents: DocumentAccess
  rooms: Rooms
  log: Log
  /** Milliseconds between keep-alive pings of a quiet socket; one that misses a ping is dropped half a period later. @default DEFAULT_PING_MS */
  pingMs?: number
  /**
   * In a cluster: where a document's sockets go. Resolves to a function that takes the socket when
   * another process owns the document (it relays the frames there), or to null to serve it here.
   */
  route?: (docId: string, url: URL) => Promise<((ws: WebSocket) => void) | null>
}

/**
 * Ping interval of a quiet socket. A socket that goes silent is dropped at most 1.5 intervals after
 * the last thing it sent (pingRounds.ts), so a colleague whose connection died leaves the presence
 * list within 6 s (issue: 30–60 s).
 */
export const DEFAULT_PING_MS = 4_000

/** The running websocket endpoint. */
export interface CollabServer {
  /** Open connections. */
  readonly connections: ReadonlySet<Connection>
  /** Stops accepting sockets and stops the ping rounds (rooms are closed by Rooms.closeAll). */
  close(): void
  /** Waits until every socket has closed, terminating those still open after `ms`. */
  drain(ms: number): Promise<void>
  /** Serves a socket as if it had just connected to `url` (a cluster passes its stand-ins for relayed sockets). */
  accept(ws: WebSocket, url: URL): Promise<void>
  /** Checks the open sockets of a document against its record again (a cluster passes on other processes' changes). */
  recheckAccess(docId: string): Promise<void>
}

/**
 * Serves `/collab/<docId>?token=…` on the HTTP server. Every socket is accepted and then checked
 * (token → 4401, document → 4404, role → 4403), because browsers only see 1006 for a refused
 * upgrade while y-websocket stops retrying on 44xx close codes.
 */
export function attachCollab(server: Server, deps: CollabDeps): CollabServer {
  const { sessions, documents, rooms, log } = deps
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const connections = new Set<Connection>()
  let nextId = 1

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(COLLAB_PATH + '/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    const upgrade = (relay: ((ws: WebSocket) => void) | null): void =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (!relay) return void accept(ws, url)
        mapOversizeClose(ws)
        relay(ws)
      })
    if (!deps.route) return upgrade(null)
    deps.route(url.pathname.slice(COLLAB_PATH.length + 1), url).then(upgrade, (err: unknown) => {
      log.error('ws.route.failed', { path: url.pathname }, err)
      socket.destroy()
    })
  }

  const accept = async (ws: WebSocket, url: URL): Promise<void> => {
    mapOversizeClose(ws)
    const docId = url.pathname.slice(COLLAB_PATH.length + 1)
    const conn = new Connection(ws, nextId++, docId, log, (c) => {
      connections.delete(c)
      if (c.room) rooms.checkIdle(c.room)
    })
    connections.add(conn)
    try {
      const auth = await sessions.authenticate(url.searchParams.get('token'))
      if (!auth) return conn.close(CLOSE.unauthenticated, 'unauthenticated')
      const doc = await documents.get(docId)
      if (!doc || doc.archived) return conn.close(CLOSE.notFound, 'no such document')
      const role = await documents.roleOf(auth.user, doc)
      if (!role) return conn.close(CLOSE.forbidden, 'no access')
      if (conn.isClosed) return
      const room = await rooms.open(docId)
      try {
        if (!conn.isClosed) {
          conn.frozen = doc.status === 'final'
          conn.attach(room, auth, role)
          log.info('ws.open', { conn: conn.id, doc: docId, user: auth.user.id, role })
        }
      } finally {
        rooms.release(room)
      }
    } catch (err) {
      log.error('ws.accept.failed', { conn: conn.id, doc: docId }, err)
      conn.close(CLOSE.serverError, 'internal error')
    }
  }

  server.on('upgrade', onUpgrade)

  // Sign-out and role changes take effect on open sockets at once.
  const offRevoke = sessions.onRevoke((sessionId) => {
    for (const conn of connections) if (conn.auth?.session.id === sessionId) conn.close(CLOSE.unauthenticated, 'signed out')
  })
  let recordChanges = 0
  const offAccess = documents.onAccessChange((docId) => recheckAccess(docId))
  const recheckAccess = async (docId: string): Promise<void> => {
    const doc = await documents.get(docId)
    // The server's own presence state tells every open editor to fetch the document's record again.
    rooms.get(docId)?.awareness.setLocalState({ [DOC_CHANGED_FIELD]: `${Date.now()}-${++recordChanges}` })
    for (const conn of [...connections]) {
      if (conn.docId !== docId || !conn.auth || conn.isClosed) continue
      if (!doc || doc.archived) {
        conn.close(CLOSE.notFound, 'archived')
        continue
      }
      const role = await documents.roleOf(conn.auth.user, doc)
      if (!role) conn.close(CLOSE.forbidden, 'access removed')
      // A document that becomes 定稿 closes its sockets so every editor stops typing at once.
      else if (doc.status === 'final' && !conn.frozen) conn.close(CLOSE.finalized, 'finalized')
      // The browser must learn its new role (an editor made reviewer would type into the void), so it reopens.
      else if (role !== conn.role) conn.close(CLOSE.roleChanged, 'role changed')
      else conn.frozen = doc.status === 'final'
    }
  }

  const stopPings = startPingRounds(connections, deps.pingMs ?? DEFAULT_PING_MS)

  return {
    connections,
    accept,
    recheckAccess,
    close() {
      server.off('upgrade', onUpgrade)
      stopPings()
      offRevoke()
      offAccess()
      wss.close()
    },
    async drain(ms) {
      const deadline = Date.now() + ms
      while (connections.size && Date.now() < deadline) {
        const open = [...connections].map((c) => new Promise<void>((r) => c.ws.once('close', () => r())))
        await Promise.race([Promise.all(open), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))])
      }
      for (const conn of connections) conn.ws.terminate()
    },
  }
}

/**
 * ws closes a socket whose frame exceeds maxPayload with 1009 before any handler sees the frame;
 * we send 4413 instead so that y-websocket stops resending the same oversized change.
 */
function mapOversizeClose(ws: WebSocket): void {
  const close = ws.close.bind(ws)
  ws.close = (code?: number, reason?: string | Buffer) => close(code === 1009 ? CLOSE.tooLarge : code, reason)
}
