import { diffArrays, type ArrayChange } from 'diff'
import { cleanupSpans } from './cleanupSpans.ts'
import { tokenize } from './tokenize.ts'
import type { TextSpan } from './types.ts'

/**
 * Token comparisons one text diff may spend before it gives up. Work is counted, not time, so that
 * the spans are the same on any machine. 300,000 comparisons cost 35–60 ms of CPU on the 2-core
 * reference machine (the old 50 ms clock limit); a fully rewritten 300-character item needs about
 * 80,000, the seed against its draft under 400 per item (`npx tsx test/bench/run.ts diff`).
 */
export const ITEM_DIFF_WORK = 300_000

/** Limits of one text diff. */
export interface DiffTextOptions {
  /** Give up after this many token comparisons and show a whole replacement. @default ITEM_DIFF_WORK */
  maxWork?: number
  /** Give up beyond this many token edits (most of both texts changed anyway). @default 80% of the longer text's tokens, at least 64 */
  maxEditLength?: number
}

/** The readable diff of two texts and whether it hit its limit. */
export interface TextDiff {
  spans: TextSpan[]
  /**
   * True when the diff hit its work or edit-length limit and the middle shows as one replacement.
   * (The name is kept from when the limit was a clock; `plan diff --json` prints it.)
   */
  timedOut: boolean
  /** Token comparisons spent, for a caller that shares one budget among many diffs. */
  work: number
}

/** Thrown from the comparator to stop jsdiff once the work limit is spent. */
class WorkSpent extends Error {}

/**
 * A character-level diff of two texts with jsdiff (diffArrays over Han characters, whole digit runs
 * and Latin words), cleaned into readable spans. Never spends more than its work limit: past it the
 * common head and tail stay and the middle shows as one replacement.
 */
export function diffText(oldText: string, newText: string, options: DiffTextOptions = {}): TextDiff {
  if (oldText === newText) return { spans: oldText ? [{ op: 'equal', text: oldText }] : [], timedOut: false, work: 0 }
  const a = tokenize(oldText)
  const b = tokenize(newText)
  // Common head and tail are cut first: cheap, and it keeps the edit length jsdiff must explore small.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  const spans: TextSpan[] = []
  if (head) spans.push({ op: 'equal', text: a.slice(0, head).join('') })
  let timedOut = false
  let work = 0
  if (!midA.length || !midB.length) {
    if (midA.length) spans.push({ op: 'delete', text: midA.join('') })
    if (midB.length) spans.push({ op: 'insert', text: midB.join('') })
  } else {
    const maxEditLength = options.maxEditLength ?? Math.max(64, Math.ceil(0.8 * (midA.length + midB.length)))
    const maxWork = options.maxWork ?? ITEM_DIFF_WORK
    const comparator = (x: string, y: string): boolean => {
      if (++work > maxWork) throw new WorkSpent()
      return x === y
    }
    const changes = middleDiff(midA, midB, { comparator, maxEditLength })
    work = Math.min(work, maxWork)
    if (!changes) {
      timedOut = true
      spans.push({ op: 'delete', text: midA.join('') }, { op: 'insert', text: midB.join('') })
    } else {
      for (const c of changes) spans.push({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') })
    }
  }
  if (tail) spans.push({ op: 'equal', text: a.slice(a.length - tail).join('') })
  return { spans: cleanupSpans(spans), timedOut, work }
}

/** jsdiff without a clock: undefined when the edit length or the work limit was reached. */
function middleDiff(a: string[], b: string[], options: { comparator: (x: string, y: string) => boolean; maxEditLength: number }): ArrayChange<string>[] | undefined {
  try {
    return diffArrays(a, b, options)
  } catch (e) {
    if (e instanceof WorkSpent) return undefined
    throw e
  }
}
