import type { DocRole, DocumentKind } from '../../shared/api/types.ts'

/** How a document kind is named in the UI. */
export const KIND_LABEL: Record<DocumentKind, string> = { draft: '草稿', prior: '上年计划', reference: '市级参考' }

/** How a document role is named in the UI. */
export const ROLE_LABEL: Record<DocRole, string> = { owner: '所有者', editor: '编辑者', reviewer: '审阅人', viewer: '查看者' }

/** Beijing date and time parts of an instant: the bureau works in Beijing time whatever the browser's clock says. */
const PARTS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })

/** Year, month, day, hour and minute of `d` in Beijing time. */
function beijingParts(d: Date): { day: string; y: number; m: number; dd: number; hm: string } {
  const parts = PARTS.formatToParts(d)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  const [y, m, dd] = [Number(get('year')), Number(get('month')), Number(get('day'))]
  const hour = get('hour') === '24' ? '00' : get('hour').padStart(2, '0')
  return { day: `${y}-${m}-${dd}`, y, m, dd, hm: `${hour}:${get('minute').padStart(2, '0')}` }
}

/**
 * A date-time as bureau staff write it, in Beijing time like 批注, 修订 and the exported tables:
 * 2026年11月22日 10:05 (today: 今天 10:05, yesterday: 昨天 10:05).
 */
export function formatTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const at = beijingParts(d)
  if (at.day === beijingParts(now).day) return `今天 ${at.hm}`
  if (at.day === beijingParts(new Date(now.getTime() - 86_400_000)).day) return `昨天 ${at.hm}`
  return `${at.y}年${at.m}月${at.dd}日 ${at.hm}`
}
