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
  return dice(ga.grams, gb.grams)
}

/**
 * Each target's key and bigrams, computed once: the checks compare every district target with every
 * municipal target of its unit on each run, and targets are cached per item text (itemTargets).
 */
const gramCache = new WeakMap<Target, { key: string; grams: Map<string, number> }>()

function gramsOf(t: Target): { key: string; grams: Map<string, number> } {
  let hit = gramCache.get(t)
  if (!hit) {
    const k = key(t)
    hit = { key: k, grams: bigrams(k) }
    gramCache.set(t, hit)
  }
  return hit
}

function key(t: Target): string {
  return (t.action ?? '') + t.subject.replace(/[“”‘’《》「」]/g, '')
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>()
  const chars = Array.from(s)
  if (chars.length === 1) out.set(chars[0], 1)
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1]
    out.set(g, (out.get(g) ?? 0) + 1)
  }
  return out
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0
  let total = 0
  for (const [g, n] of a) {
    common += Math.min(n, b.get(g) ?? 0)
    total += n
  }
  for (const n of b.values()) total += n
  return total ? (2 * common) / total : 0
}
