import type { DocRole, DocumentKind } from '../../shared/api/types.ts'

/** How a document kind is named in the UI. */
export const KIND_LABEL: Record<DocumentKind, string> = { draft: '草稿', prior: '上年计划', reference: '市级参考' }

/** How a document role is named in the UI. */
export const ROLE_LABEL: Record<DocRole, string> = { owner: '所有者', editor: '编辑者', reviewer: '审阅人', viewer: '查看者' }

/** A date-time as bureau staff write it: 2026年11月22日 10:05 (today: 今天 10:05). */
export function formatTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
  const now = new Date()
  if (d.toDateString() === now.toDateString()) return `今天 ${hm}`
  const yesterday = new Date(now.getTime() - 86_400_000)
  if (d.toDateString() === yesterday.toDateString()) return `昨天 ${hm}`
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${hm}`
}
