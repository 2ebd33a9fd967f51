import { diffArrays } from 'diff'
import { cleanupSpans } from './cleanupSpans.ts'
import { tokenize } from './tokenize.ts'
import type { TextSpan } from './types.ts'

/** Limits of one text diff. */
export interface DiffTextOptions {
  /** Give up after this many milliseconds and show a whole replacement. @default 50 */
  timeoutMs?: number
  /** Give up beyond this many token edits (most of both texts changed anyway). @default 80% of the longer text's tokens, at least 64 */
  maxEditLength?: number
}

/** The readable diff of two texts and whether it hit its limit. */
export interface TextDiff {
  spans: TextSpan[]
  timedOut: boolean
}

/**
 * A character-level diff of two texts with jsdiff (diffArrays over Han characters, whole digit runs
 * and Latin words), cleaned into readable spans. Never takes longer than its time limit: past it the
 * common head and tail stay and the middle shows as one replacement.
 */
export function diffText(oldText: string, newText: string, options: DiffTextOptions = {}): TextDiff {
  if (oldText === newText) return { spans: oldText ? [{ op: 'equal', text: oldText }] : [], timedOut: false }
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
  if (!midA.length || !midB.length) {
    if (midA.length) spans.push({ op: 'delete', text: midA.join('') })
    if (midB.length) spans.push({ op: 'insert', text: midB.join('') })
  } else {
    const maxEditLength = options.maxEditLength ?? Math.max(64, Math.ceil(0.8 * (midA.length + midB.length)))
    const changes = diffArrays(midA, midB, { timeout: options.timeoutMs ?? 50, maxEditLength })
    if (!changes) {
      timedOut = true
      spans.push({ op: 'delete', text: midA.join('') }, { op: 'insert', text: midB.join('') })
    } else {
      for (const c of changes) spans.push({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') })
    }
  }
  if (tail) spans.push({ op: 'equal', text: a.slice(a.length - tail).join('') })
  return { spans: cleanupSpans(spans), timedOut }
}
