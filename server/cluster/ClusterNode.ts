import { randomUUID } from 'node:crypto'
import { createClient } from 'redis'
import type { WebSocket } from 'ws'
import { CLOSE } from '../../shared/api/closeCodes.ts'
import type { Sessions } from '../auth/sessions.ts'
import type { CollabServer } from '../collab/collabServer.ts'
import type { DocumentAccess } from '../collab/documentAccess.ts'
import type { RoomLease, Rooms } from '../collab/Rooms.ts'
import type { Log } from '../log.ts'
import type { PgStorage } from '../storage/PgStorage.ts'
import { dropLease, leaseHolder, leaseState, renewLease, takeLease, type Redis } from './leases.ts'
import { NotOwnerError } from './NotOwnerError.ts'
import { OwnerCalls } from './ownerCalls.ts'
import { decodeRelay, encodeRelay, RELAY, type RelayMessage } from './relayProtocol.ts'
import { StandInSocket } from './StandInSocket.ts'

/** Default lease period: an owner that dies is replaced at most this long after its last renewal. */
export const DEFAULT_LEASE_MS = 5_000

/** Channel of cluster-wide events (sign-outs, access changes). */
const EVENTS = 'plan:events'
const nodeChannel = (node: string): string => `plan:node:${node}`

/** A cluster-wide event. */
interface ClusterEvent {
  from: string
  kind: 'revoke' | 'access'
  id: string
}

/** What the node serves once the server is built. */
export interface ClusterParts {
  collab: CollabServer
  sessions: Sessions
  documents: DocumentAccess
  rooms: Rooms
}

/**
 * This process's membership of a cluster (REDIS_URL with DATABASE_URL). Each document has one
 * owner at a time: the process holding its lease in Redis, which loads, validates, records and
 * stores it, its log writes fenced in PostgreSQL by the number it claimed with the lease. Sockets
 * that reach another process are relayed to the owner over Redis pub/sub, where they run as
 * ordinary Connections on stand-in sockets; sign-outs and access changes are published to all.
 */
export class ClusterNode {
  readonly id = randomUUID()
  /** Documents whose lease this node holds, with the fencing number it claimed. */
  private readonly held = new Map<string, number>()
  /** Relayed sockets served here (this node owns their document), by connection id. */
  private readonly standIns = new Map<string, StandInSocket>()
  /** Sockets of clients connected here whose document another node owns. */
  private readonly relayed = new Map<string, { ws: WebSocket; owner: string; docId: string }>()
  /** Documents whose owner is watched for this node's relayed sockets: the next check. */
  private readonly watches = new Map<string, NodeJS.Timeout>()
  private nextConn = 0
  private parts: ClusterParts | null = null
  private lastRenewal = Date.now()
  private readonly renewTimer: NodeJS.Timeout
  private offs: Array<() => void> = []
  /** The server is stopping: its documents go to other processes. */
  private stopping = false
  /** Operations that must run on a document's owner (saving and restoring versions), sent there from any process. */
  readonly calls: OwnerCalls

  private constructor(
    private readonly redis: Redis,
    private readonly sub: Redis,
    private readonly storage: PgStorage,
    private readonly log: Log,
    readonly leaseMs: number,
  ) {
    storage.fenceOf = (docId) => this.held.get(docId)
    storage.fencedIdleMs = leaseMs
    this.calls = new OwnerCalls(
      { id: this.id, holds: (docId) => this.held.has(docId), ownerOf: (docId) => leaseHolder(this.redis, docId), publish: (node, msg) => this.publishAsync(node, msg) },
      log,
      Math.max(10_000, leaseMs * 2),
    )
    this.renewTimer = setInterval(() => void this.renewAll(), Math.max(50, Math.floor(leaseMs / 3)))
    this.renewTimer.unref()
  }

