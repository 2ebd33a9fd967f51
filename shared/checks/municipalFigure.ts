import { itemPlaces } from '../plan/numbering.ts'
import { changeOf, SAME_SUBJECT } from '../targets/compareTargets.ts'
import { formatTarget } from '../targets/formatTarget.ts'
import { subjectSimilarity } from '../targets/subjectSimilarity.ts'
import type { Target } from '../targets/types.ts'
import { itemTargets } from './itemTargets.ts'
import type { Check, Finding } from './types.ts'

/**
 * Municipal tasks with a figure that the district plan states with a weaker one: the municipal plan
 * asks every 科学育儿指导站 for 不少于12次 guidance sessions, the district draft promises 不少于6次.
 */
export const municipalFigure: Check = {
  kinds: ['municipal-figure'],
  label: '与市级指标不一致',
  run(ctx) {
    if (!ctx.municipal) return []
    // Targets only ever match within a unit (7所 never measures what 7个 does), so group by unit first.
    const byUnit = new Map<string, { t: Target; number: number }[]>()
    for (const { item, number } of itemPlaces(ctx.municipal)) {
      for (const t of itemTargets(item.body)) {
        const list = byUnit.get(t.unit)
        if (list) list.push({ t, number })
        else byUnit.set(t.unit, [{ t, number }])
      }
    }
    if (!byUnit.size) return []
    const findings: Finding[] = []
    for (const { item, number } of ctx.places) {
      for (const t of itemTargets(item.body)) {
        let best: { m: { t: Target; number: number }; sim: number } | undefined
        for (const m of byUnit.get(t.unit) ?? []) {
          const sim = subjectSimilarity(m.t, t)
          if (sim >= SAME_SUBJECT && (!best || sim > best.sim)) best = { m, sim }
        }
        if (!best) continue
        const change = changeOf(best.m.t, t)
        if (!change.weaker) continue
        findings.push({
          kind: 'municipal-figure',
          itemId: item.id,
          number,
          severity: 'warning',
          message: `第${number}条“${t.subject}${formatTarget(t)}”低于市级第${best.m.number}条的要求“${best.m.t.subject}${formatTarget(best.m.t)}”`,
        })
      }
    }
    return findings
  },
}
