import * as Y from 'yjs'

/**
 * Accepted updates are folded into one encoded state once their bytes reach this share of it:
 * folding costs as much as encoding the document, so it must happen less often the larger the
 * document is (a fixed count made every keystroke in a 1,000-paragraph plan pay for it). At 1 the
 * fold costs about 0.7 µs per keystroke at any size (a 300 KB plan encodes in about 7.5 ms).
 */
export const FOLD_SHARE = 1

/** The updates since the last fold are kept back to back: each after its length in 4 bytes. */
const LENGTH_BYTES = 4

/**
 * A room's accepted state as bytes, to rebuild the document from when a change is refused: the
 * last fold of the whole state, then the updates accepted since in one buffer. One buffer rather
 * than an array of updates: each kept Uint8Array cost an object and an ArrayBuffer (well over a
 * hundred bytes) for a keystroke of about 30, and the buffer lets the fold wait for more bytes
 * in less memory.
 */
export class AcceptedBytes {
  private folded: Uint8Array
  private tail = new Uint8Array(0)
  private view = new DataView(this.tail.buffer)
  private tailBytes = 0
  /** The tail up to here is logged; past it, staged updates waiting for their commit. */
  private settledBytes = 0

  /** Starts from the document's state, encoded. */
  constructor(state: Uint8Array) {
    this.folded = state
  }

  /** Keeps an accepted update that is not logged yet: dropUnsettled() can still take it back. */
  stage(update: Uint8Array): void {
    const end = this.tailBytes + LENGTH_BYTES + update.length
    if (end > this.tail.length) {
      // Up to the fold threshold the buffer doubles but never past it (a large plan's buffer must
      // not double past what it can hold); beyond it (a turn's updates waiting for their commit) it doubles.
      const cap = FOLD_SHARE * this.folded.length + LENGTH_BYTES
      const grown = new Uint8Array(Math.max(end, end <= cap ? Math.min(cap, 2 * this.tail.length || 1024) : 2 * this.tail.length))
      grown.set(this.tail.subarray(0, this.tailBytes))
      this.tail = grown
      this.view = new DataView(grown.buffer)
    }
    this.view.setUint32(this.tailBytes, update.length, true)
    this.tail.set(update, this.tailBytes + LENGTH_BYTES)
    this.tailBytes = end
  }

  /** Every staged update is logged; `doc` holds exactly the updates kept so far. Folds when they reach the fold share. */
  settle(doc: Y.Doc): void {
    if (this.tailBytes > FOLD_SHARE * this.folded.length) {
      this.folded = Y.encodeStateAsUpdate(doc)
      this.tailBytes = 0
    }
    this.settledBytes = this.tailBytes
  }

  /** Forgets the updates staged since the last settle (their log write failed). */
  dropUnsettled(): void {
    this.tailBytes = this.settledBytes
  }

  /** The fold, then every update since, in order: what applyParts rebuilds the document from. */
  parts(): Uint8Array[] {
    const parts = [this.folded]
    for (let at = 0; at < this.tailBytes;) {
      const length = this.view.getUint32(at, true)
      parts.push(this.tail.subarray(at + LENGTH_BYTES, at + LENGTH_BYTES + length))
      at += LENGTH_BYTES + length
    }
    return parts
  }
}
