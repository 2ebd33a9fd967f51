import type { CandidateRow } from '../analysis/alignmentView.ts'
import { HighlightedText } from './HighlightedText.tsx'
import { LinkByline } from './LinkByline.tsx'

/** What a candidate card can do; absent actions are not offered (read-only users). */
export interface CandidateActions {
  accept: (row: CandidateRow) => void
  reject: (row: CandidateRow) => void
  undo: (row: CandidateRow) => void
}

/**
 * One municipal item suggested for the district item: score, the shared terms, both texts with those
 * terms marked (when open), and the decision buttons.
 */
export function CandidateCard({
  row,
  district,
  open,
  onToggle,
  actions,
}: {
  row: CandidateRow
  district: { number: number; title: string; body: string }
  open: boolean
  onToggle: () => void
  actions: CandidateActions | null
}) {
  return (
    <li className={`cand-card decision-${row.decision}${row.strong ? ' strong' : ''}`} data-municipal={row.number} data-testid="candidate">
      <button className="cand-top" onClick={onToggle} aria-expanded={open} title={open ? '收起原文' : '展开原文对照'}>
        <span className="cand-num">市{row.number}</span>
        <span className="cand-title">{row.title || '（未填写）'}</span>
        <span className={`cand-caret${open ? ' open' : ''}`} aria-hidden="true">
          ›
        </span>
      </button>
      <div className="cand-score">
        <span className="score-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (row.score / 0.3) * 100)}%` }} />
        </span>
        <span className="score-value">{row.score.toFixed(2)}</span>
        <span className={`score-word${row.strong ? ' strong' : ''}`}>{row.strong ? '较强关联' : '较弱关联'}</span>
      </div>
      {row.terms.length > 0 ? (
        <div className="term-chips">
          {row.terms.map((t) => (
            <span key={t} className="term-chip">
              {t}
            </span>
          ))}
        </div>
      ) : (
        <div className="term-chips none">没有共同的关键词</div>
      )}
      {row.suspect && (
        <p className="suspect-note" role="note">
          {row.suspect.message}
        </p>
      )}
      <div className="cand-actions">
        {row.decision === 'open' ? (
          actions && (
            <>
              <button className="button small primary" onClick={() => actions.accept(row)} data-testid="accept">
                采纳
              </button>
              <button className="button small" onClick={() => actions.reject(row)} data-testid="reject">
                不采纳
              </button>
            </>
          )
        ) : (
          <>
            <span className={`decision-badge ${row.decision}`}>{row.decision === 'accepted' ? '已采纳' : '未采纳'}</span>
            {row.link && <LinkByline link={row.link} />}
            {actions && (
              <span className="cand-undo">
                {row.suspect && (
                  <button className="link-button" onClick={() => actions.accept(row)} data-testid="reconfirm">
                    重新确认
                  </button>
                )}
                <button className="link-button" onClick={() => actions.undo(row)} data-testid="undo-decision">
                  撤销
                </button>
              </span>
            )}
          </>
        )}
      </div>
      {open && (
        <div className="cand-texts">
          <div className="cand-text-label">本区第{district.number}条</div>
          <HighlightedText text={`${district.title}\n${district.body}`} terms={row.terms} className="district-text" />
          <div className="cand-text-label">市级第{row.number}条</div>
          <HighlightedText text={`${row.title}\n${row.body}`} terms={row.terms} className="municipal-text" />
        </div>
      )}
    </li>
  )
}
