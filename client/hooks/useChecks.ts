import { useMemo } from 'react'
import { runChecks } from '../../shared/checks/runChecks.ts'
import type { Finding } from '../../shared/checks/types.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { measured } from '../analysis/measured.ts'
import { useDepartments } from '../components/breakdown/useDepartments.ts'

/** The findings on the current text and how long the run took, in milliseconds. */
export interface ChecksResult {
  findings: Finding[]
  ms: number
}

/** Runs every check on the live plan, with last year's and the municipal plan when they are linked and loaded, and the bureau's 科室 list (names not on it are flagged). */
export function useChecks(plan: Plan, prior: Plan | null, municipal: Plan | null): ChecksResult {
  const departments = useDepartments()
  return useMemo(() => {
    const options = { ...(prior ? { prior } : {}), ...(municipal ? { municipal } : {}), ...(departments.length ? { departments } : {}) }
    const { value, ms } = measured('plan-studio:checks', () => runChecks(plan, options))
    return { findings: value, ms }
  }, [plan, prior, municipal, departments])
}
