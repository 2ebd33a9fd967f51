import type { CheckContext, FixField } from './types.ts'

/** One checked text of a plan and where it sits. */
export interface PlanText {
  text: string
  field: FixField
  itemId?: string
  number?: number
}

/** The texts a plan prints that checks read: its title, then each item's lead sentence and body. */
export function planTexts(ctx: CheckContext): PlanText[] {
  const out: PlanText[] = [{ text: ctx.plan.title, field: 'planTitle' }]
  for (const { item, number } of ctx.places) {
    out.push({ text: item.title, field: 'title', itemId: item.id, number })
    out.push({ text: item.body, field: 'body', itemId: item.id, number })
  }
  return out
}
