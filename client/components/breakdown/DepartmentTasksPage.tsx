import { Fragment, useCallback, useEffect, useState } from 'react'
import type { DepartmentPlanTasks, DepartmentTasksResponse } from '../../../shared/api/breakdown.ts'
import { STATUS_LABELS } from '../../../shared/api/status.ts'
import type { DepartmentTask } from '../../../shared/breakdown/departmentTasks.ts'
import { PROGRESS_LABELS, QUARTER_LABELS } from '../../../shared/breakdown/progress.ts'
import { joinNames } from '../../../shared/breakdown/table.ts'
import { downloadFile } from '../../api/downloadFile.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import { getMyTasks, ledgerPath } from '../../api/progress.ts'
import type { Session } from '../../api/session.ts'
import { navigate } from '../../router/navigate.ts'
import { notify } from '../../state/notices.ts'
import { AppHeader } from '../AppHeader.tsx'
import { formatTime } from '../labels.ts'
import { itemHref, openItem } from './itemLink.ts'
import { ProgressForm } from './ProgressForm.tsx'
import { ProgressHistory } from './ProgressHistory.tsx'
import '../../styles/list.css'
import '../../styles/status.css'
import './tasks.css'

/**
 * 本科室任务 (/tasks): every item the signed-in user's 科室 leads or supports, plan by plan, with its
 * deadline (overdue ones marked) and latest report; 填报进展 reports on an item, 导出台账 downloads
 * a plan's 台账.
 */
export function DepartmentTasksPage({ session }: { session: Session }) {
  const [data, setData] = useState<DepartmentTasksResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(() => {
    getMyTasks().then(setData, (err: unknown) => setError(errorMessage(err, '本科室任务没有载入')))
  }, [])
  useEffect(reload, [reload])
  const department = data?.department ?? session.user.department
  return (
    <div className="list-page tasks-page">
      <AppHeader user={session.user} />
      <main className="list-main">
        <a
          className="tasks-back"
          href="/"
          onClick={(e) => {
            e.preventDefault()
            navigate({ page: 'documents' })
          }}
        >
          ← 返回文档列表
        </a>
        <div className="list-head">
          <div>
            <h1>本科室任务{department ? ` · ${department}` : ''}</h1>
            <p className="muted">本科室牵头或配合的条目、完成时限和最近一次填报的进展。每季度可多次填报，以最后一次为准，历次填报都保留。</p>
          </div>
        </div>
        {error && <p className="form-error">{error}</p>}
        {!data && !error && <p className="loading-line">正在载入…</p>}
        {data && !department && <p className="empty-state">您的账号还没有设置科室，请管理员在“用户管理”中设置后再查看本科室任务。</p>}
        {data && department && !data.plans.length && <p className="empty-state">您可以打开的计划中还没有由{department}牵头或配合的条目。</p>}
        {data?.plans.map((plan) => (
          <PlanTasks key={plan.documentId} plan={plan} onReported={reload} />
        ))}
      </main>
    </div>
  )
}

