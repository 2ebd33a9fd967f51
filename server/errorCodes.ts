import type { PlanErrorCode } from '../shared/plan/errors.ts'

/**
 * Every `error.code` the server's own errors (AppError) carry, by what went wrong. Stable across
 * releases: clients may branch on them. Adding a code means adding it here first.
 */
export type ServerErrorCode =
  // The request itself
  | 'bad-request'
  | 'bad-json'
  | 'too-large'
  | 'not-found'
  | 'method-not-allowed'
  // Who is asking
  | 'unauthenticated'
  | 'forbidden'
  | 'bad-login'
  | 'too-many-attempts'
  | 'rate-limited'
  | 'server-busy'
  // Accounts
  | 'bad-name'
  | 'name-taken'
  | 'weak-password'
  | 'bad-role'
  | 'no-user'
  | 'account-disabled'
  | 'last-admin'
  | 'bad-department'
  // Documents, members, links, versions, visits, review
  | 'bad-kind'
  | 'bad-title'
  | 'bad-link'
  | 'not-member'
  | 'last-owner'
  | 'no-visit'
  | 'no-prior'
  | 'prior-missing'
  | 'prior-forbidden'
  | 'bad-base'
  | 'plan-too-large'
  | 'unreadable'
  // Plan status (起草 … 定稿)
  | 'bad-status'
  | 'final'
  | 'breakdown-incomplete'
  // 任务分解 progress reports
  | 'no-item'
  | 'not-your-item'
  | 'too-many-reports'
  // Import, export and storage
  | 'import-busy'
  | 'import-failed'
  | 'import-unavailable'
  | 'export-failed'
  | 'store-failed'

/** Any code an API error body may carry: the server's own, an import's PlanError code, or `internal` (500). */
export type ApiErrorCode = ServerErrorCode | PlanErrorCode | 'internal'
