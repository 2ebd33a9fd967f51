import { useState } from 'react'
import { PLAN_STATUSES, STATUS_LABELS, statusOf, type PlanStatus } from '../../shared/api/status.ts'
import type { DocumentInfo, DocumentKind } from '../../shared/api/types.ts'
import { updateDocument } from '../api/documents.ts'
import type { Session } from '../api/session.ts'
import { AccessRequestsNotice } from '../components/AccessRequests.tsx'
import { AppHeader } from '../components/AppHeader.tsx'
import { CarryDialog } from '../components/CarryDialog.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { ImportDialog } from '../components/ImportDialog.tsx'
import { KIND_LABEL, ROLE_LABEL, formatTime } from '../components/labels.ts'
import { NewDocumentDialog } from '../components/NewDocumentDialog.tsx'
import { PromptDialog } from '../components/PromptDialog.tsx'
import { useDocuments } from '../hooks/useDocuments.ts'
import { navigate } from '../router/navigate.ts'
import { draftsForNextYear, filterDocuments, sameTitleIds, shortDate, sourceLabel, yearsOf, type ListFilters } from './documentListModel.ts'
import { notify } from '../state/notices.ts'
import '../styles/status.css'

type Open = { dialog: 'new' } | { dialog: 'import' } | { dialog: 'rename'; doc: DocumentInfo } | { dialog: 'carry'; doc: DocumentInfo } | { dialog: 'archive'; doc: DocumentInfo } | null

type Filter = 'all' | DocumentKind