/** One plan's items for the 科室: a table with a row per item and the report form under the row being reported. */
function PlanTasks({ plan, onReported }: { plan: DepartmentPlanTasks; onReported: () => void }) {
  const [reporting, setReporting] = useState<string | null>(null)
  const [history, setHistory] = useState<string | null>(null)
  const overdue = plan.tasks.filter((t) => t.overdue).length
  const download = (format: 'xlsx' | 'docx'): void => {
    downloadFile(ledgerPath(plan.documentId, format), `工作台账.${format}`).catch((err: unknown) => notify(errorMessage(err, '导出没有成功，请稍后重试')))
  }
  return (
    <section className="tasks-plan" data-testid={`tasks-plan-${plan.documentId}`}>
      <div className="tasks-plan-head">
        <h2>
          <a
            href={`/documents/${encodeURIComponent(plan.documentId)}`}
            onClick={(e) => {
              e.preventDefault()
              navigate({ page: 'editor', docId: plan.documentId })
            }}
          >
            {plan.title}
          </a>
          <span className={`status-badge status-${plan.status}`}>{STATUS_LABELS[plan.status]}</span>
        </h2>
        <span className="muted">
          共 {plan.tasks.length} 条{overdue ? `，已逾期 ${overdue} 条` : ''}
        </span>
        <span className="tasks-plan-tools">
          <a
            className="button small"
            href={`/documents/${encodeURIComponent(plan.documentId)}/ledger`}
            onClick={(e) => {
              e.preventDefault()
              navigate({ page: 'ledger', docId: plan.documentId })
            }}
            data-testid="ledger-open"
          >
            查看台账
          </a>
          <button className="button small" onClick={() => download('xlsx')} data-testid="ledger-xlsx">
            导出台账 Excel
          </button>
          <button className="button small" onClick={() => download('docx')} data-testid="ledger-docx">
            导出台账 Word
          </button>
        </span>
      </div>
      <div className="tasks-table-wrap">
        <table className="doc-table tasks-table">
          <thead>
            <tr>
              <th className="num">序号</th>
              <th>重点任务</th>
              <th>本科室</th>
              <th>牵头科室</th>
              <th>完成时限</th>
              <th>最新进展</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {plan.tasks.map((t) => (
              <Fragment key={t.itemId}>
                <tr className={t.overdue ? 'overdue' : ''} data-testid={`task-${t.number}`}>
                  <td className="num">{t.number}</td>
                  <td className="tasks-task">
                    <a
                      href={itemHref(plan.documentId, t.itemId)}
                      onClick={(e) => {
                        if (e.ctrlKey || e.metaKey || e.shiftKey) return
                        e.preventDefault()
                        openItem(plan.documentId, t.itemId)
                      }}
                    >
                      {t.task}
                    </a>
                  </td>
                  <td>{t.role === 'lead' ? '牵头' : '配合'}</td>
                  <td>{joinNames(t.lead)}</td>
                  <td>
                    {t.deadline || <span className="muted">未填</span>}
                    {t.overdue && <span className="overdue-tag">已逾期</span>}
                  </td>
                  <td data-testid={`task-${t.number}-latest`}>
                    <LatestReport task={t} />
                  </td>
                  <td className="col-actions">
                    <button className="button small" onClick={() => setReporting(reporting === t.itemId ? null : t.itemId)} data-testid={`task-${t.number}-report`}>
                      填报进展
                    </button>
                    {t.latest && (
                      <button className="button small" onClick={() => setHistory(history === t.itemId ? null : t.itemId)} data-testid={`task-${t.number}-history`}>
                        填报记录
                      </button>
                    )}
                  </td>
                </tr>
                {history === t.itemId && (
                  <tr className="tasks-form-row">
                    <td colSpan={7}>
                      <ProgressHistory docId={plan.documentId} itemId={t.itemId} />
                    </td>
                  </tr>
                )}
                {reporting === t.itemId && (
                  <tr className="tasks-form-row">
                    <td colSpan={7}>
                      <ProgressForm
                        docId={plan.documentId}
                        itemId={t.itemId}
                        label={`第${t.number}条`}
                        previous={t.latest}
                        onCancel={() => setReporting(null)}
                        onDone={() => {
                          setReporting(null)
                          notify(`已填报第${t.number}条的进展`, 'success')
                          onReported()
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** 推进中 · 第二季度: the note, who and when; or 未填报. */
function LatestReport({ task }: { task: DepartmentTask }) {
  const r = task.latest
  if (!r) return <span className="muted">未填报</span>
  return (
    <span className="tasks-latest">
      <span>
        <span className={`progress-chip progress-${r.status}`}>{PROGRESS_LABELS[r.status]}</span> {QUARTER_LABELS[r.quarter]}
      </span>
      {r.note && <span className="tasks-note">{r.note}</span>}
      <span className="muted small">
        {r.by.name} · {formatTime(r.at)}
      </span>
    </span>
  )
}
