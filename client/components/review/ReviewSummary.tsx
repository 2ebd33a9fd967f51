import { ITEM_KIND_LABELS } from '../../../shared/diff/describeChange.ts'
import type { ItemChangeKind } from '../../../shared/diff/types.ts'
import type { ReviewModel } from '../../review/reviewModel.ts'

/** The kinds the summary always counts; merged and split join them when there are any. */
const MAIN_KINDS: ItemChangeKind[] = ['reworded', 'added', 'removed', 'moved']

/**
 * The summary bar: how many entries changed, by kind (each count filters the page to that kind),
 * section changes, and target changes with the first of them spelt out.
 */
export function ReviewSummary({ model, kind, onKind }: { model: ReviewModel; kind: ItemChangeKind | null; onKind: (kind: ItemChangeKind | null) => void }) {
  const s = model.summary
  const kinds = [...MAIN_KINDS, ...(['merged', 'split'] as const).filter((k) => s[k] > 0)]
  const sectionParts = [s.sectionsRenamed && `标题修改 ${s.sectionsRenamed}`, s.sectionsAdded && `新增 ${s.sectionsAdded}`, s.sectionsRemoved && `删除 ${s.sectionsRemoved}`].filter(Boolean)
  const targets = model.targets
  return (
    <div className="review-summary" data-testid="review-summary">
      {s.changed || sectionParts.length || model.title.changed || model.preamble.changed ? (
        <div className="rs-total" data-testid="stat-changed">
          <b>{s.changed}</b>
          <span>条目有变化</span>
        </div>
      ) : (
        <div className="rs-total" data-testid="stat-none">
          两份文本没有差别
        </div>
      )}
      <div className="rs-stats" role="group" aria-label="按修改类型筛选">
        {kinds.map((k) => (
          <button
            key={k}
            className="rs-stat"
            data-kind={k}
            data-testid={`stat-${k}`}
            aria-pressed={kind === k}
            disabled={s[k] === 0}
            title={kind === k ? '显示全部' : `只看“${ITEM_KIND_LABELS[k]}”的条目`}
            onClick={() => onKind(kind === k ? null : k)}
          >
            <span className="rs-dot" aria-hidden="true" />
            {ITEM_KIND_LABELS[k]}
            <b>{s[k]}</b>
          </button>
        ))}
      </div>
      {sectionParts.length > 0 && (
        <div className="rs-group" data-testid="stat-sections">
          <span className="rs-group-label">部分</span>
          {sectionParts.join(' · ')}
        </div>
      )}
      {targets.length > 0 && (
        <div className="rs-group rs-targets" data-testid="stat-targets" title={targets.map((t) => `${t.place}：${t.description}`).join('\n')}>
          <span className="rs-group-label">指标</span>
          <b>{targets.length}</b>
          <span className="rs-target-first">
            {targets[0].description}
            {targets.length > 1 ? ' 等' : ''}
          </span>
        </div>
      )}
      <div className="rs-size">
        原 {s.oldItems} 条 → 现 {s.newItems} 条
      </div>
    </div>
  )
}
