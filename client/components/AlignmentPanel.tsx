import { useState } from 'react'
import { clearLink, LOCAL, markLocal, setLink } from '../../shared/collab/links.ts'
import { allItems } from '../../shared/plan/numbering.ts'
import { itemSummaries, itemView, type CandidateRow, type ItemStanding, type ItemView } from '../analysis/alignmentView.ts'
import { formatMs } from '../analysis/formatMs.ts'
import { revealItem } from '../editor/revealItem.ts'
import { useAlignment, type AlignmentResult } from '../hooks/useAlignment.ts'
import { useCurrentItemId } from '../hooks/useCurrentItemId.ts'
import { currentPlan, useLivePlan } from '../hooks/useLivePlan.ts'
import { useLinks } from '../hooks/useLinks.ts'
import { useReferencePlans } from '../hooks/useReferencePlans.ts'
import { notify } from '../state/notices.ts'
import { CandidateCard, type CandidateActions } from './CandidateCard.tsx'
import { LinkByline } from './LinkByline.tsx'
import type { SidePanelContext } from './sidePanelRegistry.ts'
import '../styles/analysis.css'

/** How an item's standing is named. */
export const STANDING_LABEL: Record<ItemStanding, string> = { linked: '已确认', local: '本区特色', suggested: '有建议', none: '无对应' }

/**
 * 对标: for the item under the cursor, the municipal items it may carry out, ranked, with the shared
 * terms marked in both texts; 采纳 / 不采纳 / 标为本区特色 write to the shared links map, so every
 * collaborator sees a decision at once. Reviewers and viewers see the same, without the buttons.
 */
export function AlignmentPanel({ editor, collab, document, canEdit, session }: SidePanelContext) {
  const plan = useLivePlan(editor, collab.ydoc)
  const { municipal } = useReferencePlans(document)
  const links = useLinks(collab.ydoc)
  const result = useAlignment(plan, municipal.plan, links)
  const currentId = useCurrentItemId(editor)
  const [mode, setMode] = useState<'item' | 'all'>('item')
  if (!document?.municipalId) return <p className="muted empty-panel">本文档没有关联市级工作要点，无法对标。可在文档列表中为它关联一份市级参考文档。</p>
  if (municipal.error) return <p className="form-error">{municipal.error}</p>
  if (!result || !municipal.plan) return <p className="muted empty-panel">正在载入市级工作要点…</p>
  const view = currentId ? itemView(result.alignment, links, result.report, currentId) : null
  const showAll = mode === 'all' || !view
  const user = { id: session.user.id, name: session.user.displayName }
  const itemById = (planId: 'district' | 'municipal', id: string) => allItems(planId === 'district' ? currentPlan(editor, collab.ydoc) : (municipal.plan ?? plan)).find((it) => it.id === id)
  const actions: CandidateActions | null =
    canEdit && view
      ? {
          accept: (row) => decide(row, 'accepted'),
          reject: (row) => decide(row, 'rejected'),
          undo: (row) => clearLink(collab.ydoc, view.districtId, row.municipalId),
        }
      : null
  function decide(row: CandidateRow, status: 'accepted' | 'rejected'): void {
    if (!view) return
    const districtItem = itemById('district', view.districtId)
    const municipalItem = itemById('municipal', row.municipalId)
    if (!districtItem || !municipalItem) {
      notify('这一条已被删除，无法记录对应关系。')
      return
    }
    setLink(collab.ydoc, { districtItem, municipalItem, status, by: user.id, byName: user.name })
  }
  function toggleLocal(): void {
    if (!view) return
    if (view.local) {
      clearLink(collab.ydoc, view.districtId, LOCAL)
      return
    }
    const districtItem = itemById('district', view.districtId)
    if (districtItem) markLocal(collab.ydoc, districtItem, user.id, undefined, undefined, user.name)
  }
  return (
    <div className="analysis-panel alignment-panel" data-testid="alignment-panel">
      <div className="segmented" role="tablist" aria-label="查看范围">
        <button role="tab" aria-selected={!showAll} className={!showAll ? 'active' : ''} onClick={() => setMode('item')} disabled={!view}>
          当前条目
        </button>
        <button role="tab" aria-selected={showAll} className={showAll ? 'active' : ''} onClick={() => setMode('all')}>
          全部条目
        </button>
      </div>
      {!canEdit && <p className="readonly-note">您可以查看对应关系，但不能采纳、不采纳或标记本区特色。</p>}
      {showAll ? (
        <ItemOverview
          result={result}
          links={links}
          hint={!view && mode === 'item'}
          onOpen={(id) => {
            setMode('item')
            revealItem(editor, id)
          }}
        />
      ) : (
        <ItemAlignment key={view.districtId} view={view} actions={actions} onToggleLocal={canEdit ? toggleLocal : null} />
      )}
      <p className="analysis-foot" data-testid="alignment-timing" data-ms={result.alignMs.toFixed(2)}>
        对照{result.alignment.municipal.length}条市级要点 · 计算用时 {formatMs(result.alignMs + result.coverageMs)}
      </p>
    </div>
  )
}

