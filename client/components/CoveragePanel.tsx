import { useMemo, useState } from 'react'
import { sharedTerms } from '../../shared/align/sharedTerms.ts'
import { markLocal } from '../../shared/collab/links.ts'
import { allItems } from '../../shared/plan/numbering.ts'
import { confirmedLinks } from '../analysis/alignmentView.ts'
import { coverageSummary } from '../analysis/coverageGroups.ts'
import { formatMs } from '../analysis/formatMs.ts'
import { heatmapModel, type HeatCell } from '../analysis/heatmapModel.ts'
import { revealItem } from '../editor/revealItem.ts'
import { useAlignment } from '../hooks/useAlignment.ts'
import { currentPlan, useLivePlan } from '../hooks/useLivePlan.ts'
import { useLinks } from '../hooks/useLinks.ts'
import { useReferencePlans } from '../hooks/useReferencePlans.ts'
import { CoverageDialog } from './CoverageDialog.tsx'
import { CoverageHeatmap } from './CoverageHeatmap.tsx'
import { CoverageLists } from './CoverageLists.tsx'
import type { SidePanelContext } from './sidePanelRegistry.ts'
import '../styles/analysis.css'

/** 覆盖: how much of the municipal plan the draft carries out, a heat-map of every pair, and what is left out. */
export function CoveragePanel({ editor, collab, document, canEdit, session }: SidePanelContext) {
  const plan = useLivePlan(editor, collab.ydoc)
  const { municipal } = useReferencePlans(document)
  const links = useLinks(collab.ydoc)
  const result = useAlignment(plan, municipal.plan, links)
  const [large, setLarge] = useState(false)
  const model = useMemo(() => (result ? heatmapModel(result.alignment, links, result.report) : null), [result, links])
  if (!document?.municipalId) return <p className="muted empty-panel">本文档没有关联市级工作要点，无法统计覆盖情况。</p>
  if (municipal.error) return <p className="form-error">{municipal.error}</p>
  if (!result || !model) return <p className="muted empty-panel">正在载入市级工作要点…</p>
  const { alignment, report } = result
  const sum = coverageSummary(report, alignment.municipal.length, alignment.items.length)
  const confirmed = confirmedLinks(alignment, links)
  const termsOf = (cell: HeatCell): string[] => sharedTerms(alignment.index.district[cell.col], alignment.index.municipal[cell.row], alignment.index.idf)
  const open = setLarge
  const openDistrict = (id: string): void => {
    open(false)
    revealItem(editor, id)
  }
  const onMarkLocal = canEdit
    ? (id: string): void => {
        const item = allItems(currentPlan(editor, collab.ydoc)).find((it) => it.id === id)
        if (item) markLocal(collab.ydoc, item, session.user.id, undefined, undefined, session.user.displayName)
      }
    : null
  const figures = (
    <div className="coverage-figures">
      <Figure label="市级条目覆盖" value={sum.municipalCovered} total={sum.municipalTotal} />
      <Figure label={sum.tasksPartial ? `市级任务已落实（另有 ${sum.tasksPartial} 项部分相关）` : '市级任务已落实'} value={sum.tasksCovered} total={sum.tasksTotal} />
      <Figure label="区级无对应" value={sum.unlinked} total={sum.districtTotal} warn={sum.unlinked > 0} />
    </div>
  )
  return (
    <div className="analysis-panel coverage-panel" data-testid="coverage-panel">
      {figures}
      <button className="heatmap-thumb-button" onClick={() => open(true)} title="放大查看覆盖热力图" data-testid="open-heatmap">
        <CoverageHeatmap model={model} compact onPick={() => open(true)} />
        <span className="thumb-caption">市级要点（行）× 区级条目（列）· 点击放大</span>
      </button>
      <CoverageLists report={report} municipal={alignment.municipal} confirmed={confirmed} onOpenDistrict={(id) => revealItem(editor, id)} onMarkLocal={onMarkLocal} />
      <p className="analysis-foot">
        {sum.local > 0 ? `${sum.local}条已标为本区特色 · ` : ''}计算用时 {formatMs(result.alignMs + result.coverageMs)}
      </p>
      {large && (
        <CoverageDialog
          title={`覆盖情况：${municipal.plan?.title ?? '市级工作要点'} × ${plan.title || '本区计划'}`}
          figures={figures}
          onClose={() => open(false)}
          heatmap={
            <>
              <CoverageHeatmap model={model} termsOf={termsOf} onPick={openDistrict} />
              <p className="heat-caption">
                行为市级要点，列为区级条目；颜色越深，两条用词越相近。圆点表示相似度达到 {alignment.threshold} 的建议对应，未被“不采纳”的建议也计入覆盖。指向方格可看共同词，点击在正文中打开该区级条目。
              </p>
            </>
          }
          lists={<CoverageLists report={report} municipal={alignment.municipal} confirmed={confirmed} onOpenDistrict={openDistrict} onMarkLocal={onMarkLocal} />}
        />
      )}
    </div>
  )
}

function Figure({ label, value, total, warn = false }: { label: string; value: number; total: number; warn?: boolean }) {
  const share = total ? value / total : 0
  return (
    <div className={`figure${warn ? ' warn' : ''}`}>
      <div className="figure-value">
        {value}
        <span className="figure-total">/{total}</span>
      </div>
      <div className="figure-label">{label}</div>
      <div className="figure-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  )
}
