import { foldTraditional } from './traditional.ts'

/** A line that labels one piece of a 范文 collection: "学校工作计划 篇1", "…【第一篇】", "第2篇". */
const PIECE_LABEL = /^(.{0,60}?)\s*(?:篇\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})|[【[（(]?\s*第\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*篇\s*[】\]）)]?)$/

/** The lines of the first piece, and how many further pieces were left out. */
export interface FirstPiece {
  lines: string[]
  /** Pieces after the first, left out. */
  others: number
}

/**
 * A collection page holds several plans labelled 篇1, 篇2 …; the first is the plan and the rest are
 * other documents. The first label line keeps its title; from the second label on, lines are left out.
 */
export function firstPiece(lines: string[]): FirstPiece {
  const labels = lines.flatMap((l, i) => (isLabel(l) ? [i] : []))
  if (!labels.length) return { lines, others: 0 }
  const out = lines.slice(0, labels.length > 1 ? labels[1] : lines.length)
  const title = PIECE_LABEL.exec(foldTraditional(out[labels[0]].trim()))?.[1].trim() ?? ''
  // The label's title is in simplified form only where it was matched: take it from the line itself.
  out[labels[0]] = out[labels[0]].trim().slice(0, title.length)
  return { lines: out, others: labels.length - 1 }
}

/** Cheap tests first: a label line is short and names its 篇. */
function isLabel(line: string): boolean {
  return line.length <= 72 && line.includes('篇') && PIECE_LABEL.test(foldTraditional(line.trim()))
}
