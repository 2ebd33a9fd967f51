import type { Plan } from '../plan/types.ts'
import type { Check, Finding } from './types.ts'

/** Filler that templates leave for the writer: ×× stand-ins and bracketed writing instructions. */
const PLACEHOLDER = /[×Ｘ]{2,}|[（(](?:写|请填写|请写|填写|此处)[^）)]{0,40}[）)]/

/** Where a text sits, for the message and the jump. */
interface Place {
  text: string
  where: string
  finding: Pick<Finding, 'itemId' | 'number' | 'field' | 'paragraph'>
}

/**
 * Template filler not yet replaced (上海市××区教育局, ××××年×月×日, （写年度背景…）): it prints as it
 * stands, and the other checks see nothing wrong with it (a date line of ×× is not empty).
 */
export const placeholderText: Check = {
  kinds: ['placeholder'],
  label: '模板占位文字',
  run(ctx) {
    const findings: Finding[] = []
    for (const place of places(ctx.plan, ctx.places)) {
      const hit = PLACEHOLDER.exec(place.text)
      if (!hit) continue
      findings.push({ kind: 'placeholder', severity: 'warning', ...place.finding, message: `${place.where}还有模板占位文字“${hit[0].slice(0, 20)}”，请换成实际内容` })
    }
    return findings
  },
}

function places(plan: Plan, items: { item: { id: string; title: string; body: string }; number: number }[]): Place[] {
  const out: Place[] = [{ text: plan.title, where: '标题', finding: { field: 'planTitle' } }]
  const notice = plan.notice
  if (notice) {
    const lines = [notice.title, notice.docNumber, notice.addressee, notice.attachment, notice.issuer, notice.date, ...notice.body]
    out.push({ text: lines.filter(Boolean).join('\n'), where: '印发通知', finding: { field: 'notice' } })
  }
  plan.preamble.forEach((text, paragraph) => out.push({ text, where: `前言第${paragraph + 1}段`, finding: { field: 'preamble', paragraph } }))
  for (const { item, number } of items) out.push({ text: `${item.title}\n${item.body}`, where: `第${number}条`, finding: { itemId: item.id, number } })
  if (plan.closing) out.push({ text: [plan.closing.issuer, plan.closing.date].filter(Boolean).join('\n'), where: '落款', finding: { field: 'closing' } })
  return out
}
