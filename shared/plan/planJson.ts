import { PlanError } from './errors.ts'
import { planOutline, type ItemPlace } from './numbering.ts'
import { toChineseNumeral } from './chineseNumerals.ts'
import type { Closing, CoverNotice, ItemBreakdown, Plan, PlanItem, PlanMeta, PlanSection, PlanSubsection, PlanWarning } from './types.ts'

/** Format tag written into every Plan JSON document. */
export const PLAN_JSON_FORMAT = 'plan-studio/plan@1'

/** An item in Plan JSON: `number` is derived (continuous across the plan) and ignored on input. */
export interface PlanJsonItem extends PlanItem {
  number: number
}

/** A sub-section in Plan JSON; `number` is the Chinese numeral without brackets. */
export interface PlanJsonSubsection extends Omit<PlanSubsection, 'items'> {
  number: string
  items: PlanJsonItem[]
}

/** A section in Plan JSON; `number` is the Chinese numeral without 、. */
export interface PlanJsonSection extends Omit<PlanSection, 'items' | 'subsections'> {
  number: string
  items: PlanJsonItem[]
  subsections: PlanJsonSubsection[]
}

/** The documented interchange form of a plan (see README, "Plan JSON"). */
export interface PlanJson {
  format: typeof PLAN_JSON_FORMAT
  title: string
  meta: PlanMeta
  notice?: CoverNotice
  preamble: string[]
  sections: PlanJsonSection[]
  closing?: Closing
  warnings: PlanWarning[]
}

/** A plan as Plan JSON, with numbers filled in from order. */
export function toPlanJson(plan: Plan, warnings: PlanWarning[] = []): PlanJson {
  const item = ({ item: it, number }: ItemPlace): PlanJsonItem => ({
    id: it.id,
    number,
    title: it.title,
    body: it.body,
    ...(it.carried ? { carried: true } : {}),
    ...(it.breakdown ? { breakdown: it.breakdown } : {}),
  })
  return {
    format: PLAN_JSON_FORMAT,
    title: plan.title,
    meta: { ...plan.meta },
    ...(plan.notice ? { notice: plan.notice } : {}),
    preamble: [...plan.preamble],
    sections: planOutline(plan).map(({ section: s, number, items, subsections }) => ({
      id: s.id,
      number: toChineseNumeral(number),
      heading: s.heading,
      ...(s.guidance ? { guidance: s.guidance } : {}),
      intro: [...s.intro],
      items: items.map(item),
      subsections: subsections.map(({ subsection: u, number: n, items: its }) => ({ id: u.id, number: toChineseNumeral(n), heading: u.heading, intro: [...u.intro], items: its.map(item) })),
    })),
    ...(plan.closing ? { closing: plan.closing } : {}),
    warnings,
  }
}

/** Reads Plan JSON (text or parsed) back into a plan; numbers in the input are ignored. Throws PlanError when invalid. */
export function parsePlanJson(input: unknown): { plan: Plan; warnings: PlanWarning[] } {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch {
      throw invalid('', '不是有效的 JSON')
    }
  }
  const root = record(value, '')
  const plan: Plan = {
    title: str(root.title, 'title'),
    meta: readMeta(root.meta),
    preamble: strings(root.preamble ?? [], 'preamble'),
    sections: list(root.sections, 'sections').map((s, i) => readSection(s, `sections[${i}]`)),
  }
  if (root.notice !== undefined) plan.notice = readNotice(root.notice)
  if (root.closing !== undefined) plan.closing = readClosing(root.closing)
  const warnings = root.warnings === undefined ? [] : list(root.warnings, 'warnings').map((w, i) => readWarning(w, `warnings[${i}]`))
  return { plan, warnings }
}

