import { useEffect, useState } from 'react'
import { PLAN_STATUSES, STATUS_LABELS, STATUS_VERSION_NAMES, type PlanStatus, type StatusResponse } from '../../shared/api/status.ts'
import { changeStatus, getStatus } from '../api/status.ts'
import { ApiFailure } from '../api/ApiFailure.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { FinalOverride } from './breakdown/FinalOverride.tsx'
import { Dialog } from './Dialog.tsx'
import { formatTime } from './labels.ts'

/** What moving forward into a status means, told to the owner before the click. */
const FORWARD_HINT: Record<PlanStatus, string> = {
  drafting: '',
  consultation: '将自动保存版本“征求意见稿”，供审阅人对照。',
  review: '将自动保存版本“送审稿”。',
  final: '将自动保存版本“定稿”。定稿后任何人都不能再修改正文，正在编辑的人会立即停止；重新打开需要所有者填写原因。',
}

/** The status dialog: the four steps, every change with who, when and why, and (owners) forward or back with a reason. */
export function StatusDialog({ docId, canChange, onChanged, onClose }: { docId: string; canChange: boolean; onChanged: () => void; onClose: () => void }) {
  const [data, setData] = useState<StatusResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [backTo, setBackTo] = useState<PlanStatus | ''>('')
  const [reason, setReason] = useState('')
  // 定稿 refused for missing 牵头科室/完成时限: the owner may force it with a reason.
  const [blocked, setBlocked] = useState(false)
  useEffect(() => {
    getStatus(docId).then(setData, (err: unknown) => setError(errorMessage(err, '状态没有载入')))
  }, [docId])
  const index = data ? PLAN_STATUSES.indexOf(data.status) : -1
  const next = index >= 0 && index < PLAN_STATUSES.length - 1 ? PLAN_STATUSES[index + 1] : null
  const earlier = index > 0 ? PLAN_STATUSES.slice(0, index) : []
  const move = async (to: PlanStatus, why?: string, override = false): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      setData(await changeStatus(docId, to, why, override))
      setBlocked(false)
      setBackTo('')
      setReason('')
      onChanged()
    } catch (err) {
      setBlocked(err instanceof ApiFailure && err.code === 'breakdown-incomplete' && err.status === 409)
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  const goBack = (): void => {
    if (!backTo) return
    if (!reason.trim()) {
      setError(`退回“${STATUS_LABELS[backTo]}”需要填写原因`)
      return
    }
    void move(backTo, reason.trim())
  }
  return (
    <Dialog
      title="文档状态"
      onClose={onClose}
      busy={busy}
      actions={
        <button className="button" onClick={onClose} disabled={busy}>
          关闭
        </button>
      }
    >
      <ol className="status-steps" aria-label="状态流程">
        {PLAN_STATUSES.map((s, i) => (
          <li key={s} className={i < index ? 'done' : i === index ? 'current' : ''} aria-current={i === index ? 'step' : undefined}>
            <span className="status-step-dot">{i + 1}</span>
            {STATUS_LABELS[s]}
            {STATUS_VERSION_NAMES[s] && <small>{STATUS_VERSION_NAMES[s]}</small>}
          </li>
        ))}
      </ol>
      {!data && !error && <p className="dialog-hint">正在载入…</p>}
      {canChange && next && (
        <div className="status-forward">
          <button className="button primary" disabled={busy} onClick={() => void move(next)} data-testid="status-forward">
            {next === 'final' ? '定稿' : `进入“${STATUS_LABELS[next]}”`}
          </button>
          <span className="dialog-hint">{FORWARD_HINT[next]}</span>
        </div>
      )}
      {canChange && blocked && next === 'final' && <FinalOverride docId={docId} message={error ?? ''} busy={busy} onForce={(why) => void move('final', why, true)} onJump={onClose} />}
      {canChange && earlier.length > 0 && (
        <div className="status-back">
          <label className="field">
            <span>{data?.status === 'final' ? '重新打开（退回到）' : '退回到'}</span>
            <select value={backTo} onChange={(e) => setBackTo(e.target.value as PlanStatus | '')} data-testid="status-back-to">
              <option value="">请选择</option>
              {earlier.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>原因（必填）</span>
            <textarea value={reason} maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} placeholder="例如：征求意见后需要补充“双减”内容" data-testid="status-reason" />
          </label>
          <button className="button" disabled={busy || !backTo} onClick={goBack} data-testid="status-back">
            {data?.status === 'final' ? '重新打开' : '退回'}
          </button>
        </div>
      )}
      {!canChange && <p className="dialog-hint">只有文档所有者可以更改状态。</p>}
      {error && !blocked && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h3 className="status-log-title">状态记录</h3>
      {data && data.changes.length === 0 && <p className="dialog-hint">还没有更改过状态（起草中）。</p>}
      <ul className="status-log" data-testid="status-log">
        {[...(data?.changes ?? [])].reverse().map((c) => (
          <li key={c.at + c.to}>
            <span className="status-log-move">
              {STATUS_LABELS[c.from]} → {STATUS_LABELS[c.to]}
            </span>
            <span className="status-log-who">
              {c.by.name} · {formatTime(c.at)}
            </span>
            {c.reason && (
              <span className="status-log-reason">
                {c.override ? '强制定稿，原因' : '原因'}：{c.reason}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
