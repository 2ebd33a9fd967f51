import type { TextSpan } from './types.ts'

/** Below this share of common text a change is shown as one replacement rather than fragments. */
export const MIN_EQUAL_SHARE = 0.2

/**
 * Makes a raw diff readable (after diff-match-patch's semantic cleanup): an equal fragment shorter
 * than the changes on both sides of it (or a single character no longer than them) is folded into
 * them, so 加[强]→[强]化 confetti becomes 加强 → 强化; each change block lists its deletion before its insertion;
 * neighbouring spans of one kind are joined.
 */
export function cleanupSpans(spans: TextSpan[]): TextSpan[] {
  let out = normalise(spans)
  for (let changed = true; changed;) {
    changed = false
    for (let i = 1; i < out.length - 1; i++) {
      if (out[i].op !== 'equal') continue
      const before = changeLength(out, i, -1)
      const after = changeLength(out, i, 1)
      const len = Array.from(out[i].text).length
      // A two-character word (校园) between two-character replacements is kept: in Chinese it is a word, not confetti.
      const fold = len <= 1 ? len <= before && len <= after : len < before && len < after
      if (before > 0 && after > 0 && fold) {
        out.splice(i, 1, { op: 'delete', text: out[i].text }, { op: 'insert', text: out[i].text })
        out = normalise(out)
        changed = true
        break
      }
    }
  }
  return collapseIfMostlyChanged(out)
}

/** Joins neighbours of one kind and orders each run of changes as one deletion then one insertion. */
function normalise(spans: TextSpan[]): TextSpan[] {
  const out: TextSpan[] = []
  let del = ''
  let ins = ''
  const flush = (): void => {
    if (del) out.push({ op: 'delete', text: del })
    if (ins) out.push({ op: 'insert', text: ins })
    del = ''
    ins = ''
  }
  for (const s of spans) {
    if (!s.text) continue
    if (s.op === 'delete') del += s.text
    else if (s.op === 'insert') ins += s.text
    else {
      flush()
      const last = out[out.length - 1]
      if (last?.op === 'equal') last.text += s.text
      else out.push({ op: 'equal', text: s.text })
    }
  }
  flush()
  return out
}

/** The larger of the deleted and inserted lengths of the change block next to equality i (dir -1 before, +1 after). */
function changeLength(spans: TextSpan[], i: number, dir: -1 | 1): number {
  let del = 0
  let ins = 0
  for (let j = i + dir; j >= 0 && j < spans.length && spans[j].op !== 'equal'; j += dir) {
    const n = Array.from(spans[j].text).length
    if (spans[j].op === 'delete') del += n
    else ins += n
  }
  return Math.max(del, ins)
}

/** When little is left in common between the first and last change, shows the change as one replacement between the common head and tail. */
function collapseIfMostlyChanged(spans: TextSpan[]): TextSpan[] {
  const inner = spans.slice(spans[0]?.op === 'equal' ? 1 : 0, spans[spans.length - 1]?.op === 'equal' ? -1 : undefined)
  // Judged between the first and the last change: a long untouched head or tail must not hide confetti in between.
  const innerOld = inner.reduce((n, s) => n + (s.op === 'insert' ? 0 : s.text.length), 0)
  const innerEqual = inner.reduce((n, s) => n + (s.op === 'equal' ? s.text.length : 0), 0)
  if (!inner.some((s) => s.op === 'equal') || innerEqual >= MIN_EQUAL_SHARE * Math.max(1, innerOld)) return spans
  const head = spans[0]?.op === 'equal' ? [spans[0]] : []
  const tail = spans.length > 1 && spans[spans.length - 1].op === 'equal' ? [spans[spans.length - 1]] : []
  const del = inner
    .filter((s) => s.op !== 'insert')
    .map((s) => s.text)
    .join('')
  const ins = inner
    .filter((s) => s.op !== 'delete')
    .map((s) => s.text)
    .join('')
  return normalise([...head, { op: 'delete', text: del }, { op: 'insert', text: ins }, ...tail])
}
