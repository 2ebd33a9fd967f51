import { extractTargets } from '../targets/extractTargets.ts'
import type { Target } from '../targets/types.ts'
import { TextCache } from './textCache.ts'

const cache = new TextCache<Target[]>(4000)

/**
 * The targets of an item body, remembered by text: checks run on every edit while only one item
 * changes, so the others are not parsed again.
 */
export function itemTargets(text: string): Target[] {
  return cache.get(text, extractTargets)
}
