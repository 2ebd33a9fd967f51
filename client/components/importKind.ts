import type { DocumentKind } from '../../shared/api/types.ts'

/** What the import dialog preselects for a file, and why (a clause for the hint under the choice). */
export interface KindGuess {
  kind: DocumentKind
  reason: string
}

// A city's or province's own plan: 上海市教育委员会, 市教委, 省教育厅 … — but not a district's (…区教育局).
const MUNICIPAL = /(市|省)(教育委员会|教委|教育厅|教育局)|市级/
const DISTRICT = /区|县/
const DRAFT_WORDS = /草稿|征求意见稿|送审稿|讨论稿|初稿/

/**
 * The document kind a file most likely is, from its name: a municipal plan is 市级参考; a draft's
 * name says so (征求意见稿 …); a plan for a year the bureau is no longer drafting is 上年计划 (from
 * September, next year's plan is the one being drafted); anything else is 草稿.
 */
export function guessImportKind(filename: string, now = new Date()): KindGuess {
  const name = filename.replace(/\.[^.]*$/, '')
  if (MUNICIPAL.test(name) && !DISTRICT.test(name)) return { kind: 'reference', reason: '文件名像市级工作要点' }
  if (DRAFT_WORDS.test(name)) return { kind: 'draft', reason: '文件名标明是草稿' }
  const year = /(20\d{2})\s*年/.exec(name) ?? /(20\d{2})/.exec(name)
  const drafting = now.getMonth() >= 8 ? now.getFullYear() + 1 : now.getFullYear()
  if (year && Number(year[1]) < drafting) return { kind: 'prior', reason: `文件名中是${year[1]}年，早于正在起草的${drafting}年` }
  return { kind: 'draft', reason: year ? `文件名中是${year[1]}年` : '文件名中没有年份' }
}
