import { useState } from 'react'

/**
 * Shown in the status dialog after 定稿 was refused because items lack 牵头科室 or 完成时限: the
 * owner may still finalise, with a reason the status history keeps.
 */
export function FinalOverride({ message, busy, onForce }: { message: string; busy: boolean; onForce: (reason: string) => void }) {
  const [reason, setReason] = useState('')
  return (
    <div className="status-back" data-testid="final-override">
      <p className="form-error" role="alert">
        {message}
      </p>
      <label className="field">
        <span>强制定稿的原因（必填，记入状态记录）</span>
        <textarea value={reason} maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} placeholder="例如：第9条由局长办公会另行分工" data-testid="final-override-reason" />
      </label>
      <button className="button" disabled={busy || !reason.trim()} onClick={() => onForce(reason.trim())} data-testid="final-override-submit">
        仍然定稿
      </button>
    </div>
  )
}