/** 文档列表: every plan the user may open, with new, import, carry forward, rename and archive. */
export function DocumentListPage({ session }: { session: Session }) {
  const [archived, setArchived] = useState(false)
  const [filter, setFilter] = useState<Filter>('all')
  const [open, setOpen] = useState<Open>(null)
  const { documents, error, reload } = useDocuments(archived)
  const [status, setStatus] = useState<PlanStatus | 'all'>('all')
  const [year, setYear] = useState<ListFilters['year']>('all')
  const shown = filterDocuments(documents ?? [], { kind: filter, status, year })
  const twins = sameTitleIds(shown)
  const close = (): void => setOpen(null)
  const openDoc = (id: string): void => navigate({ page: 'editor', docId: id })

  return (
    <div className="list-page">
      <AppHeader user={session.user} />
      <main className="list-main">
        <div className="list-head">
          <div>
            <h1>工作要点</h1>
            <p className="muted">起草下一年度计划，对照上年计划和市级要点。</p>
          </div>
          <div className="list-actions">
            <button className="button" onClick={() => setOpen({ dialog: 'import' })}>
              导入文件
            </button>
            <button className="button primary" onClick={() => setOpen({ dialog: 'new' })}>
              新建文档
            </button>
          </div>
        </div>
        <AccessRequestsNotice />
        <div className="list-filters">
          <div className="segmented" role="tablist" aria-label="按类型筛选">
            {(['all', 'draft', 'prior', 'reference'] as Filter[]).map((f) => (
              <button key={f} role="tab" aria-selected={filter === f} className={filter === f ? 'active' : ''} onClick={() => setFilter(f)}>
                {f === 'all' ? '全部' : KIND_LABEL[f]}
              </button>
            ))}
          </div>
          <select className="status-filter" aria-label="按状态筛选" value={status} onChange={(e) => setStatus(e.target.value as PlanStatus | 'all')} data-testid="status-filter">
            <option value="all">全部状态</option>
            {PLAN_STATUSES.map((st) => (
              <option key={st} value={st}>
                {STATUS_LABELS[st]}
              </option>
            ))}
          </select>
          <YearFilter documents={documents ?? []} value={year} onChange={setYear} />
          <label className="toggle">
            <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
            <span>只看已归档</span>
          </label>
        </div>
        {error && (
          <div className="inline-error" role="alert">
            {error}
            <button className="button subtle" onClick={reload}>
              重试
            </button>
          </div>
        )}
        {documents === null && !error && <p className="muted loading-line">正在载入文档…</p>}
        {documents !== null && shown.length === 0 && (
          <div className="empty-state">
            <p>{archived ? '没有已归档的文档。' : '这里还没有文档。'}</p>
            {!archived && <p className="muted">可以从模板新建，或导入往年的 Word / 文本文件。</p>}
          </div>
        )}
        {shown.length > 0 && (
          <div className="table-scroll">
            <table className="doc-table">
              <thead>
                <tr>
                  <th className="col-title">标题</th>
                  <th>类型</th>
                  <th>年份</th>
                  <th>状态</th>
                  <th>所有者</th>
                  <th className="col-wide">来源</th>
                  <th className="col-wide">我的角色</th>
                  <th>最近修改</th>
                  <th className="col-actions">操作</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((d) => (
                  <tr key={d.id} data-doc-id={d.id}>
                    <td className="col-title">
                      <a
                        href={`/documents/${encodeURIComponent(d.id)}`}
                        onClick={(e) => {
                          e.preventDefault()
                          openDoc(d.id)
                        }}
                      >
                        {d.title || '（无标题）'}
                      </a>
                      <Links doc={d} all={documents ?? []} />
                      {twins.has(d.id) && <TellApart doc={d} />}
                    </td>
                    <td>
                      <span className={`kind-badge kind-${d.kind}`}>{KIND_LABEL[d.kind]}</span>
                    </td>
                    <td className="num">{d.year ?? '—'}</td>
                    <td>
                      <span className={`status-badge status-${statusOf(d)}`}>{STATUS_LABELS[statusOf(d)]}</span>
                    </td>
                    <td className="col-people">
                      <People doc={d} />
                    </td>
                    <td className="col-wide">
                      <Source doc={d} />
                    </td>
                    <td className="col-wide">{ROLE_LABEL[d.role]}</td>
                    <td className="muted">{formatTime(d.updatedAt)}</td>
                    <td className="col-actions">
                      <RowActions doc={d} onOpen={openDoc} setOpen={setOpen} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {documents !== null && shown.length > 0 && (
          <p className="list-count muted">
            共 {shown.length} 份{filter === 'all' ? '' : KIND_LABEL[filter]}文档{archived ? '（已归档）' : ''}
          </p>
        )}
      </main>
      {open?.dialog === 'new' && (
        <NewDocumentDialog
          onClose={close}
          onCreated={(res) => {
            close()
            notify(`已创建《${res.document.title}》`, 'success')
            openDoc(res.document.id)
          }}
        />
      )}
      {open?.dialog === 'import' && (
        <ImportDialog
          onClose={() => {
            close()
            reload()
          }}
          onOpen={(id) => {
            close()
            openDoc(id)
          }}
        />
      )}
      {open?.dialog === 'rename' && (
        <PromptDialog
          title="重命名"
          label="标题"
          initial={open.doc.title}
          confirmLabel="保存"
          onClose={close}
          onSubmit={async (title) => {
            await updateDocument(open.doc.id, { title })
            notify('标题已修改', 'success')
            reload()
          }}
        />
      )}
      {open?.dialog === 'carry' && (
        <CarryDialog
          doc={open.doc}
          municipal={documents?.find((d) => d.id === open.doc.municipalId)}
          nextYear={draftsForNextYear(open.doc, documents ?? [])}
          onClose={close}
          onCarried={(res) => {
            notify(`已结转为《${res.document.title}》`, 'success')
            openDoc(res.document.id)
          }}
        />
      )}
      {open?.dialog === 'archive' && (
        <ConfirmDialog
          title={open.doc.archived ? '取消归档' : '归档文档'}
          confirmLabel={open.doc.archived ? '取消归档' : '归档'}
          onClose={close}
          onConfirm={async () => {
            await updateDocument(open.doc.id, { archived: !open.doc.archived })
            notify(open.doc.archived ? '已取消归档' : '已归档，可在“只看已归档”中找到', 'success')
            reload()
          }}
        >
          <p>{open.doc.archived ? `把《${open.doc.title}》放回文档列表？` : `归档《${open.doc.title}》？归档后不再出现在列表中，协作者也无法继续编辑；随时可以取消归档。`}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}

/** 全部年份 or one year (or 未标年份) of the documents in the list. */
function YearFilter({ documents, value, onChange }: { documents: DocumentInfo[]; value: ListFilters['year']; onChange: (year: ListFilters['year']) => void }) {
  const { years, someWithout } = yearsOf(documents)
  return (
    <select
      className="status-filter"
      aria-label="按年份筛选"
      data-testid="year-filter"
      value={String(value)}
      onChange={(e) => onChange(e.target.value === 'all' || e.target.value === 'none' ? e.target.value : Number(e.target.value))}
    >
      <option value="all">全部年份</option>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}年
        </option>
      ))}
      {someWithout && <option value="none">未标年份</option>}
    </select>
  )
}

/** Under a title that another row has too: year, owner and last change, to tell the rows apart. */
function TellApart({ doc }: { doc: DocumentInfo }) {
  const parts = [doc.year !== undefined ? `${doc.year}年` : '未标年份', doc.ownerNames?.join('、') || doc.creatorName, `${formatTime(doc.updatedAt)} 修改`].filter(Boolean)
  return (
    <div className="doc-twin" data-testid="doc-twin">
      同名文档：{parts.join(' · ')}
    </div>
  )
}

/** The owners, and the creator under them when someone else made it. */
function People({ doc }: { doc: DocumentInfo }) {
  const owners = doc.ownerNames?.join('、') || '—'
  const other = doc.creatorName && !doc.ownerNames?.includes(doc.creatorName)
  return (
    <>
      <span data-testid="doc-owners">{owners}</span>
      {other && <div className="muted doc-creator">创建：{doc.creatorName}</div>}
    </>
  )
}

/** 新建 / 模板 / 导入 / 结转 (the template, file or source plan in its tooltip) and the day it was made. */
function Source({ doc }: { doc: DocumentInfo }) {
  const { label, detail } = sourceLabel(doc.source)
  return (
    <>
      <span className="doc-source" title={detail} data-testid="doc-source">
        {label}
      </span>
      <div className="muted doc-created" data-testid="doc-created">
        {shortDate(doc.createdAt)}创建
      </div>
    </>
  )
}

/** The documents a draft is compared with, named under its title. */
function Links({ doc, all }: { doc: DocumentInfo; all: DocumentInfo[] }) {
  const title = (id: string | undefined): string | undefined => (id ? all.find((d) => d.id === id)?.title : undefined)
  const prior = title(doc.priorId)
  const municipal = title(doc.municipalId)
  if (!prior && !municipal) return null
  return (
    <div className="doc-links">
      {prior && <span>对照上年：《{prior}》</span>}
      {municipal && <span>落实市级：《{municipal}》</span>}
    </div>
  )
}

function RowActions({ doc, onOpen, setOpen }: { doc: DocumentInfo; onOpen: (id: string) => void; setOpen: (o: Open) => void }) {
  const owner = doc.role === 'owner'
  const editor = owner || doc.role === 'editor'
  return (
    <div className="row-actions">
      <button className="link-button" onClick={() => onOpen(doc.id)}>
        打开
      </button>
      {editor && (
        <button className="link-button" onClick={() => setOpen({ dialog: 'rename', doc })}>
          重命名
        </button>
      )}
      {!doc.archived && (
        <button className="link-button" onClick={() => setOpen({ dialog: 'carry', doc })}>
          结转
        </button>
      )}
      {owner && (
        <button className="link-button" onClick={() => setOpen({ dialog: 'archive', doc })}>
          {doc.archived ? '取消归档' : '归档'}
        </button>
      )}
    </div>
  )
}
