import type { Alignment } from '../../shared/align/alignPlans.ts'
import type { CoverageReport, SuspectLink } from '../../shared/align/coverage.ts'
import { sharedTerms } from '../../shared/align/sharedTerms.ts'
import { LOCAL, type Link } from '../../shared/collab/links.ts'

/** What people decided about a suggested municipal item for one district item. */
export type Decision = 'accepted' | 'rejected' | 'open'

/** One municipal item as shown for a district item: score, terms and the decision taken on it. */
export interface CandidateRow {
  municipalId: string
  number: number
  title: string
  body: string
  score: number
  strong: boolean
  terms: string[]
  decision: Decision
  link?: Link
  /** Set when the link was confirmed but either text has changed a lot since. */
  suspect?: SuspectLink
}

/** The alignment panel's view of one district item. */
export interface ItemView {
  districtId: string
  number: number
  title: string
  body: string
  /** Suggestions best first, then decided links that are not among them. */
  rows: CandidateRow[]
  /** The local mark (本区特色), when set. */
  local?: Link
  localSuspect?: SuspectLink
}

/**
 * The suggestions and decisions for one district item, or null when the item is not in the
 * alignment (not yet analysed). Decided links always appear, even when their score fell out of the
 * top suggestions, so that a confirmed link never silently disappears.
 */
export function itemView(alignment: Alignment, links: Link[], report: CoverageReport | null, districtId: string): ItemView | null {
  const r = alignment.index.district.findIndex((d) => d.id === districtId)
  if (r < 0) return null
  const d = alignment.index.district[r]
  const own = links.filter((l) => l.districtItemId === districtId)
  const suspectOf = (municipalId: string): SuspectLink | undefined => report?.suspect.find((s) => s.districtItemId === districtId && s.municipalItemId === municipalId)
  const row = (c: number, terms?: string[]): CandidateRow => {
    const m = alignment.index.municipal[c]
    const score = alignment.scores[r][c]
    const link = own.find((l) => l.municipalItemId === m.id)
    const suspect = link?.status === 'accepted' ? suspectOf(m.id) : undefined
    return {
      municipalId: m.id,
      number: m.number,
      title: m.title,
      body: m.body,
      score: Math.round(score * 1000) / 1000,
      strong: score >= alignment.threshold,
      terms: terms ?? sharedTerms(d, m, alignment.index.idf),
      decision: link?.status ?? 'open',
      ...(link ? { link } : {}),
      ...(suspect ? { suspect } : {}),
    }
  }
  const colOf = new Map(alignment.index.municipal.map((m, c) => [m.id, c]))
  const rows = alignment.items[r].candidates.map((cand) => row(colOf.get(cand.municipalId) ?? 0, cand.terms))
  for (const link of own) {
    const c = colOf.get(link.municipalItemId)
    if (c !== undefined && !rows.some((x) => x.municipalId === link.municipalItemId)) rows.push(row(c))
  }
  const local = own.find((l) => l.municipalItemId === LOCAL && l.status === 'accepted')
  const localSuspect = local ? suspectOf(LOCAL) : undefined
  return { districtId, number: d.number, title: d.title, body: d.body, rows, ...(local ? { local } : {}), ...(localSuspect ? { localSuspect } : {}) }
}

/** Where a district item stands: confirmed links, marked local, a strong suggestion only, or nothing. */
export type ItemStanding = 'linked' | 'local' | 'suggested' | 'none'

/** One line of the item overview shown when the cursor is not in an item. */
export interface ItemSummary {
  districtId: string
  number: number
  title: string
  standing: ItemStanding
  /** Municipal numbers: the confirmed ones when linked, else the strong suggestions. */
  municipal: number[]
  suspect: boolean
}

/** Every district item's standing, in document order. */
export function itemSummaries(alignment: Alignment, links: Link[], report: CoverageReport | null): ItemSummary[] {
  const numberOf = new Map(alignment.municipal.map((m) => [m.id, m.number]))
  return alignment.items.map((it) => {
    const own = links.filter((l) => l.districtItemId === it.districtId)
    const accepted = own.filter((l) => l.status === 'accepted' && l.municipalItemId !== LOCAL && numberOf.has(l.municipalItemId))
    const rejected = new Set(own.filter((l) => l.status === 'rejected').map((l) => l.municipalItemId))
    const strong = it.candidates.filter((c) => c.strong && !rejected.has(c.municipalId))
    const suspect = report?.suspect.some((s) => s.districtItemId === it.districtId) ?? false
    const base = { districtId: it.districtId, number: it.number, title: it.title, suspect }
    if (accepted.length) return { ...base, standing: 'linked', municipal: accepted.map((l) => numberOf.get(l.municipalItemId) ?? 0).sort((a, b) => a - b) }
    if (own.some((l) => l.municipalItemId === LOCAL && l.status === 'accepted')) return { ...base, standing: 'local', municipal: [] }
    if (strong.length) return { ...base, standing: 'suggested', municipal: strong.map((c) => c.number) }
    return { ...base, standing: 'none', municipal: [] }
  })
}

/** A confirmed link as the coverage lists show it: both items' numbers, who and when. */
export interface ConfirmedLink {
  link: Link
  district: number
  districtTitle: string
  /** Absent for a local mark. */
  municipal?: number
  municipalTitle?: string
}

/** Every accepted link and local mark whose items still exist, in district then municipal order. */
export function confirmedLinks(alignment: Alignment, links: Link[]): ConfirmedLink[] {
  const district = new Map(alignment.index.district.map((d) => [d.id, d]))
  const municipal = new Map(alignment.index.municipal.map((m) => [m.id, m]))
  const out: ConfirmedLink[] = []
  for (const link of links) {
    const d = district.get(link.districtItemId)
    if (link.status !== 'accepted' || !d) continue
    if (link.municipalItemId === LOCAL) {
      out.push({ link, district: d.number, districtTitle: d.title })
      continue
    }
    const m = municipal.get(link.municipalItemId)
    if (m) out.push({ link, district: d.number, districtTitle: d.title, municipal: m.number, municipalTitle: m.title })
  }
  return out.sort((a, b) => a.district - b.district || (a.municipal ?? 0) - (b.municipal ?? 0))
}
