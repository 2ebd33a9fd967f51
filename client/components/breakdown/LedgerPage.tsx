import { useEffect, useMemo, useState } from 'react'
import { groupLedger, LEDGER_STATUS_LABELS, LEDGER_STATUSES, ledgerSummary, type LedgerGrouping, type LedgerResponse, type LedgerRow } from '../../../shared/breakdown/ledger.ts'
import { QUARTER_LABELS } from '../../../shared/breakdown/progress.ts'
import { joinNames } from '../../../shared/breakdown/table.ts'
import { beijingDateLabel } from '../../../shared/breakdown/today.ts'
import { downloadFile } from '../../api/downloadFile.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import { getLedger, ledgerPath } from '../../api/progress.ts'
import type { Session } from '../../api/session.ts'
import { navigate } from '../../router/navigate.ts'
import { notify } from '../../state/notices.ts'
import { AppHeader } from '../AppHeader.tsx'
import { itemHref, openItem } from './itemLink.ts'
import { useDepartments } from './useDepartments.ts'
import '../../styles/list.css'
import './tasks.css'
import './ledger.css'

/**
 * 工作台账 (/documents/:id/ledger): every item of a plan with its latest report, grouped 按状态
 * (未启动 / 推进中 / 已完成 / 有困难 / 未填报) or 按科室 (牵头科室), overdue items tagged 逾期 and
 * counted at the top; each item links to its place in the editor, and the .xlsx/.docx 台账 — the
 * same rows — download from here.
 */
