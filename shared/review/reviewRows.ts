import type { AuthorView } from '../diff/entryAuthors.ts'
import type { Adoption } from './adoption.ts'
import type { ReviewModel, SectionView } from './reviewModel.ts'
import type { Paragraph } from './textParagraphs.ts'

/** A heading that frames the changed rows under it (an unchanged section or sub-section that holds changes). */
export interface HeadingRow {
  type: 'heading'
  key: string
  level: SectionView['level']
  /** As printed in the new text: 三、落实改革任务…, （二）深化劳动教育. */
  text: string
}

/** One change: 原文 | 修改后 | 修改说明. */
export interface ChangeRow {
  type: 'change'
  key: string
  /** What changed: an item entry, a section or sub-section heading, the document title, the preamble. */
  subject: 'item' | 'section' | 'subsection' | 'title' | 'preamble'
  /** 原文, with deleted text marked and item numbers as printed; null when there was nothing (an added entry). */
  old: Paragraph[] | null
  /** 修改后, with inserted text marked; null when nothing is left (a removed entry). */
  new: Paragraph[] | null
  /** The kind as reviewers say it: 修改, 合并, 标题修改, 新增部分 … */
  chip: string
  /** The change in a sentence: 原第6、7条合并为第6条, 小节标题修改（原（二），现（二））. */
  description: string
  /** Who changed it, latest first (reviews against a version or a visit). */
  authors: AuthorView[]
  /** 采纳情况 of the 修订 decided on it since the base (item rows only; null when none was). */
  adoption: Adoption | null
}

/** A row of the review table. */
export type ReviewRow = HeadingRow | ChangeRow

/**
 * The rows of the review table (the 修改对照表, and what the page's 对照 view lists as changes): the
 * title and preamble when they changed, then every section and sub-section in the new text's order
 * that holds a change — its own heading change as a row, or its unchanged heading as a frame — with
 * its changed entries under it. Unchanged entries get no row, unless a 修订 on them was decided since
 * the base (a rejected one leaves the text as it was, and its 采纳情况 and reason still belong in the table).
 */
export function reviewRows(model: ReviewModel): ReviewRow[] {
  const rows: ReviewRow[] = []
  if (model.title.changed) rows.push(textRow('title', '标题修改', '文件标题修改', model.title))
  if (model.preamble.changed) rows.push(textRow('preamble', '导语修改', '导语（开头段落）修改', model.preamble))
  for (const s of model.sections) rows.push(...sectionRows(s))
  return rows
}

function sectionRows(s: SectionView): ReviewRow[] {
  if (!s.changes && !hasAdoption(s)) return []
  const rows: ReviewRow[] = [s.changed ? sectionChangeRow(s) : headingRow(s)]
  for (const item of s.items) {
    if (!item.changed && !item.adoption) continue
    const description = item.changed ? item.description : '条文未改动'
    rows.push({ type: 'change', key: item.key, subject: 'item', old: item.old, new: item.new, chip: item.chip, description, authors: item.authors, adoption: item.adoption })
  }
  for (const u of s.subsections) rows.push(...sectionRows(u))
  return rows
}

/** A 修订 was decided on an entry in the section or its sub-sections. */
function hasAdoption(s: SectionView): boolean {
  return s.items.some((i) => i.adoption) || s.subsections.some(hasAdoption)
}

function headingRow(s: SectionView): HeadingRow {
  const ref = s.diff.new ?? s.diff.old
  return { type: 'heading', key: s.key, level: s.level, text: `${s.label}${ref?.heading ?? s.diff.spans.map((p) => p.text).join('')}` }
}

function sectionChangeRow(s: SectionView): ChangeRow {
  const labelled = (label: string | undefined, heading: Paragraph[] | null): Paragraph[] | null => heading && [{ ...heading[0], label }, ...heading.slice(1)]
  return {
    type: 'change',
    key: s.key,
    subject: s.level,
    old: labelled(s.diff.old?.label, s.oldHeading),
    new: labelled(s.diff.new?.label, s.newHeading),
    chip: s.chip,
    description: s.description,
    authors: s.authors,
    adoption: null,
  }
}

function textRow(subject: 'title' | 'preamble', chip: string, description: string, text: ReviewModel['title']): ChangeRow {
  return { type: 'change', key: subject, subject, old: text.old.length ? text.old : null, new: text.new.length ? text.new : null, chip, description, authors: text.authors, adoption: null }
}
