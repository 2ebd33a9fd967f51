import { extractTargets } from '../targets/extractTargets.ts'
import type { Target } from '../targets/types.ts'

const MAX_CACHED = 4000
const cache = new Map<string, Target[]>()

/**
 * The targets of an item body, remembered by text: checks run on every edit while only one item
 * changes, so the others are not parsed again. The cache is bounded and simply emptied when full.
 */
export function itemTargets(text: string): Target[] {
  const hit = cache.get(text)
  if (hit) return hit
  if (cache.size >= MAX_CACHED) cache.clear()
  const targets = extractTargets(text)
  cache.set(text, targets)
  return targets
}

/** Forgets every remembered result (benches use it to time a cold run). */
export function clearItemTargets(): void {
  cache.clear()
}
