import { bigramProfile, profileSimilarity, similarityBound, type BigramProfile } from '../text/similarity.ts'
import { itemText } from '../plan/itemText.ts'
import { itemPlaces } from '../plan/numbering.ts'
import type { PlanItem } from '../plan/types.ts'
import { compareTargets } from '../targets/compareTargets.ts'
import { formatTarget } from '../targets/formatTarget.ts'
import { itemTargets } from './itemTargets.ts'
import { TextCache } from './textCache.ts'
import type { Check, Finding } from './types.ts'

/** Lowest wording similarity at which an item without a shared id is taken for last year's item. */
const SAME_ITEM = 0.35

/**
 * Targets lower than in the prior-year plan: 确保50%以上幼儿园开设托班 last year, 40%以上 now. Items are
 * matched by id (carry-forward keeps ids), else by wording. The fix puts last year's figure back.
 */
export const lowerTarget: Check = {
  kinds: ['lower-target'],
  label: '指标低于上年',
  run(ctx) {
    if (!ctx.prior) return []
    const prior = itemPlaces(ctx.prior).map((p) => ({ item: p.item, profile: profileOf(p.item) }))
    const byId = new Map(prior.map((p) => [p.item.id, p.item]))
    const findings: Finding[] = []
    for (const { item, number } of ctx.places) {
      const now = itemTargets(item.body)
      if (!now.length) continue
      const old = byId.get(item.id) ?? mostAlike(item, prior)
      if (!old) continue
      for (const change of compareTargets(itemTargets(old.body), now)) {
        if (!change.weaker || !change.old || !change.new || change.kind === 'removed') continue
        findings.push({
          kind: 'lower-target',
          itemId: item.id,
          number,
          severity: 'warning',
          message: `第${number}条的指标低于上年：${change.description}`,
          fix: { label: `恢复为${formatTarget(change.old)}`, itemId: item.id, field: 'body', index: change.new.index, remove: change.new.text, insert: change.old.text },
        })
      }
    }
    return findings
  },
}

/**
 * Last year's item worded most like this one, if any is alike enough. Checks run on every pause in
 * typing: profiles are remembered by text and pairs that cannot reach the best score are skipped.
 */
function mostAlike(item: PlanItem, prior: { item: PlanItem; profile: BigramProfile }[]): PlanItem | undefined {
  const own = profileOf(item)
  let best: PlanItem | undefined
  let bestScore = SAME_ITEM
  for (const p of prior) {
    if (similarityBound(own, p.profile) < bestScore) continue
    const s = profileSimilarity(own, p.profile)
    if (s >= bestScore) {
      best = p.item
      bestScore = s
    }
  }
  return best
}

const profiles = new TextCache<BigramProfile>(2000)

function profileOf(item: PlanItem): BigramProfile {
  return profiles.get(itemText(item), (t) => bigramProfile(t))
}
