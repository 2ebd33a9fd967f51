import type { ReviewModel } from '../../review/reviewModel.ts'
import { KindChip } from './ChangeTag.tsx'

/** Scrolls an entry of the page into view and flashes it. */
export function revealChange(key: string): void {
  const el = document.getElementById(`rv-${key}`)
  if (!el) return
  // A long entry is brought in from its top (below the sticky header), a short one to the middle.
  const fits = el.getBoundingClientRect().height < window.innerHeight * 0.6
  el.scrollIntoView({ block: fits ? 'center' : 'start', behavior: 'smooth' })
  el.classList.remove('rv-flash')
  // Restart the animation even when the same entry is picked twice.
  void el.offsetWidth
  el.classList.add('rv-flash')
  el.addEventListener('animationend', () => el.classList.remove('rv-flash'), { once: true })
}

/** 修改一览: every change in document order and every changed target; a click brings it into view. */
export function ChangeList({ model }: { model: ReviewModel }) {
  return (
    <nav className="outline change-list" aria-label="修改一览" data-testid="change-list">
      <div className="outline-head">修改一览 · {model.changes.length}</div>
      {model.changes.length === 0 && <p className="change-empty">没有修改。</p>}
      <ul className="outline-list">
        {model.changes.map((c) => (
          <li key={c.key}>
            <button className="change-line" onClick={() => revealChange(c.key)} title={`${c.place} ${c.text}`}>
              <KindChip kind={c.kind} label={c.chip} />
              <span className="change-place">{c.place}</span>
              <span className="change-text">{c.text}</span>
            </button>
          </li>
        ))}
      </ul>
      {model.targets.length > 0 && (
        <>
          <div className="outline-head change-targets-head">指标变化 · {model.targets.length}</div>
          <ul className="outline-list">
            {model.targets.map((t, i) => (
              <li key={i}>
                <button className={`target-line${t.weaker ? ' weaker' : ''}`} onClick={() => revealChange(t.key)} title={t.weaker ? '新的指标要求低于原文' : undefined}>
                  <span className="change-place">{t.place}</span>
                  <span className="target-text">{t.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  )
}
