import { useState } from 'react'
import type { CheckKind, Finding } from '../../shared/checks/types.ts'
import { findingKey, findingPlace, findingText, kindCounts, SEVERITY_LABEL, severityCounts } from '../analysis/findingGroups.ts'
import { fixRange, planTitleRange, preambleParagraph } from '../analysis/fixRange.ts'
import { noticeDateRange } from '../analysis/noticeDateRange.ts'
import { formatMs } from '../analysis/formatMs.ts'
import { applyCheckFix, applyCheckFixes } from '../editor/applyCheckFix.ts'
import { revealItem, revealRange } from '../editor/revealItem.ts'
import { useChecks } from '../hooks/useChecks.ts'
import { useLivePlan } from '../hooks/useLivePlan.ts'
import { useReferencePlans } from '../hooks/useReferencePlans.ts'
import { notify } from '../state/notices.ts'
import { ReferenceSettingsButton } from './ReferenceSettings.tsx'
import type { SidePanelContext } from './sidePanelRegistry.ts'
import '../styles/analysis.css'

const STALE_FIX = '这处文字刚刚改动过，修正没有应用；检查结果会随即更新。'

/** 检查: the checks run live on the text; counts by kind, each finding jumps to its item, obvious ones fixed in one click. */
export function ChecksPanel({ editor, collab, document, canEdit }: SidePanelContext) {
  const plan = useLivePlan(editor, collab.ydoc)
  const refs = useReferencePlans(document)
  const { findings, ms } = useChecks(plan, refs.prior.plan, refs.municipal.plan)
  const [kind, setKind] = useState<CheckKind | null>(null)
  const [current, setCurrent] = useState<string | null>(null)
  const counts = kindCounts(findings)
  const shown = kind && counts.some((c) => c.kind === kind) ? findings.filter((f) => f.kind === kind) : findings
  const bySeverity = severityCounts(findings)
  const fixable = shown.filter((f) => f.fix)
  const reveal = (f: Finding): void => {
    setCurrent(findingKey(f))
    // The words a finding is about when it knows them (its fix's or its spot), else the item or field.
    const words = f.fix ?? f.spot
    const range = words ? fixRange(editor.state.doc, words) : null
    if (f.itemId) {
      if (!revealItem(editor, f.itemId, range)) notify('这一条已被删除，检查结果会随即更新。')
      return
    }
    const doc = editor.state.doc
    const place = range ?? (f.field === 'preamble' ? preambleParagraph(doc, f.paragraph ?? 0) : f.field === 'notice' || f.field === 'closing' ? noticeDateRange(doc, f.field) : planTitleRange(doc))
    if (place) revealRange(editor, place)
  }
  const fix = (f: Finding): void => {
    if (!f.fix) return
    if (applyCheckFix(editor, f.fix)) notify(`已${f.fix.label}，可用 Ctrl+Z 撤销`, 'success')
    else notify(STALE_FIX)
  }
  const fixAll = (): void => {
    const applied = applyCheckFixes(
      editor,
      fixable.flatMap((f) => (f.fix ? [f.fix] : [])),
    )
    notify(applied ? `已修正 ${applied} 处，可用 Ctrl+Z 一次撤销` : STALE_FIX, applied ? 'success' : 'info')
  }
  return (
    <div className="analysis-panel checks-panel" data-testid="checks-panel">
      <div className="severity-summary" aria-label="检查结果">
        {findings.length === 0 ? (
          <div className="all-clear">
            <span className="all-clear-mark" aria-hidden="true">
              ✓
            </span>
            未发现问题
          </div>
        ) : (
          (['error', 'warning', 'info'] as const).map((s) => (
            <div key={s} className={`severity-tile sev-${s}${bySeverity[s] ? '' : ' zero'}`}>
              <span className="severity-count">{bySeverity[s]}</span>
              <span className="severity-name">{SEVERITY_LABEL[s]}</span>
            </div>
          ))
        )}
      </div>
      {counts.length > 0 && (
        <div className="kind-chips" role="group" aria-label="按类型筛选">
          <button className={`kind-chip${kind === null ? ' active' : ''}`} onClick={() => setKind(null)} aria-pressed={kind === null}>
            全部 <b>{findings.length}</b>
          </button>
          {counts.map((c) => (
            <button
              key={c.kind}
              className={`kind-chip sev-${c.severity}${kind === c.kind ? ' active' : ''}`}
              onClick={() => setKind(kind === c.kind ? null : c.kind)}
              aria-pressed={kind === c.kind}
              data-kind={c.kind}
            >
              {c.label} <b>{c.count}</b>
            </button>
          ))}
        </div>
      )}
      {canEdit && kind !== null && fixable.length > 1 && (
        <button className="button wide fix-all" onClick={fixAll} data-testid="fix-all">
          全部修正（{fixable.length} 处）
        </button>
      )}
      <ol className="finding-list">
        {shown.map((f) => (
          <li key={findingKey(f)} className={`finding sev-${f.severity}${current === findingKey(f) ? ' current' : ''}`} data-kind={f.kind}>
            <button className="finding-main" onClick={() => reveal(f)} title="在正文中定位">
              <span className="finding-where">{findingPlace(f)}</span>
              <span className="finding-message">{findingText(f)}</span>
            </button>
            {canEdit && f.fix && (
              <button className="fix-button" onClick={() => fix(f)} title={`修正：${f.fix.label}`} data-testid="fix">
                修正<span className="fix-label">{f.fix.label}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      <p className="analysis-foot" data-testid="checks-timing" data-ms={ms.toFixed(2)}>
        {referenceNote(refs.prior.plan !== null, refs.municipal.plan !== null, document?.priorId, document?.municipalId)} · 用时 {formatMs(ms)}
      </p>
      {(!document?.priorId || !document.municipalId) && (
        <ReferenceSettingsButton document={document} label={document?.priorId || document?.municipalId ? '关联其余对照文档…' : '关联上年计划和市级工作要点…'} className="button small" />
      )}
    </div>
  )
}

function referenceNote(prior: boolean, municipal: boolean, priorId: string | undefined, municipalId: string | undefined): string {
  const used = [prior ? '上年计划' : '', municipal ? '市级工作要点' : ''].filter(Boolean)
  const missing = [!priorId ? '上年计划' : '', !municipalId ? '市级工作要点' : ''].filter(Boolean)
  if (used.length) return `已对照${used.join('和')}`
  if (missing.length === 2) return '未关联上年计划和市级工作要点'
  return '正在载入对照文档'
}
