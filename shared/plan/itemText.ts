import type { PlanItem } from './types.ts'

/**
 * The text of an item: lead sentence then body (paragraphs joined by "\n"). Printed, the two run on
 * (the default); links snapshot and hash them with "\n" between, and stored hashes depend on that.
 */
export function itemText(item: Pick<PlanItem, 'title' | 'body'>, between = ''): string {
  return item.title + between + item.body
}
