import { useMemo, useState } from 'react'
import { splitNames } from '../../../shared/breakdown/record.ts'
import { attachBreakdowns, copyBreakdownFields, setBreakdownField, type BreakdownField } from '../../../shared/breakdown/store.ts'
import { isOverdue } from '../../../shared/breakdown/ledger.ts'
import { departmentRole, PROGRESS_LABELS } from '../../../shared/breakdown/progress.ts'
import { beijingDay } from '../../../shared/breakdown/today.ts'
import { breakdownRows, deadlineKindLabel, joinNames, type BreakdownRow } from '../../../shared/breakdown/table.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import { downloadFile } from '../../api/downloadFile.ts'
import { revealItem } from '../../editor/revealItem.ts'
import { useCurrentItemId } from '../../hooks/useCurrentItemId.ts'
import { useLivePlan } from '../../hooks/useLivePlan.ts'
import { navigate } from '../../router/navigate.ts'
import { notify } from '../../state/notices.ts'
import type { SidePanelContext } from '../sidePanelRegistry.ts'
import { BreakdownCell } from './BreakdownCell.tsx'
import { useBreakdowns } from './useBreakdowns.ts'
import { useDepartments } from './useDepartments.ts'
import { useLatestProgress } from './useProgress.ts'
import './breakdown.css'

type SortKey = 'number' | 'lead' | 'due'

/** What fill down copies: who leads and supports, and by when (a leader or person is rarely the same twice). */
const FILL_FIELDS: readonly BreakdownField[] = ['lead', 'support', 'deadline']

/** The fields the editor below the table shows for the item under the cursor, with their labels. */
const FIELDS: ReadonlyArray<[BreakdownField, string, string]> = [
  ['lead', '牵头科室', '如：基教科、德育科'],
  ['support', '配合科室', '如：计财科'],
  ['leader', '分管领导', ''],
  ['person', '责任人', ''],
  ['deadline', '完成时限', '如：2025年6月底、第二季度、全年、长期'],
]

/**
 * 分解: every item as a row of a table — 牵头科室, 配合科室, 完成时限 editable cell by cell, saved
 * into the document's shared breakdown map so that everyone sees each change at once — and the
 * item under the cursor with all its fields. Sortable by department or deadline; exports the table.
 */
