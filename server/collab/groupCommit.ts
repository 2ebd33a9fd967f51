import type { WriteAheadLog } from '../storage/WriteAheadLog.ts'

/** A room with updates staged in the write-ahead log, waiting for the commit to publish them. */
export interface CommitSource {
  /** The commit succeeded: broadcast and store the staged updates. */
  published(): void
  /** The commit failed: the staged updates never happened (nobody saw them). */
  notLogged(error: unknown): void
}

/**
 * Group commit: the updates the rooms of one write-ahead log accept in a turn of the event loop
 * after its first are written with one write(2) once the turn's frames are handled (setImmediate),
 * and only then broadcast; the first is written and broadcast at once. Each update is still
 * durable before anyone sees it; a busy server makes one system call for many keystrokes instead
 * of one each, which was the largest part of a keystroke's cost over the plain y-websocket server's.
 * Anything that shows a room's document to a client or a response commits first (Room.doc), so no
 * sync answer sees an update before it is logged.
 */
export class GroupCommit {
  /** Rooms with staged updates, in the order they first staged one this turn. */
  private readonly waiting = new Set<CommitSource>()
  private scheduled = false

  constructor(private readonly wal: WriteAheadLog) {}

  /**
   * Notes that `source` staged an update. The turn's first update is written at once: a lone
   * typist's keystroke waits for nothing (waiting for the turn's end cost every keystroke about
   * 40 µs of propagation). Those that follow in the same turn are written together at its end.
   */
  add(source: CommitSource): void {
    this.waiting.add(source)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(this.onTurnEnd)
    this.flush()
  }

  /** Commits now whatever is staged (someone is about to read a document) and publishes it. */
  flush(): void {
    if (!this.waiting.size) return
    const sources = [...this.waiting]
    this.waiting.clear()
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

/** The one group commit of a write-ahead log (all its rooms share the write). */
export function groupCommitOf(wal: WriteAheadLog): GroupCommit {
  let commit = byLog.get(wal)
  if (!commit) byLog.set(wal, (commit = new GroupCommit(wal)))
  return commit
}
