import { itemPlaces } from '../plan/numbering.ts'
import type { Plan } from '../plan/types.ts'
import { breakdownFields } from './breakdownFields.ts'
import { emptyItem } from './emptyItem.ts'
import { endedPeriod } from './endedPeriod.ts'
import { lowerTarget } from './lowerTarget.ts'
import { missingDate } from './missingDate.ts'
import { missingLead } from './missingLead.ts'
import { placeholderText } from './placeholderText.ts'
import { typedNumber } from './typedNumber.ts'
import { municipalFigure } from './municipalFigure.ts'
import { nearDuplicate } from './nearDuplicate.ts'
import { overLong } from './overLong.ts'
import { repeatedSentence } from './repeatedSentence.ts'
import { staleYear } from './staleYear.ts'
import type { Check, CheckKind, CheckOptions, Finding, Severity } from './types.ts'

/** Every check, in the order the checks panel lists them. */
export const CHECKS: readonly Check[] = [
  staleYear,
  endedPeriod,
  emptyItem,
  missingLead,
  overLong,
  nearDuplicate,
  repeatedSentence,
  lowerTarget,
  municipalFigure,
  missingDate,
  typedNumber,
  placeholderText,
  breakdownFields,
]

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Runs all checks (or the given ones) on a plan; findings sorted by item number, then severity. */
export function runChecks(plan: Plan, options: CheckOptions = {}, checks: readonly Check[] = CHECKS): Finding[] {
  const ctx = { ...options, plan, places: itemPlaces(plan) }
  const findings = checks.flatMap((c) => c.run(ctx))
  return findings.sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
}

export { clearCheckCaches } from './textCache.ts'

/** How many findings of each kind (kinds with none are left out). */
export function countByKind(findings: Finding[]): Partial<Record<CheckKind, number>> {
  const counts: Partial<Record<CheckKind, number>> = {}
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1
  return counts
}

/** The Chinese label of a kind of finding, for the panel and the CLI. */
export function kindLabel(kind: CheckKind): string {
  return CHECKS.find((c) => c.kinds.includes(kind))?.label ?? kind
}
