import type { Check, Finding } from './types.ts'

/**
 * Items whose lead sentence (the item's title, printed in bold) is missing, or does not end in 。 as
 * an official plan's lead sentences do; the latter has an obvious fix.
 */
export const missingLead: Check = {
  kinds: ['missing-lead'],
  label: '缺少主题句',
  run(ctx) {
    const findings: Finding[] = []
    for (const { item, number } of ctx.places) {
      const title = item.title.trim()
      if (!title) {
        if (item.body.trim()) findings.push({ kind: 'missing-lead', itemId: item.id, number, severity: 'warning', message: `第${number}条缺少主题句（条目开头概括任务的一句话）` })
        continue
      }
      if (/[。！？]$/.test(title)) continue
      // The fix replaces the last character too, so that it is refused once the lead sentence has changed.
      const end = item.title.replace(/\s+$/, '').length
      findings.push({
        kind: 'missing-lead',
        itemId: item.id,
        number,
        severity: 'info',
        message: `第${number}条的主题句没有以句号结尾`,
        fix: { label: '补上句号', itemId: item.id, field: 'title', index: end - 1, remove: item.title.slice(end - 1), insert: `${item.title[end - 1]}。` },
      })
    }
    return findings
  },
}
