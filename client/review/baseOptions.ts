import type { ReviewBaseParam, ReviewBasesResponse } from '../../shared/api/review.ts'
import type { VisitInfo } from '../../shared/api/visits.ts'
import { formatTime } from '../components/labels.ts'

/** One entry of the base picker. `value` is what the page's address carries: prior, visit or version:<id>. */
export interface BaseOption {
  value: string
  group: 'prior' | 'version' | 'visit'
  label: string
  disabled: boolean
}

/**
 * The bases offered for a document: its prior-year plan (greyed out, saying why, when it has none
 * or the user may not read it), each named version newest first, and the user's last visit.
 */
export function baseOptions(bases: ReviewBasesResponse, visit: VisitInfo | null): BaseOption[] {
  const prior = bases.prior
  const out: BaseOption[] = [
    {
      value: 'prior',
      group: 'prior',
      label: !prior ? '上年计划（未关联）' : prior.readable ? `上年计划《${prior.title ?? ''}》` : '上年计划（您没有查看权限）',
      disabled: !prior?.readable,
    },
  ]
  for (const v of [...bases.versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    out.push({ value: `version:${v.id}`, group: 'version', label: `版本“${v.name}”（${formatTime(v.createdAt)}，${v.createdBy.name}）`, disabled: false })
  }
  out.push({ value: 'visit', group: 'visit', label: visit ? `自上次访问以来（${formatTime(visit.at)}）` : '自上次访问以来（暂无访问记录）', disabled: !visit })
  return out
}

/** The base shown first: the prior-year plan, else the last visit, else the newest version, else the prior plan's explanation. */
export function defaultBase(options: BaseOption[]): string {
  const usable = (group: BaseOption['group']): BaseOption | undefined => options.find((o) => o.group === group && !o.disabled)
  return (usable('prior') ?? usable('visit') ?? usable('version') ?? options[0]).value
}

/**
 * The base to ask the server for: the page's choice, with "since my last visit" pinned to the
 * visit this tab remembered (see visitMemory) when it knows one.
 */
export function requestBase(value: string, visit: VisitInfo | null): ReviewBaseParam | null {
  if (value === 'prior') return { kind: 'prior' }
  if (value === 'visit') return visit ? { kind: 'visit', seq: visit.seq } : { kind: 'visit' }
  const m = /^version:([a-z0-9]{1,64})$/.exec(value)
  return m ? { kind: 'version', versionId: m[1] } : null
}
