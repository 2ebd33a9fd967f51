/** A plan's status: drafting, out for comments (征求意见), under review (审核), final (定稿). */
export type PlanStatus = 'drafting' | 'consultation' | 'review' | 'final'

/** The statuses in their order; a plan moves forward one step at a time and back to any earlier one. */
export const PLAN_STATUSES: readonly PlanStatus[] = ['drafting', 'consultation', 'review', 'final']

/** The Chinese name of each status, as the UI shows it. */
export const STATUS_LABELS: Record<PlanStatus, string> = {
  drafting: '起草',
  consultation: '征求意见',
  review: '审核',
  final: '定稿',
}

/** The named version saved automatically when a plan enters a status (none for 起草). */
export const STATUS_VERSION_NAMES: Record<PlanStatus, string | null> = {
  drafting: null,
  consultation: '征求意见稿',
  review: '送审稿',
  final: '定稿',
}

/** Longest reason for moving a plan back. */
export const MAX_STATUS_REASON = 500

/** One change of status: from, to, who, when, and why when it moved back. */
export interface StatusChange {
  from: PlanStatus
  to: PlanStatus
  at: string
  by: { id: string; name: string }
  reason?: string
  /** The version saved automatically on entering `to`. */
  versionId?: string
  /** 定稿 although items lacked 牵头科室 or 完成时限: the owner overrode the check, `reason` says why. */
  override?: true
}

/** GET /api/documents/:id/status */
export interface StatusResponse {
  status: PlanStatus
  changes: StatusChange[]
}

/** POST /api/documents/:id/status (owners). */
export interface ChangeStatusRequest {
  status: PlanStatus
  /** Required when moving back (and so when reopening a 定稿), and with `override`. */
  reason?: string
  /** 定稿 although items lack 牵头科室 or 完成时限 (owners, with a reason). */
  override?: boolean
}

/** A document's status; documents stored before statuses existed are drafts. */
export function statusOf(doc: { status?: PlanStatus }): PlanStatus {
  return doc.status && PLAN_STATUSES.includes(doc.status) ? doc.status : 'drafting'
}

/** Why a move from `from` to `to` is not allowed, in Chinese; null when it is. */
export function statusMoveProblem(from: PlanStatus, to: PlanStatus, reason: string | undefined): string | null {
  const a = PLAN_STATUSES.indexOf(from)
  const b = PLAN_STATUSES.indexOf(to)
  if (a === b) return `文档已经是“${STATUS_LABELS[to]}”状态`
  if (b > a + 1) return `只能从“${STATUS_LABELS[from]}”进入“${STATUS_LABELS[PLAN_STATUSES[a + 1]]}”，不能跳过中间状态`
  if (b < a && !reason?.trim()) return `退回“${STATUS_LABELS[to]}”需要填写原因`
  return null
}
