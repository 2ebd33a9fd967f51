import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { CLOSE } from '../../shared/api/closeCodes.ts'
import { canEdit, type DocRole } from '../../shared/api/types.ts'
import type { Authenticated } from '../auth/sessions.ts'
import type { Log } from '../log.ts'
import { AwarenessOverLimit, stampAwareness } from './awarenessIdentity.ts'
import { awarenessMessage, checkStateVector, checkUpdate, MalformedFrame, readClientMessage, syncStep1Message, syncStep2Message } from './protocol.ts'
import { InvalidUpdate, RoomFailed, type Room, type RoomPeer } from './Room.ts'
import { receiveReviewerUpdate, stampNewSuggestions, type Stamper } from './reviewerCheck.ts'
import { planBeforeDecisions, recordDecisions } from './decisionRecorder.ts'

/** Bytes queued for a client that does not read before it is dropped. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024

/**
 * One websocket of one user in one room. Frames that arrive before the room is loaded wait in a
 * queue; after that every frame is handled synchronously, in order. Viewers may sync, read and
 * show presence, but their document updates are dropped and logged; reviewers' updates are
 * accepted when they only suggest and comment (else 4400).
 */
export class Connection implements RoomPeer {
  readonly awarenessIds = new Set<number>()
  /** Set by every frame and pong; the ping rounds clear it and ping only a connection not heard from since (pingRounds.ts). */
  heard = true
  room: Room | null = null
  role: DocRole = 'viewer'
  /** True while the document is 定稿: updates are dropped as a viewer's are, whatever the role. */
  frozen = false
  auth: Authenticated | null = null
  private queue: Uint8Array[] | null = []
  private closed = false
  private expiryTimer: NodeJS.Timeout | undefined

