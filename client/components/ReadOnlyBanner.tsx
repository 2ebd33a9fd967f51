import type { PlanStatus } from '../../shared/api/status.ts'
import type { DocRole } from '../../shared/api/types.ts'

/** Why the text cannot be edited here, in one sentence; nothing when it can. */
export function readOnlyReason(role: DocRole | undefined, archived: boolean, closedMessage: string | undefined, status?: PlanStatus): string | null {
  if (status === 'final') return '本文档已定稿，只能阅读。如需修改，请所有者在“状态”中填写原因后重新打开。'
  if (closedMessage) return `${closedMessage}。文档暂时只能阅读。`
  if (role === 'reviewer') return '您是本文档的审阅人：您的修改都以修订建议的形式显示，由所有者或编辑者接受或拒绝。'
  if (role === 'viewer') return '您是本文档的查看者，只能阅读。'
  if (archived) return '本文档已归档，只能阅读。'
  if (role === undefined) return '暂时无法确认您对本文档的权限，联网后即可编辑。'
  return null
}

/** The banner above the text for reviewers, viewers, archived and 定稿 documents. */
export function ReadOnlyBanner({ reason }: { reason: string | null }) {
  if (!reason) return null
  return (
    <div className="readonly-banner" role="note" data-testid="readonly-banner">
      <span className="readonly-icon" aria-hidden="true">
        阅
      </span>
      {reason}
    </div>
  )
}
