import { useState } from 'react'
import { MAX_PROGRESS_NOTE, PROGRESS_LABELS, PROGRESS_STATUSES, QUARTER_LABELS, QUARTERS, quarterOf, type ProgressReport, type ProgressStatus, type Quarter } from '../../../shared/breakdown/progress.ts'
import { beijingDay } from '../../../shared/breakdown/today.ts'
import { reportProgress } from '../../api/progress.ts'
import { errorMessage } from '../../api/errorMessage.ts'

/**
 * 填报进展 for one item: the quarter (this quarter unless chosen), the status and a short note. The
 * server stamps who and when; an earlier report of the same quarter stays in the history.
 */
export function ProgressForm({
  docId,
  itemId,
  label,
  previous,
  onDone,
  onCancel,
}: {
  docId: string
  itemId: string
  label: string
  previous?: ProgressReport
  onDone: (report: ProgressReport) => void
  onCancel: () => void
}) {
  const [quarter, setQuarter] = useState<Quarter>(() => quarterOf(beijingDay()))
  const [status, setStatus] = useState<ProgressStatus>(previous?.status ?? 'in-progress')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      onDone(await reportProgress(docId, { itemId, quarter, status, note: note.trim() }))
    } catch (err) {
      setError(errorMessage(err, '填报没有成功，请稍后重试'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className="progress-form"
      aria-label={`填报进展：${label}`}
      data-testid="progress-form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label>
        季度
        <select value={quarter} onChange={(e) => setQuarter(Number(e.target.value) as Quarter)} data-testid="progress-quarter">
          {QUARTERS.map((q) => (
            <option key={q} value={q}>
              {QUARTER_LABELS[q]}
            </option>
          ))}
        </select>
      </label>
      <label>
        状态
        <select value={status} onChange={(e) => setStatus(e.target.value as ProgressStatus)} data-testid="progress-status">
          {PROGRESS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PROGRESS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="progress-note">
        进展说明
        <textarea value={note} rows={2} maxLength={MAX_PROGRESS_NOTE} onChange={(e) => setNote(e.target.value)} placeholder="例如：已完成全区调研，形成初步方案" data-testid="progress-note" />
      </label>
      <div className="progress-actions">
        <button className="button primary small" type="submit" disabled={busy} data-testid="progress-submit">
          提交
        </button>
        <button className="button small" type="button" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
