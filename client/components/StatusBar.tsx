import type { PlanOverview } from '../hooks/useOutline.ts'

/** The line under the page: item count and characters (字数), plus any page-specific note. */
export function StatusBar({ overview, note }: { overview: PlanOverview; note?: string }) {
  return (
    <footer className="status-bar">
      <span data-testid="item-count">共 {overview.items} 条</span>
      <span className="status-sep" aria-hidden="true" />
      <span data-testid="char-count">字数 {overview.chars.toLocaleString('zh-CN')}</span>
      {note && (
        <>
          <span className="status-sep" aria-hidden="true" />
          <span className="muted">{note}</span>
        </>
      )}
    </footer>
  )
}
