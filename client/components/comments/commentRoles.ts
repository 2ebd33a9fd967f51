import type { DocRole } from '../../../shared/api/types.ts'

/** True for the roles that may comment and reply (owner, editor, reviewer); viewers only read. */
export function mayComment(role: DocRole | undefined): boolean {
  return role === 'owner' || role === 'editor' || role === 'reviewer'
}

/** The 批注 shortcut (Ctrl+Alt+C; Ctrl+Alt+M, Word's, already merges items here). */
export const COMMENT_SHORTCUT = 'Mod-Alt-c'
