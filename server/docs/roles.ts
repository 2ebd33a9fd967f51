import type { DocRole } from '../../shared/api/types.ts'

const RANK: Record<DocRole, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 }

/** True when `role` grants at least what `need` grants (viewer < reviewer < editor < owner). */
export function atLeast(role: DocRole | undefined, need: DocRole): boolean {
  return role !== undefined && RANK[role] >= RANK[need]
}

/** True for the four document roles. */
export function isDocRole(value: unknown): value is DocRole {
  return typeof value === 'string' && value in RANK
}
