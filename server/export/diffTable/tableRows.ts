import { AlignmentType, ShadingType, TableCell, TableRow, VerticalAlign, WidthType, type Paragraph } from 'docx'
import { describeChange, ITEM_KIND_LABELS, SECTION_KIND_LABELS } from '../../../shared/diff/describeChange.ts'
import type { ReviewAuthor } from '../../../shared/api/review.ts'
import { itemEntryAuthors } from '../../../shared/diff/entryAuthors.ts'
import type { ItemDiff, PlanDiff, SectionDiff, SectionRef } from '../../../shared/diff/types.ts'
import { authorLine } from './authorLine.ts'
import { plainParagraph, sideParagraphs } from './sideParagraphs.ts'
import { COLUMN_WIDTHS, TABLE_FONT } from './tableLayout.ts'

/** The header row 原文 | 修改后 | 修改说明, repeated on every page. */
export function headerRow(): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['原文', '修改后', '修改说明'].map((t, i) => cell([plainParagraph(t, TABLE_FONT.heading, AlignmentType.CENTER)], i, { shade: true })),
  })
}

/**
 * The body rows: for each section that has changes, a row with its heading (or, when the heading
 * changed, a row showing the change), then one row per changed, added, removed or moved item shown
 * under it: an item under its new section, a removed item under the section its old section became
 * (or under the removed section itself). Unchanged items and unchanged sections without changes get
 * no row. With `authors` (a review against a version or a visit), each item's 修改说明 names who changed it.
 */
export function bodyRows(d: PlanDiff, authors?: Record<string, ReviewAuthor[]>): TableRow[] {
  const rows: TableRow[] = []
  const top = d.sections.filter((s) => s.level === 'section')
  const changed = d.items.filter((e) => e.kind !== 'unchanged')
  for (const s of top) {
    const entries = changed.filter((e) => (e.new.length ? e.new[0].section.number === s.new?.number : e.old[0].section.number === s.old?.number))
    if (s.kind !== 'unchanged') rows.push(sectionChangeRow(s))
    else if (entries.length) rows.push(sectionTitleRow(s.new as SectionRef))
    rows.push(...entries.map((e) => itemRow(e, authors)))
  }
  return rows
}

function itemRow(e: ItemDiff, authors: Record<string, ReviewAuthor[]> | undefined): TableRow {
  const old = e.old.length ? sideParagraphs('old', e.old, e.spans, e.kind !== 'removed') : [plainParagraph('（无）')]
  const neu = e.new.length ? sideParagraphs('new', e.new, e.spans, e.kind !== 'added') : [plainParagraph('（删除）')]
  const note = [plainParagraph(`【${ITEM_KIND_LABELS[e.kind]}】`, TABLE_FONT.heading), plainParagraph(describeChange(e))]
  const who = authorLine(itemEntryAuthors(e, authors))
  if (who) note.push(plainParagraph(who))
  return new TableRow({ children: [cell(old, 0), cell(neu, 1), cell(note, 2)] })
}

function sectionTitleRow(s: SectionRef): TableRow {
  return new TableRow({ cantSplit: true, children: [cell([plainParagraph(`${s.label}${s.heading}`, TABLE_FONT.heading)], 0, { span: 3 })] })
}

function sectionChangeRow(s: SectionDiff): TableRow {
  const name = (r: SectionRef | undefined, none: string): Paragraph => plainParagraph(r ? `${r.label}${r.heading}` : none, TABLE_FONT.heading)
  const note = s.kind === 'renamed' ? `部分标题修改（原第${s.old?.label.replace('、', '')}部分，现第${s.new?.label.replace('、', '')}部分）` : s.kind === 'added' ? '新增部分' : '删除部分'
  return new TableRow({
    cantSplit: true,
    children: [cell([name(s.old, '（无）')], 0), cell([name(s.new, '（删除）')], 1), cell([plainParagraph(`【${SECTION_KIND_LABELS[s.kind]}】`, TABLE_FONT.heading), plainParagraph(note)], 2)],
  })
}

function cell(children: Paragraph[], column: number, options: { span?: number; shade?: boolean } = {}): TableCell {
  const span = options.span ?? 1
  const width = COLUMN_WIDTHS.slice(column, column + span).reduce((a, b) => a + b, 0)
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  })
}