  constructor(
    readonly ws: WebSocket,
    readonly id: number,
    readonly docId: string,
    private readonly log: Log,
    private readonly onClosed: (conn: Connection) => void,
  ) {
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary))
    ws.on('pong', () => {
      this.heard = true
    })
    ws.on('error', (err) => this.log.warn('ws.error', { conn: this.id, doc: docId }, err))
    ws.on('close', (code) => this.onClose(code))
  }

  /** The authenticated user's id ('' before authentication). */
  get userId(): string {
    return this.auth?.user.id ?? ''
  }

  /** True once the socket closed or is closing. */
  get isClosed(): boolean {
    return this.closed
  }

  /** Joins the room: sends the server's state vector and presence, then handles queued frames. */
  attach(room: Room, auth: Authenticated, role: DocRole): void {
    this.room = room
    this.auth = auth
    this.role = role
    room.join(this)
    this.send(syncStep1Message(room.doc))
    const states = room.awareness.getStates()
    if (states.size) this.send(awarenessMessage(encodeAwarenessUpdate(room.awareness, [...states.keys()])))
    // The token stops working at its expiry; so does the socket.
    const ms = auth.session.expiresAt - Date.now()
    this.expiryTimer = setTimeout(() => this.close(CLOSE.unauthenticated, 'session expired'), Math.min(Math.max(ms, 0), 2 ** 31 - 1))
    const queued = this.queue ?? []
    this.queue = null
    for (const frame of queued) {
      if (this.closed) break
      this.handle(frame)
    }
  }

  /** Sends a frame if the socket is open; a client that stopped reading is dropped (it reconnects and resyncs). */
  send(frame: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CLOSE.tryAgainLater, 'client too slow')
    this.ws.send(frame, (err) => {
      if (err) this.close(CLOSE.serverError, 'send failed')
    })
  }

  /** Closes the socket with a code (see shared/api/closeCodes.ts); its presence goes at once, not after the closing handshake. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.room?.leave(this)
    this.log.info('ws.close', { conn: this.id, doc: this.docId, user: this.auth?.user.id, code, reason })
    this.ws.close(code, reason)
    // A peer that never answers the closing handshake must not keep the room open.
    setTimeout(() => this.ws.terminate(), 5000).unref()
  }

  /** Sends a keep-alive ping; the pong sets `alive` again. */
  ping(): void {
    this.ws.ping()
  }

  /** Drops a socket that stopped answering (no closing handshake: nothing would answer it); its presence goes at once. */
  terminate(reason: string): void {
    if (this.closed) return
    this.closed = true
    this.room?.leave(this)
    this.log.info('ws.timeout', { conn: this.id, doc: this.docId, user: this.auth?.user.id, reason })
    this.ws.terminate()
  }

  private onFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    if (this.closed) return
    this.heard = true
    if (!isBinary) return this.close(CLOSE.malformed, 'text frame')
    const frame = Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : new Uint8Array(data)
    if (this.queue) this.queue.push(frame)
    else this.handle(frame)
  }

  private handle(frame: Uint8Array): void {
    const room = this.room
    if (!room || room.failed) return
    try {
      const msg = readClientMessage(frame)
      switch (msg.kind) {
        case 'sync-step1':
          checkStateVector(msg.stateVector)
          this.send(syncStep2Message(room.doc, msg.stateVector))
          break
        case 'sync-step2':
        case 'update':
          this.receiveUpdate(room, msg.update)
          break
        case 'awareness':
          applyAwarenessUpdate(room.awareness, stampAwareness(msg.update, this, room), this)
          break
        case 'query-awareness':
          this.send(awarenessMessage(encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()])))
          break
      }
    } catch (err) {
      if (err instanceof RoomFailed) return
      if (err instanceof AwarenessOverLimit) {
        this.log.warn('ws.awareness.limit', { conn: this.id, doc: this.docId, user: this.userId, reason: err.message, bytes: frame.length })
        return this.close(CLOSE.tooLarge, 'presence over limit')
      }
      if (err instanceof MalformedFrame || err instanceof InvalidUpdate) {
        this.log.warn('ws.rejected', { conn: this.id, doc: this.docId, user: this.userId, reason: err.message, bytes: frame.length })
        this.close(err instanceof InvalidUpdate && err.kind === 'size' ? CLOSE.tooLarge : CLOSE.malformed, 'malformed')
      } else {
        this.log.error('ws.failed', { conn: this.id, doc: this.docId, user: this.userId }, err)
        this.close(CLOSE.serverError, 'internal error')
      }
    }
  }

  private receiveUpdate(room: Room, update: Uint8Array): void {
    if (canEdit(this.role) && !this.frozen) {
      const before = planBeforeDecisions(room, update)
      if (!room.receive(update, this.userId, this)) return
      stampNewSuggestions(room, update, this.stamper())
      recordDecisions(room, before, update, this.stamper())
      return
    }
    checkUpdate(update)
    // Reviewers type in 修订 mode: an update that only suggests and comments is accepted (reviewerCheck.ts).
    if (this.role === 'reviewer' && !this.frozen) {
      receiveReviewerUpdate(room, update, this.stamper(), this)
      return
    }
    // An empty sync answer from a read-only client is normal; only a real change is worth a line.
    if (!Y.snapshotContainsUpdate(Y.snapshot(room.doc), update)) {
      this.log.warn('update.dropped', { conn: this.id, doc: this.docId, user: this.userId, role: this.role, final: this.frozen, bytes: update.length })
    }
  }

  /** The signed-in account new suggestions are stamped with. */
  private stamper(): Stamper {
    return { id: this.userId, name: this.auth?.user.displayName ?? '', color: this.auth?.user.color }
  }

  private onClose(code: number): void {
    clearTimeout(this.expiryTimer)
    if (!this.closed) this.log.info('ws.close', { conn: this.id, doc: this.docId, user: this.auth?.user.id, code, by: 'client' })
    this.closed = true
    this.queue = null
    if (this.room) this.room.leave(this)
    this.onClosed(this)
  }
}
