import type { CheckContext, FixField, TextSpot } from './types.ts'

/** One checked text of a plan and where it sits. */
export interface PlanText {
  text: string
  field: FixField
  itemId?: string
  number?: number
  /** Index of a preamble paragraph. */
  paragraph?: number
}

/** The texts a plan prints that checks read: its title, the preamble's paragraphs, then each item's lead sentence and body. */
export function planTexts(ctx: CheckContext): PlanText[] {
  const out: PlanText[] = [{ text: ctx.plan.title, field: 'planTitle' }]
  ctx.plan.preamble.forEach((text, paragraph) => out.push({ text, field: 'preamble', paragraph }))
  for (const { item, number } of ctx.places) {
    out.push({ text: item.title, field: 'title', itemId: item.id, number })
    out.push({ text: item.body, field: 'body', itemId: item.id, number })
  }
  return out
}

/** What a finding says about where a text is: the item, or the plan title or preamble paragraph. */
export function textPlace(t: PlanText): { itemId?: string; number?: number; field?: 'planTitle' | 'preamble'; paragraph?: number } {
  if (t.itemId) return { itemId: t.itemId, ...(t.number !== undefined ? { number: t.number } : {}) }
  return t.field === 'preamble' ? { field: 'preamble', paragraph: t.paragraph ?? 0 } : { field: 'planTitle' }
}

/** The words `words` at `index` of a text, as a finding's spot. */
export function textSpot(t: PlanText, index: number, words: string): TextSpot {
  return { ...(t.itemId ? { itemId: t.itemId } : {}), field: t.field, ...(t.paragraph !== undefined ? { paragraph: t.paragraph } : {}), index, remove: words }
}

/** How a finding names where a text is: 第3条, 计划标题, 前言第1段. */
export function textWhere(t: PlanText): string {
  if (t.number !== undefined) return `第${t.number}条`
  return t.field === 'preamble' ? `前言第${(t.paragraph ?? 0) + 1}段` : '计划标题'
}
