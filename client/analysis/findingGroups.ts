import { CHECKS } from '../../shared/checks/runChecks.ts'
import type { CheckKind, Finding, Severity } from '../../shared/checks/types.ts'

/** How a severity is named in the panel. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' }

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** One kind of finding with how many there are and the worst severity among them. */
export interface KindCount {
  kind: CheckKind
  label: string
  count: number
  severity: Severity
}

/** Finding counts by kind, in the order the checks are listed, kinds with none left out. */
export function kindCounts(findings: Finding[]): KindCount[] {
  const out: KindCount[] = []
  for (const check of CHECKS) {
    for (const kind of check.kinds) {
      const own = findings.filter((f) => f.kind === kind)
      if (!own.length) continue
      const severity = own.reduce<Severity>((worst, f) => (RANK[f.severity] < RANK[worst] ? f.severity : worst), 'info')
      out.push({ kind, label: check.kinds.length > 1 ? kindName(kind, check.label) : check.label, count: own.length, severity })
    }
  }
  return out
}

/** Findings counted per severity. */
export function severityCounts(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

/** A stable key for a finding (React lists, remembering a refused fix). */
export function findingKey(f: Finding): string {
  return `${f.kind}|${f.itemId ?? ''}|${f.fix ? `${f.fix.field}@${f.fix.index}` : ''}|${f.message}`
}

// A check that reports two kinds has one label for both; the panel names each kind on its own.
const KIND_NAMES: Partial<Record<CheckKind, string>> = { 'empty-item': '空条目', 'one-sentence': '只有一句' }

function kindName(kind: CheckKind, fallback: string): string {
  return KIND_NAMES[kind] ?? fallback
}

/** The short tag naming where a finding is: 第3条, 标题, 前言, 印发通知, 落款. */
export function findingPlace(f: Finding): string {
  if (f.number !== undefined) return `第${f.number}条`
  if (f.field === 'preamble') return '前言'
  if (f.field === 'notice') return '印发通知'
  if (f.field === 'closing') return '落款'
  return '标题'
}

/**
 * A finding's sentence without the place it starts with (第3条的… / 计划标题… / 前言第2段…), which
 * the panel shows as a tag beside it.
 */
export function findingText(f: Finding): string {
  const rest = f.message.replace(/^(?:第\d+条|计划标题|前言第\d+段)(?:的|中的)?/, '')
  return rest && rest !== f.message ? rest : f.message
}
