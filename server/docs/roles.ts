import type { DocRole } from '../../shared/api/types.ts'

/** The four document roles, weakest first. */
export const DOC_ROLES: readonly DocRole[] = ['viewer', 'reviewer', 'editor', 'owner']

/**
 * True for exactly the four role names. A plain array lookup, not `key in object`: `in` also finds
 * `constructor`, `toString`, `__proto__` … on Object.prototype, and such a "role" once synced a
 * whole document to a user whose HTTP requests were refused.
 */
export function isDocRole(value: unknown): value is DocRole {
  return typeof value === 'string' && (DOC_ROLES as readonly string[]).includes(value)
}

/** True when `role` grants at least what `need` grants (viewer < reviewer < editor < owner); false for anything not a role. */
export function atLeast(role: unknown, need: DocRole): boolean {
  return isDocRole(role) && DOC_ROLES.indexOf(role) >= DOC_ROLES.indexOf(need)
}
