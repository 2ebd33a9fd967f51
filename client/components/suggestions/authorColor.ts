import { commentTime } from '../comments/useCommentThreads.ts'

/** Colours for suggestion authors: distinct, dark enough for underlined text on white paper. */
const PALETTE = ['#1f6feb', '#c2410c', '#15803d', '#9333ea', '#b91c1c', '#0e7490', '#a16207', '#be185d']

/** A stable colour for an author id (the same person is the same colour in every browser). */
export function authorColor(authorId: string | undefined): string {
  if (!authorId) return '#6b7280'
  let h = 0
  for (let i = 0; i < authorId.length; i++) h = (h * 31 + authorId.charCodeAt(i)) | 0
  return PALETTE[Math.abs(h) % PALETTE.length]
}

/** A stamp's time as 批注 show theirs (Beijing time, 12/2 10:05): one format for both kinds of review mark. */
export function stampTime(iso: string | undefined): string {
  return iso ? commentTime(iso) : ''
}
