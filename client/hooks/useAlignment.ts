import { useMemo } from 'react'
import { alignPlans, type Alignment } from '../../shared/align/alignPlans.ts'
import { coverageReport, type CoverageReport } from '../../shared/align/coverage.ts'
import type { Link } from '../../shared/collab/links.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { measured } from '../analysis/measured.ts'

/** Suggestions kept per district item in the panels (the CLI keeps 3). */
export const PANEL_CANDIDATES = 5

/** The alignment of the live draft with the municipal plan, the coverage it gives, and what each cost. */
export interface AlignmentResult {
  alignment: Alignment
  report: CoverageReport
  alignMs: number
  coverageMs: number
}

/**
 * Aligns the live plan with the municipal plan (again only when the text changes) and reports
 * coverage with the people's decisions (again whenever a link changes). Null until the municipal plan is loaded.
 */
export function useAlignment(plan: Plan, municipal: Plan | null, links: Link[]): AlignmentResult | null {
  const aligned = useMemo(() => (municipal ? measured('plan-studio:align', () => alignPlans(plan, municipal, { topK: PANEL_CANDIDATES })) : null), [plan, municipal])
  return useMemo(() => {
    if (!aligned) return null
    const coverage = measured('plan-studio:coverage', () => coverageReport(aligned.value, links))
    return { alignment: aligned.value, report: coverage.value, alignMs: aligned.ms, coverageMs: coverage.ms }
  }, [aligned, links])
}
