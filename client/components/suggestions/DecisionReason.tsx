import { useState } from 'react'
import { REASON_MAX } from '../../../shared/review/suggestDecisions.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import { saveSuggestionReason } from '../../api/reviewSuggestions.ts'
import { notify } from '../../state/notices.ts'
import './decisionReason.css'

/** A suggestion just accepted or rejected in the 修订 panel, waiting for an optional reason. */
export interface JustDecided {
  id: string
  decision: 'accept' | 'reject'
  /** What it proposed, as the panel listed it. */
  summary: string
}

/**
 * After 接受 or 拒绝 of one suggestion: an optional reason (理由，可不填) for the 修改对照表's 采纳情况.
 * The decision itself is already made (and undoable); the server records it from the edit, the
 * reason goes to it afterwards over HTTP.
 */
export function DecisionReason({ docId, decided, onDone }: { docId: string; decided: JustDecided; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [saving, setSaving] = useState(false)
  const save = async (): Promise<void> => {
    if (!reason.trim()) return onDone()
    setSaving(true)
    try {
      await saveSuggestionReason(docId, decided.id, reason.trim())
      notify('理由已保存', 'success')
      onDone()
    } catch (err) {
      notify(errorMessage(err, '理由没有保存，请稍后重试'), 'error')
      setSaving(false)
    }
  }
  return (
    <form
      className="decision-reason"
      data-testid="decision-reason"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <p>
        {decided.decision === 'accept' ? '已接受' : '已拒绝'}：{decided.summary}
      </p>
      <input value={reason} maxLength={REASON_MAX} onChange={(e) => setReason(e.target.value)} placeholder="理由，可不填" aria-label="理由" data-testid="decision-reason-input" />
      <span className="decision-reason-actions">
        <button type="submit" className="button primary" disabled={saving} data-testid="decision-reason-save">
          保存理由
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          不填
        </button>
      </span>
    </form>
  )
}
