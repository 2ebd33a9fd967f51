import { splitTasks } from '../align/splitTasks.ts'
import type { Check, Finding } from './types.ts'

/** Items with no text at all (error), or with only one sentence and no concrete tasks (warning). */
export const emptyItem: Check = {
  kinds: ['empty-item', 'one-sentence'],
  label: '空条目或只有一句',
  run(ctx) {
    const findings: Finding[] = []
    for (const { item, number } of ctx.places) {
      const title = item.title.trim()
      const body = item.body.trim()
      if (!title && !body) {
        findings.push({ kind: 'empty-item', itemId: item.id, number, severity: 'error', message: `第${number}条是空的，请填写内容或删除` })
        continue
      }
      const sentences = (title ? 1 : 0) + splitTasks(body).length
      if (sentences <= 1) {
        findings.push({ kind: 'one-sentence', itemId: item.id, number, severity: 'warning', message: `第${number}条只有一句话，缺少具体任务和目标` })
      }
    }
    return findings
  },
}
