import { planLimits } from '../config/limits.ts'
import * as Y from 'yjs'
import type { Log } from '../log.ts'
import { compactHistory } from '../history/compactHistory.ts'
import type { Storage } from '../storage/Storage.ts'
import type { WriteAheadLog } from '../storage/WriteAheadLog.ts'
import { loadClientUsers, loadDocumentParts, snapshotOp } from '../storage/documentState.ts'
import { Room } from './Room.ts'

/** Options of the room registry. */
export interface RoomsOptions {
  /** How long an unused room stays in memory. @default 10 s */
  idleMs?: number
  /** Sequence numbers compaction must not merge across (versions, visits) for a document. */
  boundaries?: (docId: string) => Promise<number[]>
  /** In a cluster (server/cluster): the document's lease, taken before it loads and given back after it unloads. */
  lease?: RoomLease
  /** Called with every room once it is loaded (server/comments attaches its anchor watch). */
  onLoad?: (room: Room) => void
}

/** One owner per document across processes: acquire throws when another process holds the document. */
export interface RoomLease {
  acquire(docId: string): Promise<void>
  release(docId: string): void
  /** Resolves once the process that has the document open (if another) has stored what it accepted. */
  flushedElsewhere(docId: string): Promise<void>
}

/**
 * The open documents. A room is loaded from storage once, before anyone is answered (so a first
 * sync never sees an empty document), kept while sockets or holds use it, and unloaded after it
 * has been idle: then its log is compacted and a snapshot written.
 */
export class Rooms {
  /** The plan limits every room's update check holds documents to (PLAN_LIMIT_* overrides read once). */
  private readonly limits = planLimits()
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<void>>()
  private readonly unloading = new Map<string, Promise<void>>()
  /** Rooms being unloaded: their unload destroys them once stored, nobody else may. */
  private readonly unloadingRooms = new Set<Room>()
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private readonly idleMs: number

  constructor(
    private readonly storage: Storage,
    private readonly wal: WriteAheadLog,
    private readonly log: Log,
    private readonly options: RoomsOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 10_000
  }

  /** The open room of a document, if any (never loads). */
  get(docId: string): Room | undefined {
    const room = this.rooms.get(docId)
    return room && !room.failed ? room : undefined
  }

  /** In a cluster: resolves once the document's owner, when another process, has stored what it accepted (reads of storage then see it). */
  async flushedElsewhere(docId: string): Promise<void> {
    await this.options.lease?.flushedElsewhere(docId)
  }

  /** True when the write-ahead log holds updates of the document that the database does not have (a write failed). */
  hasUnstored(docId: string): boolean {
    return this.wal.hasUnstored(docId)
  }

  /** Every open room. */
  all(): Room[] {
    return [...this.rooms.values()]
  }

  /** Opens (loading if needed) and holds a document's room; pair with release(). */
  async open(docId: string): Promise<Room> {
    for (;;) {
      const unloading = this.unloading.get(docId)
      if (unloading) {
        await unloading
        continue
      }
      const room = this.rooms.get(docId)
      if (room && !room.failed) {
        room.holds++
        this.cancelIdle(room)
        return room
      }
      if (room) this.rooms.delete(docId)
      let loading = this.loading.get(docId)
      if (!loading) {
        loading = this.load(docId, room).finally(() => this.loading.delete(docId))
        this.loading.set(docId, loading)
      }
      await loading
    }
  }

  /** Runs fn with the document's room held. */
  async use<T>(docId: string, fn: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.open(docId)
    try {
      return await fn(room)
    } finally {
      this.release(room)
    }
  }

  /** Drops one hold; an unused room is unloaded after the idle time. */
  release(room: Room): void {
    room.holds = Math.max(0, room.holds - 1)
    this.checkIdle(room)
  }

  /** Call when a peer left a room. */
  checkIdle(room: Room): void {
    if (room.holds > 0 || room.peers.size > 0 || this.idleTimers.has(room)) return
    if (this.rooms.get(room.docId) !== room) {
      // A failed room that was already replaced: nothing to keep. One being unloaded (a socket's
      // close arriving during shutdown) is still storing and compacting: its unload frees it.
      if (!this.unloadingRooms.has(room)) room.destroy()
      return
    }
    const timer = setTimeout(() => {
      this.idleTimers.delete(room)
      void this.unload(room)
    }, this.idleMs)
    this.idleTimers.set(room, timer)
  }

  private cancelIdle(room: Room): void {
    const timer = this.idleTimers.get(room)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(room)
  }

  private async load(docId: string, failed?: Room): Promise<void> {
    const t0 = performance.now()
    const lease = this.options.lease
    // A failed room's last write may still be under way; in a cluster it must end before a new lease (and fence) is taken.
    if (lease && failed) await failed.flushed()
    await lease?.acquire(docId)
    let loaded
    try {
      loaded = await Promise.all([loadDocumentParts(this.storage, docId), loadClientUsers(this.storage, docId)])
    } catch (err) {
      lease?.release(docId)
      throw err
    }
    const [{ parts, seq }, clientUsers] = loaded
    // After a failed database write the log holds what the database lacks: start from it too. Not in
    // a cluster: another process may have stored those updates since (its clients resent them).
    const unstored = lease ? [] : this.wal.unstored(docId).filter((entry) => entry.seq > seq)
    const room = new Room(docId, { parts, seq, clientUsers, unstored }, this.storage, this.wal, this.log, this.limits)
    this.rooms.set(docId, room)
    this.options.onLoad?.(room)
    this.log.info('room.load', { doc: docId, seq: room.seq, parts: parts.length, fromLog: unstored.length || undefined, ms: Math.round(performance.now() - t0) })
  }

  /** Stores what is pending, compacts the log, writes a snapshot and frees the room. */
  private unload(room: Room): Promise<void> {
    if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId)
    this.unloadingRooms.add(room)
    for (const peer of [...room.peers]) room.leave(peer)
    const done = (async () => {
      await room.flushed()
      if (!room.failed) {
        try {
          const boundaries = (await this.options.boundaries?.(room.docId)) ?? []
          const { before, after } = await compactHistory(this.storage, room.docId, { boundaries, upTo: room.seq })
          await this.storage.write([snapshotOp(room.docId, room.seq, Y.encodeStateAsUpdate(room.doc))])
          this.log.info('room.unload', { doc: room.docId, seq: room.seq, entries: before, compacted: after })
        } catch (err) {
          this.log.error('room.unload.failed', { doc: room.docId }, err)
        }
      }
      this.options.lease?.release(room.docId)
      room.destroy()
    })().finally(() => {
      this.unloading.delete(room.docId)
      this.unloadingRooms.delete(room)
    })
    this.unloading.set(room.docId, done)
    return done
  }

  /** Closes every peer with `code`, stores everything and unloads every room (server shutdown). */
  async closeAll(code: number, reason: string): Promise<void> {
    for (const room of this.rooms.values()) {
      this.cancelIdle(room)
      for (const peer of [...room.peers]) peer.close(code, reason)
    }
    for (const timer of this.idleTimers.values()) clearTimeout(timer)
    this.idleTimers.clear()
    await Promise.all([...this.loading.values()].map((p) => p.catch(() => undefined)))
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room)))
    await Promise.all([...this.unloading.values()])
  }
}