  /** Connects to Redis and listens on this node's relay channel; throws a clear error when Redis cannot be reached. */
  static async connect(url: string, storage: PgStorage, log: Log, leaseMs = DEFAULT_LEASE_MS): Promise<ClusterNode> {
    const redis: Redis = createClient({ url })
    redis.on('error', (err: Error) => log.warn('cluster.redis.error', {}, err))
    try {
      await redis.connect()
    } catch (err) {
      await redis.destroy()
      throw new Error(`无法连接 Redis（REDIS_URL）：${err instanceof Error ? err.message : String(err)}`, { cause: err })
    }
    const sub: Redis = redis.duplicate()
    sub.on('error', (err: Error) => log.warn('cluster.redis.error', { subscriber: true }, err))
    await sub.connect()
    const node = new ClusterNode(redis, sub, storage, log, leaseMs)
    // Pub/sub delivers at most once: what was published while the subscription was down is gone.
    sub.on('ready', () => node.resync())
    await sub.subscribe(nodeChannel(node.id), (message: Buffer) => node.onRelay(message), true)
    await sub.subscribe(EVENTS, (message: string) => node.onEvent(message))
    log.info('cluster.joined', { node: node.id, leaseMs })
    return node
  }

  /** The lease Rooms takes before loading a document and gives back after unloading it. */
  roomLease(): RoomLease {
    return {
      acquire: async (docId) => {
        if (this.stopping || !(await takeLease(this.redis, docId, this.id, this.leaseMs))) throw new NotOwnerError()
        this.held.set(docId, await this.storage.claimFence(docId))
        this.log.info('cluster.lease.taken', { doc: docId, fence: this.held.get(docId) })
      },
      release: (docId) => {
        if (!this.held.delete(docId)) return
        dropLease(this.redis, docId, this.id).catch((err: unknown) => this.log.warn('cluster.lease.release.failed', { doc: docId }, err))
      },
      // The owner waits for its pending store; here (or with no owner) storage already has everything.
      // An owner that does not answer within a second is dying: read what it stored rather than wait for its lease.
      flushedElsewhere: (docId) => this.calls.atOwner(docId, 'room.flush', {}, async () => undefined, 1000).catch(() => undefined),
    }
  }

  /** Serves the built server: relayed sockets, and events passed on to and from the other processes. */
  attach(parts: ClusterParts): void {
    this.parts = parts
    this.calls.serve('room.flush', async (docId) => {
      await parts.rooms.get(docId)?.flushed()
    })
    this.offs.push(parts.sessions.onRevoke((sessionId) => this.publishEvent('revoke', sessionId)))
    this.offs.push(parts.documents.onAccessChange((docId) => this.publishEvent('access', docId)))
  }

  /** For the collaboration server: null to serve a document's socket here, or the relay to its owner. */
  async route(docId: string, url: URL): Promise<((ws: WebSocket) => void) | null> {
    const owner = await leaseHolder(this.redis, docId)
    if (!owner || owner === this.id) return null
    return (ws) => this.relay(ws, docId, owner, url)
  }

