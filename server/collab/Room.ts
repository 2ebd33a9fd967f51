import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { META_MAP, PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import type { Log } from '../log.ts'
import type { NewUpdate, Storage, WriteOp } from '../storage/Storage.ts'
import { applyParts } from '../storage/documentState.ts'
import { docKey } from '../storage/keys.ts'
import { awarenessMessage, updateMessage } from './protocol.ts'
import { schemaViolation } from './schemaViolation.ts'

/** What a room needs from a connection: sending frames, closing, and who is behind it. */
export interface RoomPeer {
  readonly userId: string
  /** Awareness client ids this peer introduced; removed from awareness when it leaves. */
  readonly awarenessIds: Set<number>
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

/** An update that does not decode, does not apply, or does not fit the plan schema. */
export class InvalidUpdate extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'InvalidUpdate'
  }
}

interface Pending {
  entry: NewUpdate
  frame: Uint8Array
  origin: RoomPeer | null
}

/** A loaded document: its stored parts (snapshot and log), sequence number and known client-id owners. */
export interface RoomState {
  parts: Uint8Array[]
  seq: number
  clientUsers: Map<number, string>
}

/**
 * One open document. Every change is first tried on a shadow copy (so that an update that throws
 * or breaks the schema never touches the real document), then applied, stored durably together
 * with its author, and only then broadcast. Stores are grouped: while one write is in flight the
 * next updates queue and go out in one batch.
 */
export class Room {
  /** The accepted state; every sync answer comes from here. */
  readonly doc = new Y.Doc()
  readonly awareness: Awareness
  readonly peers = new Set<RoomPeer>()
  /** Holds by non-socket users (HTTP restore, version reads); the room stays open while > 0. */
  holds = 0
  /** Last stored sequence number. */
  seq: number
  /** Set when the room broke (a store failed); it takes no more changes. */
  failed = false
  private shadow!: Y.Doc
  private readonly clientUsers: Map<number, string>
  private pending: Pending[] = []
  private draining = false
  private flushWaiters: Array<() => void> = []
  private destroyed = false

  constructor(
    readonly docId: string,
    loaded: RoomState,
    private readonly storage: Storage,
    private readonly log: Log,
  ) {
    this.seq = loaded.seq
    this.clientUsers = loaded.clientUsers
    // Define the root types first so that remote structs land in typed roots.
    this.doc.getXmlFragment(PLAN_FIELD)
    this.doc.getMap(META_MAP)
    applyParts(this.doc, loaded.parts)
    this.rebuildShadow()
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /**
   * Applies an update sent by `userId`; returns false when it held nothing new. Throws
   * InvalidUpdate (and leaves the document unchanged) when it cannot be applied.
   */
  receive(update: Uint8Array, userId: string, origin: RoomPeer | null): boolean {
    return this.commit(userId, origin, (shadow) => Y.applyUpdate(shadow, update))
  }

  /** A change made by the server for a user (a restore); stored and broadcast like a client's. */
  change(userId: string, fn: (doc: Y.Doc) => void): boolean {
    return this.commit(userId, null, fn)
  }

  private commit(userId: string, origin: RoomPeer | null, fn: (shadow: Y.Doc) => void): boolean {
    if (this.failed) throw new InvalidUpdate('room closed')
    const effective = this.tryOnShadow(fn)
    if (!effective) return false
    Y.applyUpdate(this.doc, effective, origin)
    this.enqueue({ userId, at: Date.now(), update: effective, clients: [...Y.parseUpdateMeta(effective).to.keys()] }, origin)
    return true
  }

  /** Runs fn on the shadow and returns the update it made; on failure rebuilds the shadow and throws. */
  private tryOnShadow(fn: (shadow: Y.Doc) => void): Uint8Array | null {
    const shadow = this.shadow
    const updates: Uint8Array[] = []
    let violation: string | null = null
    const onAfter = (tr: Y.Transaction): void => {
      violation ??= schemaViolation(shadow, tr.beforeState, tr.afterState)
    }
    const onUpdate = (u: Uint8Array): void => {
      updates.push(u)
    }
    shadow.on('afterTransaction', onAfter)
    shadow.on('update', onUpdate)
    try {
      fn(shadow)
    } catch (err) {
      violation ??= `apply failed: ${safeReason(err)}`
    } finally {
      shadow.off('afterTransaction', onAfter)
      shadow.off('update', onUpdate)
    }
    if (violation) {
      this.rebuildShadow()
      throw new InvalidUpdate(violation)
    }
    if (!updates.length) return null
    return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)
  }