export function BreakdownPanel({ editor, collab, docId, canEdit, session }: SidePanelContext) {
  const text = useLivePlan(editor, collab.ydoc)
  const records = useBreakdowns(collab.ydoc)
  const departments = useDepartments()
  // The 台账 at a glance: each item's latest report, and items past their deadline not reported 已完成.
  const progress = useLatestProgress(docId)
  const today = beijingDay()
  const overdue = (r: BreakdownRow): boolean => isOverdue(r.due, progress.get(r.itemId)?.status, today)
  // Names not on the 科室 list are kept as typed and marked, so that a typo or an old name is seen.
  const warning = (row: BreakdownRow, field: BreakdownField): string | undefined => {
    if (!departments.length || (field !== 'lead' && field !== 'support')) return undefined
    const unknown = row[field].filter((n) => !departments.includes(n))
    return unknown.length ? `“${unknown.join('、')}”不在本局科室名单中` : undefined
  }
  const names = (field: BreakdownField): string | undefined => (field === 'lead' || field === 'support' ? 'bd-departments' : undefined)
  const currentId = useCurrentItemId(editor)
  const [sort, setSort] = useState<SortKey>('number')
  // 只看本科室: the rows the user's 科室 leads or supports.
  const department = session.user.department
  const [mine, setMine] = useState(false)
  const ordered = useMemo(() => breakdownRows(attachBreakdowns(structuredClone(text), records)), [text, records])
  const rows = useMemo(() => sortRows(mine && department ? ordered.filter((r) => departmentRole(r, department)) : ordered, sort), [ordered, sort, mine, department])
  const current = ordered.find((r) => r.itemId === currentId)
  const next = current ? ordered[ordered.indexOf(current) + 1] : undefined
  const save = (itemId: string, field: BreakdownField, value: string): void => {
    const author = { by: session.user.id, byName: session.user.displayName }
    if (field === 'lead' || field === 'support') {
      const names = splitNames(value)
      setBreakdownField(collab.ydoc, itemId, field, names.length ? names : undefined, author)
    } else setBreakdownField(collab.ydoc, itemId, field, value || undefined, author)
  }
  // Fill down: the current item's departments and deadline onto the next item, then the cursor moves there, so each click fills one more.
  const fillDown = (): void => {
    if (!current || !next) return
    copyBreakdownFields(collab.ydoc, current.itemId, next.itemId, FILL_FIELDS, { by: session.user.id, byName: session.user.displayName })
    revealItem(editor, next.itemId)
  }
  const download = (what: 'breakdown' | 'ledger', format: 'xlsx' | 'docx'): void => {
    downloadFile(`/api/documents/${encodeURIComponent(docId)}/${what}.${format}`, `${what === 'ledger' ? '工作台账' : '任务分解表'}.${format}`).catch((err: unknown) =>
      notify(errorMessage(err, '导出没有成功，请稍后重试')),
    )
  }
  const withLead = ordered.filter((r) => r.lead.length).length
  const withDeadline = ordered.filter((r) => r.deadline).length
  return (
    <div className="analysis-panel bd-panel" data-testid="breakdown-panel">
      <p className="bd-summary" data-testid="breakdown-summary">
        共 {ordered.length} 条：已填牵头科室 {withLead} 条，已填完成时限 {withDeadline} 条{ordered.some(overdue) ? `，已逾期 ${ordered.filter(overdue).length} 条` : ''}
      </p>
      {current && (
        <div className="bd-current" data-testid="breakdown-current">
          <div className="box-label">
            第{current.number}条 {current.task}
          </div>
          {FIELDS.map(([field, label, placeholder]) => (
            <label key={field} className="bd-field">
              <span>{label}</span>
              <BreakdownCell
                value={cellText(current, field)}
                onSave={(v) => save(current.itemId, field, v)}
                canEdit={canEdit}
                label={`第${current.number}条${label}`}
                testId={`bd-current-${field}`}
                placeholder={placeholder}
                list={names(field)}
                warning={warning(current, field)}
              />
            </label>
          ))}
          {current.deadline && <DeadlineHint row={current} />}
          {canEdit && next && (
            <button className="button small" onClick={fillDown} data-testid="breakdown-fill-down" title="把本条的牵头科室、配合科室和完成时限填入下一条">
              填入第{next.number}条
            </button>
          )}
        </div>
      )}
      <div className="bd-tools">
        <label>
          排序
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} data-testid="breakdown-sort">
            <option value="number">按序号</option>
            <option value="lead">按牵头科室</option>
            <option value="due">按完成时限</option>
          </select>
        </label>
        {department && (
          <label className="bd-mine">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="breakdown-mine" />
            只看本科室（{department}）
          </label>
        )}
        <button className="button small" onClick={() => download('breakdown', 'xlsx')} data-testid="breakdown-xlsx">
          导出 Excel
        </button>
        <button className="button small" onClick={() => download('breakdown', 'docx')} data-testid="breakdown-docx">
          导出 Word
        </button>
      </div>
      <div className="bd-tools bd-ledger">
        <span>工作台账</span>
        <a
          className="button small"
          href={`/documents/${encodeURIComponent(docId)}/ledger`}
          onClick={(e) => {
            e.preventDefault()
            navigate({ page: 'ledger', docId })
          }}
          data-testid="ledger-open"
        >
          查看台账
        </a>
        <button className="button small" onClick={() => download('ledger', 'xlsx')} data-testid="ledger-xlsx">
          导出 Excel
        </button>
        <button className="button small" onClick={() => download('ledger', 'docx')} data-testid="ledger-docx">
          导出 Word
        </button>
      </div>
      <table className="bd-table">
        <thead>
          <tr>
            <th>序号</th>
            <th>牵头科室</th>
            <th>配合科室</th>
            <th>完成时限</th>
            <th className="bd-progress">进展</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.itemId} className={[r.itemId === currentId ? 'current' : '', overdue(r) ? 'overdue' : ''].filter(Boolean).join(' ')} data-item-id={r.itemId} data-testid={`bd-row-${r.number}`}>
              <th scope="row">
                <button className="bd-number" title={r.task} onClick={() => revealItem(editor, r.itemId)}>
                  {r.number}
                </button>
              </th>
              {(['lead', 'support', 'deadline'] as const).map((field) => (
                <td key={field} className={field === 'deadline' && r.deadlineKind === 'text' ? 'bd-unread' : ''}>
                  <BreakdownCell
                    value={cellText(r, field)}
                    onSave={(v) => save(r.itemId, field, v)}
                    canEdit={canEdit}
                    label={`第${r.number}条${FIELDS.find((f) => f[0] === field)?.[1] ?? ''}`}
                    testId={`bd-${r.number}-${field}`}
                    list={names(field)}
                    warning={warning(r, field)}
                  />
                </td>
              ))}
              <td className="bd-progress" data-testid={`bd-${r.number}-progress`} title={progress.get(r.itemId)?.note}>
                {progress.get(r.itemId) ? PROGRESS_LABELS[progress.get(r.itemId)?.status ?? 'in-progress'] : ''}
                {overdue(r) && <span className="bd-overdue">逾期</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!rows.length && <p className="muted">{ordered.length ? `还没有由${department ?? '本科室'}牵头或配合的条目。` : '计划中还没有条目。'}</p>}
      <datalist id="bd-departments">
        {departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
    </div>
  )
}

/** What a deadline was read as (季度, 2025-06-30 …), or that it could not be read. */
function DeadlineHint({ row }: { row: BreakdownRow }) {
  return (
    <p className={`bd-hint ${row.deadlineKind === 'text' ? 'bd-unread' : ''}`} data-testid="breakdown-deadline-hint">
      {row.deadlineKind === 'text' ? '完成时限未识别为日期、月份、季度、全年或长期，将原样保留' : `时限类型：${deadlineKindLabel(row.deadlineKind)}${row.due ? `，截止 ${row.due}` : ''}`}
    </p>
  )
}

function cellText(row: BreakdownRow, field: BreakdownField): string {
  if (field === 'lead' || field === 'support') return joinNames(row[field])
  return row[field]
}

function sortRows(rows: BreakdownRow[], key: SortKey): BreakdownRow[] {
  if (key === 'number') return rows
  const value = (r: BreakdownRow): string => (key === 'lead' ? (r.lead[0] ?? '\uffff') : (r.due ?? (r.deadline ? '\ufffe' : '\uffff')))
  return [...rows].sort((a, b) => value(a).localeCompare(value(b), 'zh') || a.number - b.number)
}
