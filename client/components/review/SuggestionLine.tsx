import type { ReviewSuggestion } from '../../../shared/api/review.ts'
import { SUGGESTION_STATUS_LABELS } from '../../review/reviewSide.ts'
import { authorColor, stampTime } from '../suggestions/authorColor.ts'
import { KIND_LABELS } from '../suggestions/suggestionDecorations.ts'

/** A few words of what a part proposes, cut where a line would not follow. */
function words(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text
}

/**
 * One 修订 as the review page shows it, beside its item and in the side list: the author in their
 * colour with 科室 and time, what it proposes (inserted words underlined, deleted ones struck,
 * 新增条目 / 删除条目 / 移动), its status, and for decided ones who decided and why.
 */
export function SuggestionLine({ s, place, onJump }: { s: ReviewSuggestion; place?: string; onJump?: () => void }) {
  const color = authorColor(s.author?.id, s.author?.color)
  return (
    <li className={`rv-suggestion ${s.status}`} style={{ ['--suggest-color' as string]: color }} data-testid="review-suggestion" data-status={s.status}>
      <p className="rv-suggestion-meta">
        <span className="suggestions-dot" aria-hidden="true" />
        <strong>{s.author?.name ?? '作者确认中'}</strong>
        {s.author?.department && <span className="comment-dept">{s.author.department}</span>}
        {s.createdAt && <time dateTime={s.createdAt}>{stampTime(s.createdAt)}</time>}
        <span className={`rv-suggestion-status ${s.status}`}>{SUGGESTION_STATUS_LABELS[s.status]}</span>
        {place &&
          (onJump ? (
            <button type="button" className="link-button rv-suggestion-place" onClick={onJump} title="在对照中查看">
              {place}
            </button>
          ) : (
            <span className="rv-suggestion-place">{place}</span>
          ))}
      </p>
      <p className="rv-suggestion-parts">
        {s.parts.map((p, i) =>
          p.kind === 'insertion' ? (
            <ins key={i} style={{ color, textDecorationColor: color }}>
              {words(p.text)}
            </ins>
          ) : p.kind === 'deletion' ? (
            <del key={i} style={{ color, textDecorationColor: color }}>
              {words(p.text)}
            </del>
          ) : (
            <span key={i} className="rv-suggestion-structural">
              {KIND_LABELS[p.kind]}“{words(p.text)}”
            </span>
          ),
        )}
      </p>
      {s.decision && (
        <p className="rv-suggestion-decision">
          {s.decision.by.name} {stampTime(s.decision.at)} {SUGGESTION_STATUS_LABELS[s.status]}
          {s.decision.reason && <span className="rv-suggestion-reason">理由：{s.decision.reason}</span>}
        </p>
      )}
    </li>
  )
}
