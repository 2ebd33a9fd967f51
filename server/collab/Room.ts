import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/api/closeCodes.ts'
import { META_MAP, PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import type { PlanLimits } from '../../shared/plan/limits.ts'
import type { Log } from '../log.ts'
import type { Storage, StoredUpdate, WriteOp } from '../storage/Storage.ts'
import type { WriteAheadLog } from '../storage/WriteAheadLog.ts'
import { applyParts } from '../storage/documentState.ts'
import { docKey } from '../storage/keys.ts'
import { AcceptedBytes } from './acceptedBytes.ts'
import { groupCommitOf, type CommitSource, type GroupCommit } from './groupCommit.ts'
import { MAX_PENDING_BYTES, pendingBytes } from './pendingLimit.ts'
import { awarenessMessage, updateMessage } from './protocol.ts'
import { UpdateCheck, type Violation } from './schemaViolation.ts'
import { storeWindowOf, type StoreBatch, type StoreSource, type StoreWindow } from './storeWindow.ts'

export { STORE_DELAY_MS } from './storeWindow.ts'

/** What a room needs from a connection: sending frames, closing, and who is behind it. */
export interface RoomPeer {
  readonly userId: string
  /** Awareness client ids this peer introduced; removed from awareness when it leaves. */
  readonly awarenessIds: Set<number>
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

/** The room could not make a change durable and closed; its clients reconnect. */
export class RoomFailed extends Error {
  constructor() {
    super('room failed')
    this.name = 'RoomFailed'
  }
}

/** An update that does not decode, does not apply, does not fit the plan schema (`schema`) or breaks a size limit (`size`). */
export class InvalidUpdate extends Error {
  constructor(
    reason: string,
    readonly kind: Violation['kind'] = 'schema',
  ) {
    super(reason)
    this.name = 'InvalidUpdate'
  }
}

/** What one change did to the document: its updates, the Yjs clients that wrote structs, and any problem. */
interface Trial {
  /** Whether a change is running (the listeners collect only then). */
  open: boolean
  /** The received update being applied, when the change is one (null for the server's own changes). */
  raw: Uint8Array | null
  /** Whether the document held changes waiting for one it never got when the change began. */
  pendingBefore: boolean
  /** Whether any of the change's transactions changed the document. */
  changed: boolean
  /** Yjs's encoding of the change's transactions, collected only when the received bytes cannot stand for it (see onTransaction). */
  updates: Uint8Array[]
  violation: Violation | null
  clients: Set<number>
}

/** A loaded document: its stored parts (snapshot and log), sequence number and known client-id owners. */
export interface RoomState {
  parts: Uint8Array[]
  seq: number
  clientUsers: Map<number, string>
  /**
   * Accepted updates after `seq` that are in the write-ahead log but not in the database (a
   * database write failed): applied after `parts`, their sequence numbers kept, written again.
   */
  unstored?: readonly StoredUpdate[]
}

/**
 * One open document. Every change is applied and checked (the plan schema, order, counts, sizes)
 * inside one transaction and staged with its author and sequence number in the write-ahead log,
 * in the order received; the group commit writes it (at once on a quiet server, else with the other
 * updates of its turn of the event loop at the turn's end) and only then is it broadcast. Anything
 * that shows the document commits first (`doc`), so that no sync answer can see a change before it
 * is checked and logged. A change that throws or breaks the plan is rolled back: the document is rebuilt from its encoded state (the last fold plus the
 * updates accepted since), which costs a fraction of the second, shadow copy that this replaced.
 * The database write follows in the background, at most one per STORE_DELAY_MS.
 */
export class Room implements StoreSource, CommitSource {
  /** The accepted state, updates waiting for their log write included (see `doc`). */
  private current: Y.Doc
  readonly awareness: Awareness
  readonly peers = new Set<RoomPeer>()
  /** Holds by non-socket users (HTTP restore, version reads); the room stays open while > 0. */
  holds = 0
  /** Sequence number of the last accepted update (in the write-ahead log; in the database once flushed()). */
  seq: number
  /** Set when the room broke (a store failed); it takes no more changes. */
  failed = false
  /** Called after every accepted change with its author (server/comments watches for threads that lost their words). */
  readonly changeListeners = new Set<(userId: string) => void>()
  /** The document as bytes: the last fold of its state, then every update accepted since. */
  private readonly accepted: AcceptedBytes
  /** The running change's findings; one object emptied per change, as this is the path of every keystroke. */
  private readonly trial: Trial = { open: false, raw: null, pendingBefore: false, changed: false, updates: [], violation: null, clients: new Set() }
  /** The plan check with its running character count; reset whenever the document is rebuilt. */
  private readonly check: UpdateCheck
  private readonly clientUsers: Map<number, string>
  private toStore: StoredUpdate[] = []
  /** A batch handed to the store window and not yet written. */
  private storing = false
  private readonly window: StoreWindow
  private flushWaiters: Array<() => void> = []
  private destroyed = false
  /** Accepted updates staged in the write-ahead log, broadcast once the turn's group commit wrote them. */
  private unpublished: Array<{ entry: StoredUpdate; origin: RoomPeer | null }> = []
  /** Presence frames that came while updates waited for their log write: sent right after them. */
  private presenceAfterCommit: Uint8Array[] = []
  private readonly commits: GroupCommit

  constructor(
    readonly docId: string,
    loaded: RoomState,
    storage: Storage,
    private readonly wal: WriteAheadLog,
    private readonly log: Log,
    limits?: PlanLimits,
  ) {
    this.check = new UpdateCheck(limits)
    this.window = storeWindowOf(storage)
    this.commits = groupCommitOf(wal)
    const unstored = (loaded.unstored ?? []).filter((entry) => entry.seq > loaded.seq)
    this.seq = unstored.length ? unstored[unstored.length - 1].seq : loaded.seq
    this.clientUsers = loaded.clientUsers
    this.current = this.rebuild([...loaded.parts, ...unstored.map((entry) => entry.update)])
    this.accepted = new AcceptedBytes(Y.encodeStateAsUpdate(this.current))
    // Presence needs a document only for its own client id; its own tiny one survives rollbacks.
    this.awareness = new Awareness(new Y.Doc())
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
    if (unstored.length) {
      this.toStore = [...unstored]
      this.scheduleStore()
    }
  }

  /**
   * The accepted state; every sync answer and every read for a client comes from here. Reading it
   * commits the updates waiting for this turn's log write first, so nothing shows an update that
   * is not logged. Replaced by an equal document when a refused change is rolled back, so read it
   * when needed rather than keeping it.
   */
  get doc(): Y.Doc {
    this.commitStaged()
    return this.current
  }

  /**
   * The document with the updates still waiting for this turn's log write: only for the server's
   * own checks of the next change on the path of a keystroke (decisions, reviewer rules), which
   * must see what was accepted before it and show nothing to anyone.
   */
  get live(): Y.Doc {
    return this.current
  }

  /**
   * Applies an update sent by `userId`; returns false when it held nothing new. Throws
   * InvalidUpdate (and leaves the document unchanged) when it cannot be applied.
   */
  receive(update: Uint8Array, userId: string, origin: RoomPeer | null): boolean {
    return this.commit(userId, origin, (doc) => Y.applyUpdate(doc, update, origin), update)
  }

  /**
   * A change made by the server for a user (a restore, a comment); stored and broadcast like a
   * client's, but logged before this returns (an HTTP answer may then say it was saved). Throws
   * RoomFailed when it could not be logged.
   */
  change(userId: string, fn: (doc: Y.Doc) => void): boolean {
    const changed = this.commit(userId, null, fn)
    this.commitStaged()
    if (this.failed) throw new RoomFailed()
    return changed
  }

  /**
   * Checks the change and stages it in the write-ahead log; the group commit writes it (at once
   * on a quiet server, else at the turn's end) and then publishes it (published()). The
   * sequence number is taken now, so the order is the order received.
   */
  private commit(userId: string, origin: RoomPeer | null, fn: (doc: Y.Doc) => void, raw: Uint8Array | null = null): boolean {
    if (this.failed) throw new RoomFailed()
    const trial = this.tryChange(fn, raw)
    if (!trial) return false
    const at = Date.now()
    const entry: StoredUpdate = { seq: this.seq + 1, firstSeq: this.seq + 1, count: 1, at, firstAt: at, userId, update: trial.update, clients: trial.clients }
    this.wal.stage(this.docId, entry)
    this.seq = entry.seq
    this.accepted.stage(trial.update)
    this.unpublished.push({ entry, origin })
    this.commits.add(this)
    // Written at once (a quiet server) and the write failed: the room closed.
    if (this.failed) throw new RoomFailed()
    return true
  }

  /** The group commit wrote this room's staged updates (CommitSource): broadcast them, then store them. */
  published(): void {
    const list = this.unpublished
    this.unpublished = []
    if (!list.length) return
    this.accepted.settle(this.current)
    for (const { entry, origin } of list) {
      // Framed once, and only when someone else is there to receive it (one person editing alone is common).
      let frame: Uint8Array | null = null
      for (const peer of this.peers) if (peer !== origin) peer.send((frame ??= updateMessage(entry.update)))
    }
    const presence = this.presenceAfterCommit
    this.presenceAfterCommit = []
    for (const frame of presence) for (const peer of this.peers) peer.send(frame)
    if (this.failed) return
    for (const { entry } of list) this.toStore.push(entry)
    this.scheduleStore()
    if (this.changeListeners.size) for (const { entry } of list) for (const listener of this.changeListeners) listener(entry.userId)
  }

  /** The group commit could not write this room's staged updates (CommitSource): they never happened; everyone reconnects. */
  notLogged(error: unknown): void {
    const list = this.unpublished
    this.unpublished = []
    if (!list.length) return
    this.log.error('wal.failed', { doc: this.docId, updates: list.length }, error)
    this.presenceAfterCommit = []
    this.seq = list[0].entry.seq - 1
    this.accepted.dropUnsettled()
    this.rollback()
    this.fail()
  }

  /** Writes and publishes the staged updates now (someone is about to see the document). */
  private commitStaged(): void {
    if (this.unpublished.length) this.commits.flush()
  }

  /**
   * Runs fn on the document and returns the update it made and the Yjs clients whose structs it
   * added; null when nothing changed. On failure rolls the document back and throws InvalidUpdate.
   * `raw`: the received update fn applies, logged and broadcast as it came when it stands for the change.
   */
  private tryChange(fn: (doc: Y.Doc) => void, raw: Uint8Array | null): { update: Uint8Array; clients: number[] } | null {
    const trial = this.trial
    const doc = this.current
    trial.raw = raw
    trial.pendingBefore = pendingBytes(doc) > 0
    trial.changed = false
    trial.updates.length = 0
    trial.violation = null
    trial.clients.clear()
    trial.open = true
    try {
      fn(doc)
    } catch (err) {
      trial.violation ??= { kind: 'schema', reason: `apply failed: ${safeReason(err)}` }
    } finally {
      trial.open = false
      doc.off('update', this.onUpdate)
    }
    // Changes waiting for one the room never got are not checked until they apply: bound what they hold.
    if (pendingBytes(doc) > MAX_PENDING_BYTES) trial.violation ??= { kind: 'size', reason: 'too many changes waiting for a change the server never got' }
    if (trial.violation) {
      this.rollback()
      throw new InvalidUpdate(trial.violation.reason, trial.violation.kind)
    }
    if (!trial.changed) return null
    const update = trial.updates.length === 0 ? (raw as Uint8Array) : trial.updates.length === 1 ? trial.updates[0] : Y.mergeUpdates(trial.updates)
    return { update, clients: [...trial.clients] }
  }

  /**
   * The document's listener collects into the running trial (set once, not per update: this is the
   * hot path). A received update that applied whole, with nothing waiting before or after it, is
   * logged and broadcast as received: it holds exactly the change (and at most structs the room
   * already had, which apply as nothing). Otherwise (the server's own change, or changes that wait
   * for one the room never got, or that now applied after waiting) Yjs's encoding of the transaction
   * is taken, by listening to 'update' for this transaction only: Yjs encodes every transaction
   * while anyone listens, which cost a quarter of a keystroke's apply.
   */
  private readonly onTransaction = (tr: Y.Transaction): void => {
    const trial = this.trial
    if (!trial.open) return
    // A refused change is rolled back whole, so its writers need not be collected past the first problem.
    trial.violation ??= this.check.check(tr.doc, tr, trial.clients)
    if (!changedDocument(tr)) return
    trial.changed = true
    // Yjs emits 'update' after this event, in the same cleanup; whoever listens by then gets it.
    if (trial.raw === null || trial.pendingBefore || pendingBytes(tr.doc) > 0) tr.doc.on('update', this.onUpdate)
  }

  private readonly onUpdate = (update: Uint8Array): void => {
    if (this.trial.open) this.trial.updates.push(update)
  }

  /** A document built from encoded parts, with the plan's root types and the trial listeners. */
  private rebuild(parts: Uint8Array[]): Y.Doc {
    const doc = new Y.Doc()
    // Define the root types first so that remote structs land in typed roots.
    doc.getXmlFragment(PLAN_FIELD)
    doc.getMap(META_MAP)
    applyParts(doc, parts)
    this.check.reset(doc)
    doc.on('afterTransaction', this.onTransaction)
    return doc
  }

  /** Throws away whatever a refused change did: the document is rebuilt from its accepted bytes. */
  private rollback(): void {
    const old = this.current
    this.current = this.rebuild(this.accepted.parts())
    old.destroy()
  }

  /**
   * Hands the accepted updates to the store window: a burst of keystrokes (from one or many
   * editors, in one or many rooms) becomes one database write. Each update is already durable in
   * the write-ahead log, and a write per keystroke cost a thread-pool round trip that competed with
   * the relay for the CPU. At once when someone waits for flushed().
   */
  private scheduleStore(): void {
    if (this.storing || this.failed || !this.toStore.length) return
    this.window.schedule(this, this.flushWaiters.length > 0)
  }

  /** The store window takes the updates accepted so far (StoreSource); one batch at a time, in order. */
  takeBatch(): StoreBatch | null {
    if (this.storing || this.failed || !this.toStore.length) return null
    this.storing = true
    const batch = this.toStore.splice(0)
    const ops: WriteOp[] = [
      ...batch.map((entry): WriteOp => ({ type: 'putUpdate', docId: this.docId, entry })),
      ...this.clientOps(batch),
      { type: 'put', collection: 'activity', key: this.docId, value: { updatedAt: new Date(batch[batch.length - 1].at).toISOString() } },
    ]
    return { ops, done: (error) => this.stored(batch, error) }
  }

  /** After the database write of a batch: tells the write-ahead log, or gives up when it failed. */
  private stored(batch: StoredUpdate[], error: unknown): void {
    this.storing = false
    if (error) {
      // The updates are safe in the write-ahead log (replayed on the next start); stop taking more.
      this.log.error('store.failed', { doc: this.docId, updates: batch.length }, error)
      this.fail()
    } else {
      this.wal.stored(this.docId, batch[batch.length - 1].seq)
    }
    if (this.toStore.length && !this.failed) return this.scheduleStore()
    this.releaseFlushWaiters()
  }

  private releaseFlushWaiters(): void {
    const waiters = this.flushWaiters
    this.flushWaiters = []
    for (const w of waiters) w()
  }

  /** Records which user each new Yjs client id belongs to, so that items can later be attributed. */
  private clientOps(batch: StoredUpdate[]): WriteOp[] {
    const ops: WriteOp[] = []
    for (const entry of batch) {
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

  /** Resolves once every change accepted so far is in the database (or the room failed). */
  flushed(): Promise<void> {
    this.commitStaged()
    if (!this.storing && !this.toStore.length) return Promise.resolve()
    return new Promise((resolve) => {
      this.flushWaiters.push(resolve)
      this.scheduleStore()
    })
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

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const peer = origin && this.peers.has(origin as RoomPeer) ? (origin as RoomPeer) : null
    if (peer) {
      for (const id of added) peer.awarenessIds.add(id)
      for (const id of removed) peer.awarenessIds.delete(id)
    }
    const changed = [...added, ...updated, ...removed]
    // Sent to everyone, the sender included: y-websocket reconnects when it hears nothing for 30 s.
    const frame = awarenessMessage(encodeAwarenessUpdate(this.awareness, changed))
    // The page's 已保存 is the echo of its presence probe, sent after its updates: while updates
    // wait for the turn's log write, presence waits behind them (a cursor never arrives before its
    // text either). Committing here instead would cut the group at every cursor move.
    if (this.unpublished.length) this.presenceAfterCommit.push(frame)
    else for (const p of this.peers) p.send(frame)
  }

  /** Gives up after a failed store: closes every peer (they reconnect and bring what was not stored). */
  fail(): void {
    if (this.failed) return
    this.failed = true
    this.toStore = []
    // Nothing more will be written; a batch under way releases its waiters when it ends.
    if (!this.storing) this.releaseFlushWaiters()
    for (const peer of [...this.peers]) peer.close(CLOSE.serverError, 'storage error')
  }

  /** Frees the documents and timers; call after flushed(). Safe to call twice. */
  destroy(): void {
    if (this.destroyed) return
    this.commitStaged()
    this.destroyed = true
    this.failed = true
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.current.destroy()
  }
}

/** An exception's message fit for the log: JSON errors quote the content they choke on, so they are named only. */
function safeReason(err: unknown): string {
  if (err instanceof SyntaxError) return 'content is not valid JSON'
  const message = err instanceof Error ? err.message : String(err)
  return message.replace(/(["'`]).*?\1/g, '…').slice(0, 80)
}

/** Whether a transaction changed the document: new structs or deletions (Yjs's own test before it emits 'update'). */
function changedDocument(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true
  return false
}