function ItemAlignment({ view, actions, onToggleLocal }: { view: ItemView; actions: CandidateActions | null; onToggleLocal: (() => void) | null }) {
  const [openId, setOpenId] = useState<string | null>(null)
  const firstOpen = openId ?? view.rows[0]?.municipalId ?? null
  const accepted = view.rows.filter((r) => r.decision === 'accepted')
  return (
    <div className="item-alignment" data-item={view.number}>
      <div className="align-head">
        <span className="item-badge">第{view.number}条</span>
        <span className="align-title">{view.title || '（未填写主题句）'}</span>
      </div>
      {(accepted.length > 0 || view.local) && (
        <div className="confirmed-box" data-testid="confirmed-links">
          <div className="box-label">已确认</div>
          <ul>
            {accepted.map((r) => (
              <li key={r.municipalId} className={r.suspect ? 'suspect' : ''} data-municipal={r.number}>
                <span className="confirmed-what">
                  对应市级第{r.number}条 {r.title}
                </span>
                {r.link && <LinkByline link={r.link} />}
                {r.suspect && (
                  <span className="suspect-flag" title={r.suspect.message}>
                    需重新确认
                  </span>
                )}
              </li>
            ))}
            {view.local && (
              <li className={view.localSuspect ? 'suspect' : ''}>
                <span className="confirmed-what">本区特色工作，不要求市级对应</span>
                <LinkByline link={view.local} />
                {view.localSuspect && (
                  <span className="suspect-flag" title={view.localSuspect.message}>
                    需重新确认
                  </span>
                )}
              </li>
            )}
          </ul>
        </div>
      )}
      <div className="section-label">市级要点中可能对应的条目</div>
      {view.rows.length === 0 && <p className="muted">没有找到用词相近的市级条目。</p>}
      <ol className="cand-list">
        {view.rows.map((row) => (
          <CandidateCard
            key={row.municipalId}
            row={row}
            district={view}
            open={firstOpen === row.municipalId}
            onToggle={() => setOpenId(firstOpen === row.municipalId ? '' : row.municipalId)}
            actions={actions}
          />
        ))}
      </ol>
      {onToggleLocal && (
        <div className="local-box">
          <button className={`button wide${view.local ? ' subtle' : ''}`} onClick={onToggleLocal} data-testid="toggle-local">
            {view.local ? '取消本区特色标记' : '标为本区特色'}
          </button>
          <p className="panel-hint">本区自主安排、市级要点中没有对应任务的工作，标记后不再计入“无对应”。</p>
        </div>
      )}
    </div>
  )
}

function ItemOverview({ result, links, hint, onOpen }: { result: AlignmentResult; links: Parameters<typeof itemSummaries>[1]; hint: boolean; onOpen: (id: string) => void }) {
  const rows = itemSummaries(result.alignment, links, result.report)
  const count = (s: ItemStanding): number => rows.filter((r) => r.standing === s).length
  return (
    <div className="item-overview">
      {hint && <p className="panel-hint">把光标放在某一条中，即可查看它对应的市级条目。</p>}
      <div className="standing-summary">
        {(['linked', 'suggested', 'local', 'none'] as const).map((s) => (
          <div key={s} className={`standing-tile standing-${s}`}>
            <span className="standing-count">{count(s)}</span>
            <span className="standing-name">{STANDING_LABEL[s]}</span>
          </div>
        ))}
      </div>
      <ol className="overview-list">
        {rows.map((r) => (
          <li key={r.districtId}>
            <button onClick={() => onOpen(r.districtId)} className={`overview-row standing-${r.standing}`}>
              <span className="overview-num">{r.number}.</span>
              <span className="overview-title">{r.title || '（未填写）'}</span>
              <span className="overview-standing">
                {r.suspect && <span className="suspect-dot" title="有需要重新确认的对应" />}
                {r.standing === 'linked' || r.standing === 'suggested' ? r.municipal.map((n) => `市${n}`).join(' ') : STANDING_LABEL[r.standing]}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  )
}
