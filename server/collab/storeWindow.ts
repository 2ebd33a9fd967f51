import type { Storage, WriteOp } from '../storage/Storage.ts'

/** How long accepted updates wait in memory (already in the write-ahead log) before a database write. */
export const STORE_DELAY_MS = 40

/** One room's share of a database write: its operations and how it hears the outcome (null: stored). */
export interface StoreBatch {
  ops: WriteOp[]
  done(error: unknown): void
}

/** Something that hands in database writes when the window opens: a room. */
export interface StoreSource {
  /** The writes it has waiting, taken out of it; null when it has none (or one still under way). */
  takeBatch(): StoreBatch | null
}

/**
 * The database writes of every room of one storage, gathered into one write per STORE_DELAY_MS.
 * Each accepted update is already durable in the write-ahead log, so the database write is
 * background work; but a write per room per window is a native call, a thread-pool round trip and
 * a promise chain, and with 200 busy rooms (one keystroke every 200 ms each) nearly every
 * keystroke paid for its own. One write is under way at a time, so a room's writes stay in order.
 * When a gathered write fails, each room's share is tried again on its own, so that only the rooms
 * whose writes really fail (a fenced-out document, a full disk) close.
 */
export class StoreWindow {
  private readonly waiting = new Set<StoreSource>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing = false
  /** Someone waits for a flush: write as soon as the current write (if any) is done. */
  private urgent = false

  constructor(
    private readonly storage: Storage,
    private readonly delayMs = STORE_DELAY_MS,
  ) {}

  /** Takes the source's writes in the next window, or at once when `now` (someone waits for them). */
  schedule(source: StoreSource, now = false): void {
    this.waiting.add(source)
    if (now) this.urgent = true
    this.kick()
  }

  private kick(): void {
    if (this.writing || !this.waiting.size) return
    if (this.urgent) {
      void this.write()
      return
    }
    this.timer ??= setTimeout(() => {
      this.timer = null
      void this.write()
    }, this.delayMs)
  }

  private async write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.urgent = false
    const sources = [...this.waiting]
    this.waiting.clear()
    const batches = sources.map((s) => s.takeBatch()).filter((b): b is StoreBatch => b !== null)
    this.writing = true
    try {
      if (batches.length) await this.writeAll(batches)
    } finally {
      this.writing = false
      this.kick()
    }
  }

  private async writeAll(batches: StoreBatch[]): Promise<void> {
    try {
      await this.storage.write(batches.flatMap((b) => b.ops))
    } catch (err) {
      if (batches.length === 1) return batches[0].done(err ?? new Error('write failed'))
      // Find out whose writes fail: the others must not close for them.
      for (const batch of batches) {
        try {
          await this.storage.write(batch.ops)
        } catch (one) {
          batch.done(one ?? new Error('write failed'))
          continue
        }
        batch.done(null)
      }
      return
    }
    for (const batch of batches) batch.done(null)
  }
}

const windows = new WeakMap<Storage, StoreWindow>()

/** The one store window of a storage, shared by all its rooms. */
export function storeWindowOf(storage: Storage): StoreWindow {
  let window = windows.get(storage)
  if (!window) windows.set(storage, (window = new StoreWindow(storage)))
  return window
}
