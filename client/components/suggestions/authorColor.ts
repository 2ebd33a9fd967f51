import type { SuggestionStamp } from '../../../shared/review/suggestStamps.ts'
import { commentTime } from '../comments/useCommentThreads.ts'

/** Colours for suggestion authors: distinct, dark enough for underlined text on white paper. */
const PALETTE = ['#1f6feb', '#c2410c', '#15803d', '#9333ea', '#b91c1c', '#0e7490', '#a16207', '#be185d']

/**
 * An author's colour: the account's own colour when the server stamped it (the colour of their caret
 * and avatar, distinct between a bureau's accounts), else a stable colour from the id.
 */
export function authorColor(authorId: string | undefined, accountColor?: string): string {
  if (accountColor && /^#[0-9a-fA-F]{6}$/.test(accountColor)) return accountColor
  if (!authorId) return '#6b7280'
  let h = 0
  for (let i = 0; i < authorId.length; i++) h = (h * 31 + authorId.charCodeAt(i)) | 0
  return PALETTE[Math.abs(h) % PALETTE.length]
}

/** The colour of a stamped suggestion; a Word author's (imported by one account) by their name in the file. */
export function stampColor(stamp: SuggestionStamp | undefined): string {
  if (stamp?.wordAuthor) return authorColor(`word:${stamp.wordAuthor}`)
  return authorColor(stamp?.author.id, stamp?.author.color)
}

/** A stamp's time as 批注 show theirs (Beijing time, 12/2 10:05): one format for both kinds of review mark. */
export function stampTime(iso: string | undefined): string {
  return iso ? commentTime(iso) : ''
}