  private rebuildShadow(): void {
    this.shadow?.destroy()
    this.shadow = new Y.Doc()
    this.shadow.getXmlFragment(PLAN_FIELD)
    this.shadow.getMap(META_MAP)
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc))
  }

  private enqueue(entry: NewUpdate, origin: RoomPeer | null): void {
    this.pending.push({ entry, origin, frame: updateMessage(entry.update) })
    if (!this.draining) void this.drain()
  }

  private async drain(): Promise<void> {
    this.draining = true
    while (this.pending.length && !this.failed) {
      const batch = this.pending.splice(0)
      const at = batch[batch.length - 1].entry.at
      const ops: WriteOp[] = [...this.clientOps(batch), { type: 'put', collection: 'activity', key: this.docId, value: { updatedAt: new Date(at).toISOString() } }]
      try {
        const stored = await this.storage.appendUpdates(
          this.docId,
          batch.map((p) => p.entry),
          ops,
        )
        this.seq = stored[stored.length - 1].seq
      } catch (err) {
        this.log.error('store.failed', { doc: this.docId, updates: batch.length }, err)
        this.fail()
        break
      }
      for (const p of batch) {
        for (const peer of this.peers) if (peer !== p.origin) peer.send(p.frame)
      }
    }
    this.draining = false
    const waiters = this.flushWaiters
    this.flushWaiters = []
    for (const w of waiters) w()
  }

  /** Records which user each new Yjs client id belongs to, so that items can later be attributed. */
  private clientOps(batch: Pending[]): WriteOp[] {
    const ops: WriteOp[] = []
    for (const { entry } of batch) {
      for (const client of entry.clients) {
        const known = this.clientUsers.get(client)
        if (known === entry.userId) continue
        if (known !== undefined) {
          // Another user's client id: relayed content (after a crash) or a forgery; the first owner keeps it.
          this.log.warn('client.foreign', { doc: this.docId, client, user: entry.userId, owner: known })
          continue
        }
        this.clientUsers.set(client, entry.userId)
        ops.push({ type: 'put', collection: 'clients', key: docKey(this.docId, client), value: entry.userId })
      }
    }
    return ops
  }

  /** Resolves once every change accepted so far is stored (or the room failed). */
  flushed(): Promise<void> {
    if (!this.draining && !this.pending.length) return Promise.resolve()
    return new Promise((resolve) => this.flushWaiters.push(resolve))
  }

  /** Which user a Yjs client id belongs to, when known. */
  userOfClient(client: number): string | undefined {
    return this.clientUsers.get(client)
  }

  /** Adds a connected peer. */
  join(peer: RoomPeer): void {
    this.peers.add(peer)
  }

  /** Removes a peer and its awareness states. */
  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return
    if (peer.awarenessIds.size) removeAwarenessStates(this.awareness, [...peer.awarenessIds], null)
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = origin && this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null
    if (peer) {
      for (const id of added) peer.awarenessIds.add(id)
      for (const id of removed) peer.awarenessIds.delete(id)
    }
    const changed = [...added, ...updated, ...removed]
    // Sent to everyone, the sender included: y-websocket reconnects when it hears nothing for 30 s.
    const frame = awarenessMessage(encodeAwarenessUpdate(this.awareness, changed))
    for (const p of this.peers) p.send(frame)
  }

  /** Gives up after a failed store: closes every peer (they reconnect and bring what was not stored). */
  fail(): void {
    if (this.failed) return
    this.failed = true
    this.pending = []
    for (const peer of [...this.peers]) peer.close(1011, 'storage error')
  }

  /** Frees the documents and timers; call after flushed(). Safe to call twice. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.failed = true
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.shadow.destroy()
    this.doc.destroy()
  }
}

/** An exception's message fit for the log: JSON errors quote the content they choke on, so they are named only. */
function safeReason(err: unknown): string {
  if (err instanceof SyntaxError) return 'content is not valid JSON'
  const message = err instanceof Error ? err.message : String(err)
  return message.replace(/(["'`]).*?\1/g, '…').slice(0, 80)
}