function readSection(value: unknown, path: string): PlanSection {
  const r = record(value, path)
  // A section is a sub-section (id, heading, intro, items) with sub-sections and guidance of its own.
  return {
    ...readSubsection(r, path),
    subsections: list(r.subsections ?? [], `${path}.subsections`).map((u, i) => readSubsection(u, `${path}.subsections[${i}]`)),
    ...(r.guidance !== undefined ? { guidance: str(r.guidance, `${path}.guidance`) } : {}),
  }
}

function readSubsection(value: unknown, path: string): PlanSubsection {
  const r = record(value, path)
  return {
    id: str(r.id, `${path}.id`),
    heading: str(r.heading, `${path}.heading`),
    intro: strings(r.intro ?? [], `${path}.intro`),
    items: list(r.items ?? [], `${path}.items`).map((it, i) => readItem(it, `${path}.items[${i}]`)),
  }
}

function readItem(value: unknown, path: string): PlanItem {
  const r = record(value, path)
  const item: PlanItem = { id: str(r.id, `${path}.id`), title: str(r.title, `${path}.title`), body: str(r.body ?? '', `${path}.body`) }
  if (r.carried === true) item.carried = true
  if (r.breakdown !== undefined) item.breakdown = readBreakdown(r.breakdown, `${path}.breakdown`)
  return item
}

/** An item's optional 任务分解 fields: department lists and single names or a deadline as text. */
function readBreakdown(value: unknown, path: string): ItemBreakdown {
  const r = record(value, path)
  const out: ItemBreakdown = {}
  for (const [key, v] of Object.entries(r)) {
    if (key === 'lead' || key === 'support') out[key] = strings(v, `${path}.${key}`)
    else if (key === 'leader' || key === 'person' || key === 'deadline') out[key] = str(v, `${path}.${key}`)
    else throw invalid(`${path}.${key}`, '不是已知的分解字段（lead、support、leader、person、deadline）')
  }
  return out
}

function readMeta(value: unknown): PlanMeta {
  if (value === undefined) return {}
  const r = record(value, 'meta')
  const meta: PlanMeta = {}
  if (r.issuer !== undefined) meta.issuer = str(r.issuer, 'meta.issuer')
  if (r.level !== undefined) {
    const level = str(r.level, 'meta.level')
    if (level !== 'district' && level !== 'municipal' && level !== 'school' && level !== 'other') throw invalid('meta.level', '应为 district、municipal、school 或 other')
    meta.level = level
  }
  if (r.year !== undefined) {
    if (typeof r.year !== 'number' || !Number.isInteger(r.year)) throw invalid('meta.year', '应为整数年份')
    meta.year = r.year
  }
  if (r.period !== undefined) meta.period = str(r.period, 'meta.period')
  return meta
}

function readNotice(value: unknown): CoverNotice {
  const r = record(value, 'notice')
  const notice: CoverNotice = { addressee: str(r.addressee ?? '', 'notice.addressee'), body: strings(r.body ?? [], 'notice.body') }
  for (const key of ['title', 'docNumber', 'attachment', 'issuer', 'date'] as const) {
    if (r[key] !== undefined) notice[key] = str(r[key], `notice.${key}`)
  }
  return notice
}

function readClosing(value: unknown): Closing {
  const r = record(value, 'closing')
  const closing: Closing = {}
  if (r.issuer !== undefined) closing.issuer = str(r.issuer, 'closing.issuer')
  if (r.date !== undefined) closing.date = str(r.date, 'closing.date')
  return closing
}

function readWarning(value: unknown, path: string): PlanWarning {
  const r = record(value, path)
  return { code: str(r.code, `${path}.code`), message: str(r.message, `${path}.message`) }
}

function invalid(path: string, problem: string): PlanError {
  return new PlanError('invalid-plan-json', `Plan JSON 无效：${path ? path + ' ' : ''}${problem}`)
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, '应为对象')
  return value as Record<string, unknown>
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(path, '应为数组')
  return value
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalid(path, '应为字符串')
  return value
}

function strings(value: unknown, path: string): string[] {
  return list(value, path).map((v, i) => str(v, `${path}[${i}]`))
}
