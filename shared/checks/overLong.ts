import { itemText } from '../plan/itemText.ts'
import type { Check, Finding } from './types.ts'

/** Characters (lead sentence and body) above which an item is hard to read; the seeds' longest is under 500. */
export const OVER_LONG_CHARS = 600

/** Items so long that they probably hold two tasks and should be split. */
export const overLong: Check = {
  kinds: ['over-long'],
  label: '条目过长',
  run(ctx) {
    const findings: Finding[] = []
    for (const { item, number } of ctx.places) {
      const length = itemText(item).replace(/\s/g, '').length
      if (length > OVER_LONG_CHARS) {
        findings.push({ kind: 'over-long', itemId: item.id, number, severity: 'info', message: `第${number}条有${length}字，超过${OVER_LONG_CHARS}字，建议拆分为两条` })
      }
    }
    return findings
  },
}
