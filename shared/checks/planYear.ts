import type { CheckContext } from './types.ts'

/** The year a plan is for: the option, then plan.meta.year, then the first year in the title (2025年…工作要点). */
export function planYear(ctx: Pick<CheckContext, 'plan' | 'year'>): number | undefined {
  if (ctx.year !== undefined) return ctx.year
  if (ctx.plan.meta.year !== undefined) return ctx.plan.meta.year
  const m = /((?:19|20)\d{2})\s*年/.exec(ctx.plan.title)
  return m ? Number(m[1]) : undefined
}
