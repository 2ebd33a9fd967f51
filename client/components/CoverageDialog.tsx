import { useEffect, type ReactNode } from 'react'

/** The large coverage view over the editor: figures and legend, the heat-map, and the lists beside it. Esc closes it. */
export function CoverageDialog({ title, figures, heatmap, lists, onClose }: { title: string; figures: ReactNode; heatmap: ReactNode; lists: ReactNode; onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="coverage-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="coverage-sheet" role="dialog" aria-modal="true" aria-label={title} data-testid="coverage-dialog">
        <header className="coverage-sheet-head">
          <h2>{title}</h2>
          <button className="icon-button" onClick={onClose} aria-label="关闭" title="关闭（Esc）">
            ×
          </button>
        </header>
        <div className="coverage-sheet-body">
          <div className="coverage-main">
            <Legend />
            <div className="heatmap-scroll">{heatmap}</div>
          </div>
          <aside className="coverage-side">
            {figures}
            {lists}
          </aside>
        </div>
      </div>
    </div>
  )
}

function Legend() {
  return (
    <div className="heat-legend" aria-label="图例">
      <span className="legend-scale">
        相似度 <i className="ramp" /> 低 → 高
      </span>
      <span>
        <i className="swatch dot" /> 建议对应
      </span>
      <span>
        <i className="swatch accepted" /> 已采纳
      </span>
      <span>
        <i className="swatch rejected" /> 不采纳
      </span>
      <span>
        <i className="swatch mark-uncovered" /> 市级未覆盖
      </span>
      <span>
        <i className="swatch mark-unlinked" /> 区级无对应
      </span>
    </div>
  )
}
