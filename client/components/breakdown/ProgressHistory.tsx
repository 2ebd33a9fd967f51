import { useEffect, useState } from 'react'
import { PROGRESS_LABELS, QUARTER_LABELS, type ProgressReport } from '../../../shared/breakdown/progress.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import { getProgress } from '../../api/progress.ts'
import { formatTime } from '../labels.ts'

/** 填报记录 of one item: every report ever made on it, newest first, with who and when (reports are never overwritten). */
export function ProgressHistory({ docId, itemId }: { docId: string; itemId: string }) {
  const [reports, setReports] = useState<ProgressReport[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    getProgress(docId).then(
      (r) => live && setReports(r.reports.filter((x) => x.itemId === itemId).reverse()),
      (err: unknown) => live && setError(errorMessage(err, '填报记录没有载入')),
    )
    return () => {
      live = false
    }
  }, [docId, itemId])
  if (error) return <p className="form-error">{error}</p>
  if (!reports) return <p className="loading-line">正在载入…</p>
  if (!reports.length) return <p className="muted">还没有填报记录。</p>
  return (
    <ol className="progress-history" data-testid="progress-history">
      {reports.map((r) => (
        <li key={r.id}>
          <span className={`progress-chip progress-${r.status}`}>{PROGRESS_LABELS[r.status]}</span> {QUARTER_LABELS[r.quarter]}
          {r.note && <span className="tasks-note">：{r.note}</span>}
          <span className="muted small">
            {' '}
            · {r.by.name}
            {r.by.department ? `（${r.by.department}）` : ''} · {formatTime(r.at)}
          </span>
        </li>
      ))}
    </ol>
  )
}
