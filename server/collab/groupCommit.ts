import type { WriteAheadLog } from '../storage/WriteAheadLog.ts'

/** A room with updates staged in the write-ahead log, waiting for the commit to publish them. */
export interface CommitSource {
  /** The commit succeeded: broadcast and store the staged updates. */
  published(): void
  /** The commit failed: the staged updates never happened (nobody saw them). */
  notLogged(error: unknown): void
}

/**
 * Within this many milliseconds of the log's last write the server counts as busy: an update then
 * waits for the end of its turn of the event loop, where those that come with it share its write.
 * Past it (a lone typist, a quiet server) an update is written at once and nothing is scheduled:
 * the setImmediate that marked every turn's end cost a pass of the event loop, about 10 µs of CPU
 * per keystroke on these machines, as much as a write(2), so sharing a write pays only when several
 * updates come in one turn, microseconds apart. Short enough that a client answering the last
 * broadcast at once (0.1–0.2 ms on loopback, as the edit-propagation bench's clients do) still counts
 * as quiet: at 0.25 ms each of its edits waited for its turn's end.
 */
export const BUSY_GAP_MS = 0.05

/** Milliseconds from a fixed point (performance.now; tests pass their own clock). */
export type Clock = () => number

/**
 * Group commit: the updates the rooms of one write-ahead log accept in a turn of the event loop
 * are written with one write(2) once the turn's frames are handled (setImmediate), and only then
 * broadcast; on a quiet server (no write for BUSY_GAP_MS) an update is written and broadcast at
 * once instead. Each update is still durable before anyone sees it; a busy server makes one system
 * call for many keystrokes instead of one each, which was the largest part of a keystroke's cost
 * over the plain y-websocket server's. Anything that shows a room's document to a client or a
 * response commits first (Room.doc), so no sync answer sees an update before it is logged.
 */
export class GroupCommit {
  /** Rooms with staged updates, in the order they first staged one this turn. */
  private readonly waiting = new Set<CommitSource>()
  private scheduled = false
  /** When the log was last written (by this clock). */
  private lastWrite = -Infinity

  constructor(
    private readonly wal: WriteAheadLog,
    private readonly now: Clock = () => performance.now(),
  ) {}

  /**
   * Notes that `source` staged an update. On a quiet server it is written at once: a lone typist's
   * keystroke waits for nothing (waiting for the turn's end cost every keystroke about 40 µs of
   * propagation). On a busy one it and whatever else comes in this turn are written together at its end.
   */
  add(source: CommitSource): void {
    this.waiting.add(source)
    if (this.scheduled) return
    if (this.now() - this.lastWrite > BUSY_GAP_MS) return this.flush()
    this.scheduled = true
    setImmediate(this.onTurnEnd)
  }

  /** Commits now whatever is staged (someone is about to read a document) and publishes it. */
  flush(): void {
    if (!this.waiting.size) return
    const sources = [...this.waiting]
    this.waiting.clear()
    this.lastWrite = this.now()
    try {
      this.wal.commit()
    } catch (err) {
      for (const source of sources) source.notLogged(err)
      return
    }
    for (const source of sources) source.published()
  }

  private readonly onTurnEnd = (): void => {
    this.scheduled = false
    this.flush()
  }
}

const byLog = new WeakMap<WriteAheadLog, GroupCommit>()

/** The one group commit of a write-ahead log (all its rooms share the write); `clock` applies when this call makes it. */
export function groupCommitOf(wal: WriteAheadLog, clock?: Clock): GroupCommit {
  let commit = byLog.get(wal)
  if (!commit) byLog.set(wal, (commit = new GroupCommit(wal, clock)))
  return commit
}