  /** Relays a client's socket to the owner of its document, until either side closes or the owner changes. */
  private relay(ws: WebSocket, docId: string, owner: string, url: URL): void {
    const conn = `${this.id}/${++this.nextConn}`
    // A frame that did not reach Redis is lost: the client reconnects and resyncs instead of drifting.
    const send = (msg: RelayMessage): void => {
      this.publishAsync(owner, msg).catch((err: unknown) => {
        this.log.warn('cluster.publish.failed', { node: owner, conn }, err)
        ws.close(CLOSE.restarting, 'relay interrupted')
      })
    }
    this.relayed.set(conn, { ws, owner, docId })
    this.watchOwner(docId)
    send({ kind: RELAY.open, conn, from: this.id, url: url.pathname + url.search })
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return ws.close(CLOSE.malformed, 'text frame')
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      send({ kind: RELAY.frame, conn, data: bytes })
    })
    ws.on('pong', () => send({ kind: RELAY.pong, conn }))
    ws.on('error', (err) => this.log.warn('cluster.relay.error', { conn, doc: docId }, err))
    ws.on('close', (code) => {
      if (this.relayed.delete(conn)) send({ kind: RELAY.close, conn, code, reason: 'client closed' })
    })
    this.log.info('cluster.relay.open', { conn, doc: docId, owner })
  }

  /**
   * Checks the lease of a document this node relays sockets for, twice per lease period, and closes
   * (1012) every relayed socket whose owner no longer holds it, all at once: their clients reconnect
   * and reach the new owner (or make this node the owner) together. A live owner renews every third
   * of a period, so a lease with less than half a period left belongs to a dead or stalled owner:
   * the next check comes just after it expires rather than up to half a period later.
   */
  private watchOwner(docId: string): void {
    if (this.watches.has(docId)) return
    const check = async (): Promise<void> => {
      const relays = [...this.relayed.values()].filter((r) => r.docId === docId)
      if (!relays.length) return void this.watches.delete(docId)
      let next = this.leaseMs / 2
      try {
        const { holder, ttlMs } = await leaseState(this.redis, docId)
        for (const r of relays) if (r.owner !== holder) r.ws.close(CLOSE.restarting, 'document moved')
        if (ttlMs > 0) next = Math.min(next, ttlMs + 5)
      } catch {
        // Redis unreachable: try again later; the owner's room fails on its own when it cannot renew.
      }
      this.schedule(docId, check, next)
    }
    this.schedule(docId, check, this.leaseMs / 2)
  }

  private schedule(docId: string, check: () => Promise<void>, ms: number): void {
    const timer = setTimeout(() => void check(), Math.max(20, Math.floor(ms)))
    timer.unref()
    this.watches.set(docId, timer)
  }

  private onRelay(bytes: Buffer): void {
    let msg: RelayMessage
    try {
      msg = decodeRelay(bytes)
    } catch (err) {
      return this.log.warn('cluster.relay.malformed', { bytes: bytes.length }, err)
    }
    if (msg.kind === RELAY.open) return this.serveRelayed(msg.conn, msg.from, msg.url)
    if (msg.kind === RELAY.call || msg.kind === RELAY.reply) return this.calls.receive(msg)
    const relayed = this.relayed.get(msg.conn)
    if (relayed) {
      if (msg.kind === RELAY.frame) relayed.ws.send(msg.data)
      else if (msg.kind === RELAY.ping) relayed.ws.ping()
      else if (msg.kind === RELAY.close) {
        this.relayed.delete(msg.conn)
        // 1006 (dropped) cannot be sent in a closing handshake: the socket is cut instead.
        if (msg.code === 1006) relayed.ws.terminate()
        else relayed.ws.close(msg.code, msg.reason)
      }
      return
    }
    const standIn = this.standIns.get(msg.conn)
    if (!standIn) return
    if (msg.kind === RELAY.frame) standIn.deliver(msg.data)
    else if (msg.kind === RELAY.pong) standIn.emit('pong')
    else if (msg.kind === RELAY.close) {
      this.standIns.delete(msg.conn)
      standIn.closed(msg.code)
    }
  }

  /** Runs a relayed socket here as an ordinary connection on a stand-in. */
  private serveRelayed(conn: string, from: string, url: string): void {
    const collab = this.parts?.collab
    const standIn = new StandInSocket({
      frame: (data) => this.publishAsync(from, { kind: RELAY.frame, conn, data }),
      ping: () => this.publish(from, { kind: RELAY.ping, conn }),
      close: (code, reason) => {
        this.standIns.delete(conn)
        this.publish(from, { kind: RELAY.close, conn, code, reason })
      },
    })
    this.standIns.set(conn, standIn)
    standIn.on('close', () => this.standIns.delete(conn))
    if (!collab) return standIn.close(CLOSE.restarting, 'starting')
    if (this.stopping) return standIn.close(CLOSE.restarting, 'server restarting')
    void collab.accept(standIn.asWebSocket(), new URL(url, 'http://localhost'))
  }

  /**
   * The subscription came back after Redis was unreachable: frames sent meanwhile in either direction
   * are lost, so every relayed socket and stand-in here closes (1012) and its client resyncs in full.
   */
  private resync(): void {
    if (!this.relayed.size && !this.standIns.size) return
    this.log.warn('cluster.relay.resync', { relayed: this.relayed.size, standIns: this.standIns.size })
    for (const relayed of [...this.relayed.values()]) relayed.ws.close(CLOSE.restarting, 'relay interrupted')
    for (const standIn of [...this.standIns.values()]) standIn.close(CLOSE.restarting, 'relay interrupted')
  }

  private publish(node: string, msg: RelayMessage): void {
    this.publishAsync(node, msg).catch((err: unknown) => this.log.warn('cluster.publish.failed', { node }, err))
  }

  private async publishAsync(node: string, msg: RelayMessage): Promise<void> {
    await this.redis.publish(nodeChannel(node), encodeRelay(msg))
  }

  private publishEvent(kind: ClusterEvent['kind'], id: string): void {
    const event: ClusterEvent = { from: this.id, kind, id }
    this.redis.publish(EVENTS, JSON.stringify(event)).catch((err: unknown) => this.log.warn('cluster.publish.failed', { event: kind }, err))
  }

  /** Another process's sign-out closes the session's sockets here; its access change rechecks this document's sockets. */
  private onEvent(message: string): void {
    let event: ClusterEvent
    try {
      event = JSON.parse(message) as ClusterEvent
    } catch {
      return
    }
    const parts = this.parts
    if (!parts || event.from === this.id) return
    if (event.kind === 'revoke') {
      parts.sessions.forget(event.id)
      for (const conn of [...parts.collab.connections]) if (conn.auth?.session.id === event.id) conn.close(CLOSE.unauthenticated, 'signed out')
    } else if (event.kind === 'access') {
      parts.collab.recheckAccess(event.id).catch((err: unknown) => this.log.warn('cluster.access.failed', { doc: event.id }, err))
    }
  }

  /** Extends every held lease; a lease found lost (or not renewed for most of its period) fails its room. */
  private async renewAll(): Promise<void> {
    const docs = [...this.held.keys()]
    try {
      const results = await Promise.all(docs.map((docId) => renewLease(this.redis, docId, this.id, this.leaseMs)))
      this.lastRenewal = Date.now()
      docs.forEach((docId, i) => {
        if (!results[i]) this.lost(docId)
      })
    } catch (err) {
      this.log.warn('cluster.lease.renew.failed', { docs: docs.length }, err)
      if (Date.now() - this.lastRenewal > (this.leaseMs * 2) / 3) for (const docId of docs) this.lost(docId)
    }
  }

  /** This node no longer owns the document: its room fails (its clients reconnect and reach the new owner). */
  private lost(docId: string): void {
    if (!this.held.delete(docId)) return
    this.log.warn('cluster.lease.lost', { doc: docId })
    this.parts?.rooms.get(docId)?.fail()
  }

  /**
   * Call first when the server stops: relayed sockets are refused (1012) and no lease is taken from
   * now on. Otherwise a client that reconnects while the owner stores and gives back its documents is
   * relayed here again, reopens the document, and its lease outlives the process by a whole period.
   */
  stopServing(): void {
    this.stopping = true
  }

  /** Closes relayed sockets (their clients reconnect elsewhere) and the Redis connections; call after the rooms are closed. */
  async close(): Promise<void> {
    clearInterval(this.renewTimer)
    for (const off of this.offs) off()
    this.calls.close()
    for (const timer of this.watches.values()) clearTimeout(timer)
    this.watches.clear()
    for (const [conn, relayed] of this.relayed) {
      relayed.ws.close(CLOSE.restarting, 'server restarting')
      this.relayed.delete(conn)
    }
    await Promise.allSettled([this.sub.quit(), this.redis.quit()])
  }
}
