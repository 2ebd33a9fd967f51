import { bigramProfile, DROP, profileSimilarity, type BigramProfile } from '../text/similarity.ts'
import type { Target } from './types.ts'

/**
 * How alike two targets' subjects are, 0..1: the Dice coefficient of the character bigrams of
 * action + subject (新开办中小幼学校 vs 新开办中小学幼儿园 ≈ 0.53). 0 when the units differ, since 7所 and
 * 7个 never measure the same thing.
 */
export function subjectSimilarity(a: Target, b: Target): number {
  if (a.unit !== b.unit) return 0
  const ga = gramsOf(a)
  const gb = gramsOf(b)
  if (ga.key === gb.key) return 1
  return profileSimilarity(ga.grams, gb.grams)
}

/**
 * Each target's key and bigram profile, computed once: the checks compare every district target with every
 * municipal target of its unit on each run, and targets are cached per item text (itemTargets).
 */
const gramCache = new WeakMap<Target, { key: string; grams: BigramProfile }>()

function gramsOf(t: Target): { key: string; grams: BigramProfile } {
  let hit = gramCache.get(t)
  if (!hit) {
    const k = key(t)
    hit = { key: k, grams: bigramProfile(k, DROP.none) }
    gramCache.set(t, hit)
  }
  return hit
}

function key(t: Target): string {
  return (t.action ?? '') + t.subject.replace(/[“”‘’《》「」]/g, '')
}
