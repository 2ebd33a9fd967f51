import { textHash } from '../text/hash.ts'
import { LOCAL, snapshotText, type Link } from './links.ts'
import type { Alignment } from './alignPlans.ts'
import type { FeatureKey } from './features.ts'
import type { IndexedItem } from './indexPlans.ts'
import { splitTasks } from './splitTasks.ts'
import { judgeTask, type TaskEvidence, type TaskVerdict } from './taskVerdict.ts'
import { textSimilarity } from '../text/similarity.ts'

/** A confirmed link whose item text kept less than this similarity to its snapshot is suspect. */
export const SUSPECT_SIMILARITY = 0.6

/** An item named in a report. */
export interface ItemRef {
  id: string
  number: number
  title: string
}

/** A link that coverage counts: confirmed by a person, or a strong suggestion nobody rejected. */
export interface CoverageLink {
  districtId: string
  municipalId: string
  district: number
  municipal: number
  source: 'accepted' | 'suggested'
  score: number
}

/** One task (sentence) of a municipal item, how far the district carries it out, and the evidence. */
export interface TaskCoverage {
  municipalId: string
  municipal: number
  text: string
  /** 已落实 / 部分相关 / 未覆盖 (see taskVerdict.ts). */
  verdict: TaskVerdict
  /** True only when the task is done (已落实): a partly related item does not take a task off the uncovered list. */
  covered: boolean
  /** District item numbers that show the verdict, best first (empty for 未覆盖). */
  by: number[]
  /** The district sentence that shows it. */
  evidence?: TaskEvidence
}

/** A confirmed link whose items changed a lot since it was confirmed, or disappeared. */
export interface SuspectLink {
  key: string
  districtItemId: string
  municipalItemId: string
  district?: number
  municipal?: number
  /** Similarity of each side to its snapshot (1 = unchanged); absent when the item is gone or has no snapshot. */
  districtSimilarity?: number
  municipalSimilarity?: number
  /** Plain Chinese reason. */
  message: string
}

/** What the draft carries out of the municipal plan, and what it does not. */
export interface CoverageReport {
  links: CoverageLink[]
  /** Municipal items no confirmed or strong link carries out. */
  uncovered: ItemRef[]
  tasks: TaskCoverage[]
  /** District items with no confirmed or strong link that are not marked local. */
  unlinked: ItemRef[]
  local: ItemRef[]
  suspect: SuspectLink[]
}

/** Coverage of a municipal plan by a district draft, from an alignment and the confirmed links. */
export function coverageReport(alignment: Alignment, links: Link[] = []): CoverageReport {
  const { index } = alignment
  const dById = new Map(index.district.map((d) => [d.id, d]))
  const mById = new Map(index.municipal.map((m) => [m.id, m]))
  const live = links.filter((l) => dById.has(l.districtItemId) && (l.municipalItemId === LOCAL || mById.has(l.municipalItemId)))
  const decided = new Map(live.map((l) => [`${l.districtItemId} ${l.municipalItemId}`, l.status]))
  const used: CoverageLink[] = []
  index.district.forEach((d, r) => {
    index.municipal.forEach((m, c) => {
      const status = decided.get(`${d.id} ${m.id}`)
      const score = alignment.scores[r][c]
      if (status === 'accepted') used.push({ districtId: d.id, municipalId: m.id, district: d.number, municipal: m.number, source: 'accepted', score })
      else if (status === undefined && score >= alignment.threshold) used.push({ districtId: d.id, municipalId: m.id, district: d.number, municipal: m.number, source: 'suggested', score })
    })
  })
  const localIds = new Set(live.filter((l) => l.municipalItemId === LOCAL && l.status === 'accepted').map((l) => l.districtItemId))
  const ref = (it: IndexedItem): ItemRef => ({ id: it.id, number: it.number, title: it.title })
  return {
    links: used,
    uncovered: index.municipal.filter((m) => !used.some((u) => u.municipalId === m.id)).map(ref),
    tasks: index.municipal.flatMap((m) =>
      taskCoverage(
        m,
        used.filter((u) => u.municipalId === m.id).map((u) => dById.get(u.districtId)!),
        index.idf,
      ),
    ),
    unlinked: index.district.filter((d) => !localIds.has(d.id) && !used.some((u) => u.districtId === d.id)).map(ref),
    local: index.district.filter((d) => localIds.has(d.id)).map(ref),
    suspect: suspectLinks(links, dById, mById),
  }
}

function taskCoverage(m: IndexedItem, linked: IndexedItem[], idf: Map<FeatureKey, number>): TaskCoverage[] {
  const tasks = splitTasks(m.body)
  return (tasks.length ? tasks : [m.title]).map((text) => {
    const { verdict, by, evidence } = judgeTask(text, linked, idf)
    return { municipalId: m.id, municipal: m.number, text, verdict, covered: verdict === 'done', by, ...(evidence ? { evidence } : {}) }
  })
}

function suspectLinks(links: Link[], dById: Map<string, IndexedItem>, mById: Map<string, IndexedItem>): SuspectLink[] {
  const out: SuspectLink[] = []
  for (const link of links) {
    if (link.status !== 'accepted') continue
    const d = dById.get(link.districtItemId)
    const isLocal = link.municipalItemId === LOCAL
    const m = isLocal ? undefined : mById.get(link.municipalItemId)
    const base = { key: link.key, districtItemId: link.districtItemId, municipalItemId: link.municipalItemId, ...(d ? { district: d.number } : {}), ...(m ? { municipal: m.number } : {}) }
    if (!d) {
      out.push({ ...base, message: '区级条目已删除，确认过的对应关系已失效' })
      continue
    }
    if (!isLocal && !m) {
      out.push({ ...base, message: '市级条目已不存在，确认过的对应关系已失效' })
      continue
    }
    const ds = sideSimilarity(snapshotText(d), link.districtHash, link.districtText)
    const ms = m ? sideSimilarity(snapshotText(m), link.municipalHash, link.municipalText) : 1
    if (ds >= SUSPECT_SIMILARITY && ms >= SUSPECT_SIMILARITY) continue
    const changed = [ds < SUSPECT_SIMILARITY ? `区级第${d.number}条` : '', m && ms < SUSPECT_SIMILARITY ? `市级第${m.number}条` : ''].filter(Boolean).join('和')
    out.push({ ...base, districtSimilarity: round(ds), ...(m ? { municipalSimilarity: round(ms) } : {}), message: `确认后${changed}改动较大，请重新确认对应关系` })
  }
  return out
}

/** 1 when the text still has the hash; else similarity to the snapshot, or 0 when there is none to compare. */
function sideSimilarity(text: string, hash: string, snapshot: string | undefined): number {
  if (textHash(text) === hash) return 1
  return snapshot === undefined ? 0 : textSimilarity(text, snapshot, { whenEmpty: 1 })
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
