import { allItems } from '../plan/numbering.ts'
import type { ItemBreakdown, Plan, PlanItem, PlanWarning } from '../plan/types.ts'
import { parseDeadline } from './deadline.ts'
import { isEmptyBreakdown, normaliseBreakdown, splitNames } from './record.ts'

/** Labels real plans use in their responsibility notes, and the field each one fills. */
const LABELS: ReadonlyArray<[RegExp, keyof ItemBreakdown]> = [
  [/^(责任|牵头)(科室|单位|部门|处室)$|^责任科(室)?$/, 'lead'],
  [/^(配合|协办|协作|参与)(科室|单位|部门|处室)$/, 'support'],
  [/^(分管|责任|牵头)领导$/, 'leader'],
  [/^责任人$/, 'person'],
  [/^(完成|办结)(时限|时间|期限)$|^时限$|^时间节点$/, 'deadline'],
]
const LABEL_SOURCE = '(?:责任|牵头|配合|协办|协作|参与)(?:科室|单位|部门|处室)|责任科|(?:分管|责任|牵头)领导|责任人|(?:完成|办结)(?:时限|时间|期限)|时限|时间节点'
/** A bracketed note that starts with a label: （责任科室：组干科、机关党委）. */
const BRACKETED = new RegExp(`[（(]\\s*(?:${LABEL_SOURCE})\\s*[:：][^（()）\\n]*[)）]`, 'g')
/** Where one field of a note ends: ；, or ，/。 before the next label (names inside a field are split by 、 or ，). */
const FIELD_BREAK = new RegExp(`[；;]|[，,。](?=\\s*(?:${LABEL_SOURCE})\\s*[:：])`)
/** A whole line that is a note: 责任处室：基教科；完成时限：2025年6月底。 */
const NOTE_LINE = new RegExp(`^\\s*(?:${LABEL_SOURCE})\\s*[:：].*$`)

/** Reads the fields out of a note's text (without its brackets); null when a part has no known label. */
export function readNote(note: string): ItemBreakdown | null {
  const fields: ItemBreakdown = {}
  const parts = note
    .replace(/^[（(]|[)）]$/g, '')
    .split(FIELD_BREAK)
    .map((p) => p.trim().replace(/[。.]$/, ''))
    .filter(Boolean)
  if (!parts.length) return null
  for (const part of parts) {
    const m = /^([^:：]{2,6})\s*[:：]\s*(.*)$/.exec(part)
    const field = m ? LABELS.find(([re]) => re.test(m[1]))?.[1] : undefined
    if (!m || !field) return null
    const value = m[2].trim()
    // A colon inside a value means an unknown label ran on (时限：5月，地点：礼堂): not a responsibility note.
    if (!value || /[:：]/.test(value)) return null
    if (field === 'lead' || field === 'support') fields[field] = [...(fields[field] ?? []), ...splitNames(value)]
    else fields[field] = value
  }
  return fields
}

/**
 * Moves an item's responsibility notes into its 任务分解 fields: bracketed notes anywhere in the lead
 * sentence or body and body lines that are notes. The notes leave the text; fields already set win.
 */
export function extractItemNotes(item: PlanItem): PlanItem {
  const found: ItemBreakdown[] = []
  const strip = (text: string): string =>
    text.replace(BRACKETED, (note) => {
      const fields = readNote(note)
      if (!fields) return note
      found.push(fields)
      return ''
    })
  const title = strip(item.title).trim()
  const lines = strip(item.body)
    .split('\n')
    .filter((line) => {
      if (!NOTE_LINE.test(line)) return true
      const fields = readNote(line.trim())
      if (fields) found.push(fields)
      return !fields
    })
  if (!found.length) return item
  const combined: ItemBreakdown = {}
  for (const f of found) {
    for (const key of ['lead', 'support'] as const) if (f[key]) combined[key] = [...(combined[key] ?? []), ...(f[key] ?? [])]
    for (const key of ['leader', 'person', 'deadline'] as const) combined[key] ??= f[key]
  }
  const merged = normaliseBreakdown({ ...combined, ...item.breakdown })
  const out: PlanItem = {
    ...item,
    title,
    body: lines
      .map((l) => l.replace(/[ \t]+$/, ''))
      .join('\n')
      .replace(/\n+$/, ''),
  }
  if (!isEmptyBreakdown(merged)) out.breakdown = merged
  return out
}

/**
 * The import's last step: every item's notes moved into its fields (in place), with one warning naming
 * how many items had notes and one per deadline that names no time we can read.
 */
export function extractPlanNotes(plan: Plan, warnings: PlanWarning[]): void {
  let moved = 0
  for (const list of [...plan.sections.map((s) => s.items), ...plan.sections.flatMap((s) => s.subsections.map((u) => u.items))]) {
    list.forEach((item, i) => {
      const next = extractItemNotes(item)
      if (next === item) return
      list[i] = next
      moved++
    })
  }
  if (!moved) return
  warnings.push({ code: 'breakdown-notes', message: `${moved} 条的责任分工说明（牵头科室、配合科室、完成时限等）已移入任务分解字段，不再留在正文中` })
  const unread = allItems(plan).filter((it) => it.breakdown?.deadline && parseDeadline(it.breakdown.deadline, plan.meta.year).kind === 'text')
  for (const item of unread.slice(0, 5)) warnings.push({ code: 'breakdown-deadline-text', message: `完成时限“${item.breakdown?.deadline ?? ''}”不是可识别的日期、月份、季度或“全年”“长期”，已原样保留` })
}
