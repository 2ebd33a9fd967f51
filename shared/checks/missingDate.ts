import type { Check, Finding } from './types.ts'

/**
 * A cover notice or closing without its 成文日期: 结转 clears the dates because the draft has not
 * been issued, so the date must be entered again before the plan goes out.
 */
export const missingDate: Check = {
  kinds: ['missing-date'],
  label: '缺少成文日期',
  run({ plan }) {
    const findings: Finding[] = []
    if (plan.notice && !plan.notice.date?.trim()) findings.push({ kind: 'missing-date', field: 'notice', severity: 'warning', message: '印发通知缺少成文日期，请在发文机关下一行填写（例如2026年3月5日）' })
    if (plan.closing && !plan.closing.date?.trim()) findings.push({ kind: 'missing-date', field: 'closing', severity: 'warning', message: '落款缺少成文日期，请在发文机关下一行填写（例如2026年3月5日）' })
    return findings
  },
}
