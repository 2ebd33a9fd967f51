import { useRef, useState, type CSSProperties } from 'react'
import { darkCell, scoreColor, type HeatCell, type HeatmapModel } from '../analysis/heatmapModel.ts'

/** Geometry of the full picture; the thumbnail leaves the labels out. */
const CELL = 22
const GAP = 2
const LEFT = 184
const TOP = 104
const MARK = 16

const STATE_LABEL = { accepted: '已采纳', rejected: '不采纳', strong: '建议对应', weak: '' } as const

/**
 * The coverage heat-map: municipal items down, district items across, each cell coloured by score;
 * confirmed links framed in red, rejected ones dimmed and struck, strong suggestions dotted. Hover
 * shows the pair and the shared terms; a click opens the district item in the editor.
 */
export function CoverageHeatmap({
  model,
  compact = false,
  termsOf,
  onPick,
}: {
  model: HeatmapModel
  compact?: boolean
  /** The shared terms of a pair, computed when hovered. */
  termsOf?: (cell: HeatCell) => string[]
  onPick: (districtId: string) => void
}) {
  const [hovered, setHovered] = useState<{ cell: HeatCell; at: CSSProperties } | null>(null)
  const box = useRef<HTMLDivElement>(null)
  const hover = hovered?.cell ?? null
  // The picture scales to its box, so the tooltip is placed from the cell's on-screen rectangle.
  const enter = (cell: HeatCell, target: Element): void => {
    const outer = box.current?.getBoundingClientRect()
    const r = target.getBoundingClientRect()
    if (!outer) return setHovered({ cell, at: {} })
    const left = Math.max(0, Math.min(r.right - outer.left + 8, outer.width - 276))
    const below = cell.row < model.rows.length * 0.55
    setHovered({ cell, at: below ? { left, top: r.bottom - outer.top + 6 } : { left, bottom: outer.bottom - r.top + 6 } })
  }
  const left = compact ? 22 : LEFT
  const top = compact ? 4 : TOP
  const cols = model.cols.length
  const rows = model.rows.length
  // Room on the right for the last column labels, which lean that way.
  const width = left + cols * (CELL + GAP) + (compact ? 4 : MARK + 56)
  const height = top + rows * (CELL + GAP) + (compact ? 4 : MARK + 8)
  const x = (col: number): number => left + col * (CELL + GAP)
  const y = (row: number): number => top + row * (CELL + GAP)
  const tip = hover && !compact ? tooltip(model, hover, termsOf) : null
  return (
    <div className={`heatmap${compact ? ' compact' : ''}`} data-testid={compact ? 'heatmap-thumb' : 'heatmap'} onMouseLeave={() => setHovered(null)} ref={box}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={compact ? undefined : { maxWidth: width }} role="img" aria-label={`覆盖热力图：${rows}条市级要点 × ${cols}条区级条目`}>
        {hover && (
          <g className="crosshair" aria-hidden="true">
            <rect x={left - 2} y={y(hover.row) - 1} width={cols * (CELL + GAP) + 2} height={CELL + 2} />
            <rect x={x(hover.col) - 1} y={top - 2} width={CELL + 2} height={rows * (CELL + GAP) + 2} />
          </g>
        )}
        {!compact && (
          <g className="axis-title" aria-hidden="true">
            <text x={left - 8} y={top - 30} textAnchor="end">
              区级条目 →
            </text>
            <text x={left - 8} y={top - 12} textAnchor="end">
              市级要点 ↓
            </text>
          </g>
        )}
        {!compact &&
          model.rows.map((r, i) => (
            <text key={r.id} className={`row-label${r.covered ? '' : ' uncovered'}${hover?.row === i ? ' hot' : ''}`} x={left - 8} y={y(i) + CELL / 2} textAnchor="end" dominantBaseline="central">
              <tspan className="axis-num">市{r.number}</tspan> {r.short}
            </text>
          ))}
        {!compact &&
          model.cols.map((c, j) => (
            <text
              key={c.id}
              className={`col-label${c.unlinked ? ' unlinked' : ''}${c.local ? ' local' : ''}${hover?.col === j ? ' hot' : ''}`}
              transform={`translate(${x(j) + CELL / 2 + 4} ${top - 8}) rotate(-60)`}
            >
              <tspan className="axis-num">{c.number}</tspan> {c.short}
            </text>
          ))}
        {compact &&
          model.rows.map((r, i) => (
            <text key={r.id} className="thumb-num" x={left - 4} y={y(i) + CELL / 2} textAnchor="end" dominantBaseline="central">
              {r.number}
            </text>
          ))}
        {model.cells.map((cell) => {
          const cx = x(cell.col)
          const cy = y(cell.row)
          return (
            <g key={`${cell.row}-${cell.col}`} className={`cell ${cell.state}`} data-state={cell.state} onMouseEnter={(e) => enter(cell, e.currentTarget)} onClick={() => onPick(model.cols[cell.col].id)}>
              <rect x={cx} y={cy} width={CELL} height={CELL} rx={3} fill={scoreColor(cell.score)} />
              {cell.state === 'strong' && <circle cx={cx + CELL / 2} cy={cy + CELL / 2} r={2.6} className={darkCell(cell.score) ? 'dot light' : 'dot'} />}
              {cell.state === 'accepted' && (
                <>
                  <rect x={cx + 1} y={cy + 1} width={CELL - 2} height={CELL - 2} rx={3} className="accepted-frame" />
                  <path d={`M${cx + 6} ${cy + 11.5} l3.5 3.5 l6.5 -7`} className="accepted-tick" />
                </>
              )}
              {cell.state === 'rejected' && <path d={`M${cx + 5} ${cy + CELL - 5} L${cx + CELL - 5} ${cy + 5}`} className="rejected-strike" />}
            </g>
          )
        })}
        {!compact &&
          model.rows.map((r, i) => (
            <circle key={r.id} cx={x(cols) + 4 + MARK / 2} cy={y(i) + CELL / 2} r={5} className={r.covered ? 'row-mark covered' : 'row-mark uncovered'}>
              <title>{r.covered ? '已覆盖' : '未覆盖'}</title>
            </circle>
          ))}
        {!compact &&
          model.cols.map((c, j) => (
            <circle key={c.id} cx={x(j) + CELL / 2} cy={y(rows) + 4 + MARK / 2} r={5} className={`col-mark ${c.local ? 'local' : c.unlinked ? 'unlinked' : 'linked'}`}>
              <title>{c.local ? '本区特色' : c.unlinked ? '无对应' : '有对应'}</title>
            </circle>
          ))}
      </svg>
      {tip && (
        <div className="heat-tip" style={hovered?.at} role="tooltip">
          {tip}
        </div>
      )}
    </div>
  )
}

function tooltip(model: HeatmapModel, cell: HeatCell, termsOf: ((cell: HeatCell) => string[]) | undefined) {
  const m = model.rows[cell.row]
  const d = model.cols[cell.col]
  const terms = termsOf?.(cell) ?? []
  return (
    <>
      <div className="tip-pair">
        <b>市级第{m.number}条</b> {m.title}
      </div>
      <div className="tip-pair">
        <b>区级第{d.number}条</b> {d.title}
      </div>
      <div className="tip-score">
        相似度 {cell.score.toFixed(2)}
        {STATE_LABEL[cell.state] && <span className={`tip-state ${cell.state}`}>{STATE_LABEL[cell.state]}</span>}
      </div>
      {terms.length > 0 && <div className="tip-terms">共同词：{terms.join('、')}</div>}
      <div className="tip-hint">点击在正文中打开区级第{d.number}条</div>
    </>
  )
}
