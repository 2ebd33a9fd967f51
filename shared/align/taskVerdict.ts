import { extractTargets } from '../targets/extractTargets.ts'
import { compareTargets } from '../targets/compareTargets.ts'
import { addTextFeatures, DEFAULT_FEATURE_OPTIONS, emptyFeatures, type FeatureKey, type FeatureOptions } from './features.ts'
import type { IndexedItem } from './indexPlans.ts'
import { splitTasks } from './splitTasks.ts'

/**
 * How far a district plan carries out one municipal task: `done` (已落实) when one district sentence
 * names the same action on the same object, `partial` (部分相关) when the district works in the same
 * area with a different or weaker action, `none` (未覆盖) otherwise. Over-claiming is worse than
 * under-claiming (a bureau reads the uncovered list to find what it forgot), so `done` asks for
 * evidence in a single sentence, and a weaker rate than the municipal one is only `partial`.
 */
export type TaskVerdict = 'done' | 'partial' | 'none'

/** The Chinese label of each verdict, as the 覆盖 panel and the CLI print it. */
export const VERDICT_LABEL: Readonly<Record<TaskVerdict, string>> = { done: '已落实', partial: '部分相关', none: '未覆盖' }

/** The district sentence that shows a verdict. */
export interface TaskEvidence {
  districtId: string
  /** District item number. */
  district: number
  /** The sentence of that item that carries the task out (or comes closest). */
  sentence: string
  /** Share of the task's weighted key terms found in the sentence, 0–1. */
  share: number
  /** Set when the sentence's rate is weaker than the task's, e.g. 托班覆盖率 50% → 40%（降低）. */
  weaker?: string
}

/** A task's verdict with the district items that show it (best first) and the best evidence. */
export interface TaskJudgement {
  verdict: TaskVerdict
  by: number[]
  evidence?: TaskEvidence
}

/** Share of a task's key terms one district sentence must hold for the task to count as done. */
export const DONE_SHARE = 0.5
/** Share of a task's key terms a linked district item must hold to count as related (部分相关). */
export const RELATED_SHARE = 0.25

// Trigrams would count each shared phrase twice more; bigrams are enough to see whether a task's words are there.
const TASK_FEATURES: FeatureOptions = { ...DEFAULT_FEATURE_OPTIONS, ngrams: [2] }

/**
 * Cap on a feature's weight within a task: words found only in the municipal sentence are rare by
 * nature and would otherwise outweigh everything the district item does share.
 */
const TASK_IDF_CAP = 2

/** Units whose figures do not depend on the size of the district (a province builds more schools than a district). */
const RATE_UNITS = new Set(['%', '个百分点'])

/** A task's key terms (bigrams, concepts, quoted terms) with their weights, computed once per task. */
export function taskTerms(task: string, idf: Map<FeatureKey, number>): Map<FeatureKey, number> {
  const terms = new Map<FeatureKey, number>()
  for (const key of addTextFeatures(emptyFeatures(), task, 1, TASK_FEATURES).counts.keys()) terms.set(key, Math.min(TASK_IDF_CAP, idf.get(key) ?? 0))
  return terms
}

/** How much of a task's key terms (weighted) a feature set contains, 0–1. */
export function termShare(terms: Map<FeatureKey, number>, counts: ReadonlyMap<FeatureKey, number>): number {
  let total = 0
  let found = 0
  for (const [key, w] of terms) {
    total += w
    if (counts.has(key)) found += w
  }
  return total === 0 ? 0 : found / total
}

/** Judges one municipal task against the district items linked to its municipal item. */
export function judgeTask(task: string, linked: IndexedItem[], idf: Map<FeatureKey, number>): TaskJudgement {
  if (!linked.length) return { verdict: 'none', by: [] }
  const terms = taskTerms(task, idf)
  const judged = linked
    .map((d) => ({ d, itemShare: termShare(terms, d.features.counts), best: bestSentence(terms, d) }))
    .sort((x, y) => y.best.share - x.best.share || y.itemShare - x.itemShare || x.d.number - y.d.number)
  const done = judged.filter((j) => j.best.share >= DONE_SHARE)
  const related = judged.filter((j) => j.itemShare >= RELATED_SHARE || j.best.share >= RELATED_SHARE)
  const evidenceOf = (j: (typeof judged)[number]): TaskEvidence => {
    const weaker = weakerRate(task, j.best.sentence)
    return { districtId: j.d.id, district: j.d.number, sentence: j.best.sentence, share: round(j.best.share), ...(weaker ? { weaker } : {}) }
  }
  const strong = done.map(evidenceOf)
  const full = strong.filter((e) => !e.weaker)
  if (full.length) return { verdict: 'done', by: full.map((e) => e.district), evidence: full[0] }
  if (related.length) return { verdict: 'partial', by: related.map((j) => j.d.number), evidence: strong[0] ?? evidenceOf(related[0]) }
  return { verdict: 'none', by: [] }
}

/** The sentence of a district item (lead sentence included) that holds most of the task's terms. */
function bestSentence(terms: Map<FeatureKey, number>, d: IndexedItem): { sentence: string; share: number } {
  let best = { sentence: d.title, share: 0 }
  for (const sentence of [d.title, ...splitTasks(d.body)]) {
    const share = termShare(terms, addTextFeatures(emptyFeatures(), sentence, 1, TASK_FEATURES).counts)
    if (share > best.share) best = { sentence, share }
  }
  return best
}

/** The first rate (a percentage) that the district sentence sets lower than the task, described; else undefined. */
function weakerRate(task: string, sentence: string): string | undefined {
  const rates = (text: string) => extractTargets(text).filter((t) => RATE_UNITS.has(t.unit))
  const change = compareTargets(rates(task), rates(sentence)).find((c) => c.old && c.new && c.weaker)
  return change?.description
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
