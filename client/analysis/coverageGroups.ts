import type { CoverageReport, TaskCoverage } from '../../shared/align/coverage.ts'

/** The tasks of one municipal item that the draft does not carry out. */
export interface TaskGroup {
  municipalId: string
  number: number
  title: string
  /** How many tasks the municipal item has. */
  total: number
  /** Tasks not done (已落实): partly related (部分相关) first shown with their evidence, then 未覆盖. */
  uncovered: TaskCoverage[]
}

/** Uncovered municipal tasks grouped by their item, in the municipal plan's order. */
export function uncoveredTaskGroups(report: CoverageReport, municipal: { id: string; number: number; title: string }[]): TaskGroup[] {
  return municipal.flatMap((m) => {
    const tasks = report.tasks.filter((t) => t.municipalId === m.id)
    const uncovered = tasks.filter((t) => !t.covered)
    return uncovered.length ? [{ municipalId: m.id, number: m.number, title: m.title, total: tasks.length, uncovered }] : []
  })
}

/** The headline figures of a coverage report. */
export interface CoverageSummary {
  municipalTotal: number
  municipalCovered: number
  tasksTotal: number
  tasksCovered: number
  /** Tasks the draft touches without carrying them out (部分相关). */
  tasksPartial: number
  districtTotal: number
  /** District items with neither a link nor a local mark. */
  unlinked: number
  local: number
  suspect: number
}

/** Counts for the top of the coverage view. */
export function coverageSummary(report: CoverageReport, municipalTotal: number, districtTotal: number): CoverageSummary {
  return {
    municipalTotal,
    municipalCovered: municipalTotal - report.uncovered.length,
    tasksTotal: report.tasks.length,
    tasksCovered: report.tasks.filter((t) => t.covered).length,
    tasksPartial: report.tasks.filter((t) => t.verdict === 'partial').length,
    districtTotal,
    unlinked: report.unlinked.length,
    local: report.local.length,
    suspect: report.suspect.length,
  }
}
