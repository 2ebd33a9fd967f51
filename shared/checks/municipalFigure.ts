import { itemPlaces } from '../plan/numbering.ts'
import { changeOf, SAME_SUBJECT } from '../targets/compareTargets.ts'
import { formatTarget } from '../targets/formatTarget.ts'
import { subjectSimilarity } from '../targets/subjectSimilarity.ts'
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
    const required = itemPlaces(ctx.municipal).flatMap(({ item, number }) => itemTargets(item.body).map((t) => ({ t, number })))
    if (!required.length) return []
    const findings: Finding[] = []
    for (const { item, number } of ctx.places) {
      for (const t of itemTargets(item.body)) {
        let best: { m: (typeof required)[number]; sim: number } | undefined
        for (const m of required) {
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
