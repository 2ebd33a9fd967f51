import type { Alignment } from '../../shared/align/alignPlans.ts'
import type { CoverageReport } from '../../shared/align/coverage.ts'
import { LOCAL, type Link } from '../../shared/collab/links.ts'
import { shortTitle } from './shortTitle.ts'

/** How a cell is drawn: a confirmed link, a rejected suggestion, a strong suggestion, or just a score. */
export type CellState = 'accepted' | 'rejected' | 'strong' | 'weak'

/** One municipal × district pair. */
export interface HeatCell {
  /** Municipal item (row) and district item (column), in document order. */
  row: number
  col: number
  score: number
  state: CellState
}

/** A row or column label: the item's number and the start of its lead sentence. */
export interface AxisLabel {
  id: string
  number: number
  title: string
  short: string
}

/** What the coverage heat-map draws: municipal items down, district items across. */
export interface HeatmapModel {
  rows: (AxisLabel & { covered: boolean })[]
  cols: (AxisLabel & { local: boolean; unlinked: boolean })[]
  /** Every pair, row by row. */
  cells: HeatCell[]
  threshold: number
}

/** The heat-map of an alignment with the people's decisions on it. */
export function heatmapModel(alignment: Alignment, links: Link[], report: CoverageReport | null): HeatmapModel {
  const decided = new Map(links.map((l) => [`${l.districtItemId} ${l.municipalItemId}`, l.status]))
  const uncovered = new Set(report?.uncovered.map((u) => u.id) ?? [])
  const unlinked = new Set(report?.unlinked.map((u) => u.id) ?? [])
  const local = new Set(links.filter((l) => l.municipalItemId === LOCAL && l.status === 'accepted').map((l) => l.districtItemId))
  const rows = alignment.index.municipal.map((m) => ({ id: m.id, number: m.number, title: m.title, short: shortTitle(m.title, 12), covered: !uncovered.has(m.id) }))
  const cols = alignment.index.district.map((d) => ({ id: d.id, number: d.number, title: d.title, short: shortTitle(d.title, 8), local: local.has(d.id), unlinked: unlinked.has(d.id) }))
  const cells: HeatCell[] = []
  rows.forEach((m, row) => {
    cols.forEach((d, col) => {
      const score = alignment.scores[col][row]
      const status = decided.get(`${d.id} ${m.id}`)
      const state: CellState = status ?? (score >= alignment.threshold ? 'strong' : 'weak')
      cells.push({ row, col, score, state })
    })
  })
  return { rows, cols, cells, threshold: alignment.threshold }
}

/** Score at which the colour scale is darkest; the seeds' best pairs score about 0.33. */
export const SCALE_MAX = 0.3

// Light grey-blue to the bureau's deep blue, through a clear mid blue.
const STOPS: [number, [number, number, number]][] = [
  [0, [246, 248, 251]],
  [0.35, [198, 216, 238]],
  [0.65, [104, 150, 208]],
  [1, [27, 68, 128]],
]

/**
 * The fill of a cell for a score, 0 → near white, SCALE_MAX and above → deep blue. The square root
 * spreads the many low scores apart; the threshold lands near the middle of the scale.
 */
export function scoreColor(score: number): string {
  const t = Math.sqrt(Math.max(0, Math.min(1, score / SCALE_MAX)))
  let i = 1
  while (i < STOPS.length - 1 && STOPS[i][0] < t) i++
  const [t0, c0] = STOPS[i - 1]
  const [t1, c1] = STOPS[i]
  const k = (t - t0) / (t1 - t0)
  const [r, g, b] = c0.map((v, j) => Math.round(v + (c1[j] - v) * k))
  return `rgb(${r}, ${g}, ${b})`
}

/** True when text drawn on a cell of this score must be white to be read. */
export function darkCell(score: number): boolean {
  return Math.sqrt(Math.max(0, Math.min(1, score / SCALE_MAX))) > 0.6
}