export function LedgerPage({ docId, session }: { docId: string; session: Session }) {
  const [data, setData] = useState<LedgerResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [by, setBy] = useState<LedgerGrouping>('status')
  const [onlyOverdue, setOnlyOverdue] = useState(false)
  const departments = useDepartments()
  useEffect(() => {
    getLedger(docId).then(setData, (err: unknown) => setError(errorMessage(err, '工作台账没有载入')))
  }, [docId])
  const rows = useMemo(() => (data ? data.rows.filter((r) => !onlyOverdue || r.overdue) : []), [data, onlyOverdue])
  const groups = useMemo(() => groupLedger(rows, by, departments), [rows, by, departments])
  const summary = data ? ledgerSummary(data.rows) : null
  const download = (format: 'xlsx' | 'docx'): void => {
    downloadFile(ledgerPath(docId, format), `工作台账.${format}`).catch((err: unknown) => notify(errorMessage(err, '导出没有成功，请稍后重试')))
  }
  return (
    <div className="list-page ledger-page">
      <AppHeader user={session.user} />
      <main className="list-main">
        <nav className="ledger-nav">
          <a href={`/documents/${encodeURIComponent(docId)}`} onClick={(e) => follow(e, () => navigate({ page: 'editor', docId }))}>
            ← 返回计划
          </a>
          {session.user.department && (
            <a href="/tasks" onClick={(e) => follow(e, () => navigate({ page: 'tasks' }))}>
              本科室任务
            </a>
          )}
        </nav>
        <div className="list-head">
          <div>
            <h1 data-testid="ledger-title">{data?.title ?? '工作台账'}</h1>
            <p className="muted">
              每条的最新填报进展（各季度以最后一次填报为准）。完成时限已过、尚未报“已完成”的条目标为逾期；日期按北京时间{data ? `，截至${beijingDateLabel(`${data.today}T12:00:00+08:00`)}` : ''}。
            </p>
          </div>
        </div>
        {error && <p className="form-error">{error}</p>}
        {!data && !error && <p className="loading-line">正在载入…</p>}
        {summary && (
          <div className="ledger-summary" data-testid="ledger-summary">
            <span>共 {summary.total} 条</span>
            <span className={summary.overdue ? 'ledger-overdue-count' : 'muted'} data-testid="ledger-overdue-count">
              逾期 {summary.overdue} 条
            </span>
            {LEDGER_STATUSES.map((s) => (
              <span key={s} className="muted">
                {LEDGER_STATUS_LABELS[s]} {summary.byStatus[s]}
              </span>
            ))}
          </div>
        )}
        {data && (
          <div className="ledger-tools">
            <div className="segmented" role="group" aria-label="分组方式">
              {(['status', 'department'] as const).map((g) => (
                <button key={g} className={by === g ? 'active' : ''} aria-pressed={by === g} onClick={() => setBy(g)} data-testid={`ledger-by-${g}`}>
                  {g === 'status' ? '按状态' : '按科室'}
                </button>
              ))}
            </div>
            <label className="ledger-only-overdue">
              <input type="checkbox" checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.target.checked)} data-testid="ledger-only-overdue" />
              只看逾期
            </label>
            <span className="ledger-downloads">
              <button className="button small" onClick={() => download('xlsx')} data-testid="ledger-xlsx">
                导出台账 Excel
              </button>
              <button className="button small" onClick={() => download('docx')} data-testid="ledger-docx">
                导出台账 Word
              </button>
            </span>
          </div>
        )}
        {data && !data.rows.length && <p className="empty-state">计划中还没有条目。</p>}
        {data && data.rows.length > 0 && !rows.length && <p className="empty-state">没有逾期的条目。</p>}
        {groups.map((g) => (
          <section key={g.key} className="ledger-group" data-testid={`ledger-group-${g.label}`}>
            <h2>
              {g.label}
              <span className="muted">
                {g.rows.length} 条{g.overdue ? '，' : ''}
                {g.overdue > 0 && <span className="ledger-overdue-count">逾期 {g.overdue} 条</span>}
              </span>
            </h2>
            <div className="tasks-table-wrap">
              <table className="doc-table ledger-table">
                {/* Fixed widths, so that every group's table lines up with the others. */}
                <colgroup>
                  <col className="ledger-col-num" />
                  <col className="ledger-col-task" />
                  <col className="ledger-col-who" />
                  <col className="ledger-col-deadline" />
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <th className="num">序号</th>
                    <th>重点任务</th>
                    <th>牵头 / 配合</th>
                    <th>完成时限</th>
                    <th>最新进展</th>
                  </tr>
                </thead>
                <tbody>
                  {g.rows.map((r) => (
                    <LedgerLine key={r.itemId} docId={docId} row={r} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </main>
    </div>
  )
}

/** One item: its number and lead sentence (links into the editor), who does it, by when, and the latest report. */
function LedgerLine({ docId, row }: { docId: string; row: LedgerRow }) {
  const go = (e: React.MouseEvent): void => follow(e, () => openItem(docId, row.itemId))
  return (
    <tr className={row.overdue ? 'overdue' : ''} data-testid={`ledger-row-${row.number}`}>
      <td className="num">
        <a href={itemHref(docId, row.itemId)} onClick={go} title="在计划中查看这一条">
          {row.number}
        </a>
      </td>
      <td className="ledger-task">
        <a href={itemHref(docId, row.itemId)} onClick={go}>
          {row.task || <span className="muted">（无标题）</span>}
        </a>
      </td>
      <td className="ledger-who">
        <span>牵头：{row.lead.length ? joinNames(row.lead) : <span className="muted">未填</span>}</span>
        {row.support.length > 0 && <span className="muted">配合：{joinNames(row.support)}</span>}
      </td>
      <td className="ledger-deadline">
        {row.deadline || <span className="muted">未填</span>}
        {row.overdue && <span className="overdue-tag">逾期</span>}
      </td>
      <td className="ledger-latest" data-testid={`ledger-row-${row.number}-latest`}>
        {row.latest ? (
          <span className="tasks-latest">
            <span>
              <span className={`progress-chip progress-${row.latest.status}`}>{LEDGER_STATUS_LABELS[row.latest.status]}</span> <span className="muted">{QUARTER_LABELS[row.latest.quarter]}</span>
            </span>
            {row.latest.note && <span className="tasks-note">{row.latest.note}</span>}
            <span className="muted small">
              {row.latest.by.name}
              {row.latest.by.department ? `（${row.latest.by.department}）` : ''} · {beijingDateLabel(row.latest.at)}
            </span>
          </span>
        ) : (
          <span className="muted">未填报</span>
        )}
      </td>
    </tr>
  )
}

/** A plain click follows the link in the app; a click with a modifier (new tab) is left to the browser. */
function follow(e: React.MouseEvent, go: () => void): void {
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return
  e.preventDefault()
  go()
}
