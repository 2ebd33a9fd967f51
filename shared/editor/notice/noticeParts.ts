import type { NoticeRole } from '../nodes/NoticeLine.ts'
import { NOTICE_ROLES } from '../nodes/NoticeLine.ts'

/** The roles of a closing (落款), in print order. */
export const CLOSING_ROLES: readonly NoticeRole[] = ['issuer', 'date']

/** Notice roles that hold one line; only body paragraphs split and join. */
export function isSingleLine(role: NoticeRole): boolean {
  return role !== 'body'
}

/** A notice line's role, read defensively from a node attribute (unknown values count as body). */
export function roleOf(value: unknown): NoticeRole {
  return NOTICE_ROLES.find((r) => r === value) ?? 'body'
}

/** The role that follows `role` in print order within a container holding `roles`, if any. */
export function nextRole(role: NoticeRole, roles: readonly NoticeRole[]): NoticeRole | undefined {
  const at = roles.indexOf(role)
  return at >= 0 ? roles[at + 1] : undefined
}
