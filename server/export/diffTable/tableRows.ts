import { AlignmentType, ShadingType, TableCell, TableRow, VerticalAlign, WidthType, type Paragraph } from 'docx'
import { adoptionText } from '../../../shared/review/adoption.ts'
import type { ChangeRow, HeadingRow, ReviewRow } from '../../../shared/review/reviewRows.ts'
import { authorLine } from './authorLine.ts'
import { cellParagraphs, plainParagraph } from './cellParagraphs.ts'
import { ADOPTION_WIDTHS, COLUMN_WIDTHS, TABLE_FONT } from './tableLayout.ts'

/** The table's column widths: three columns, or four with 采纳情况. */
export function tableWidths(adoption: boolean): readonly number[] {
  return adoption ? ADOPTION_WIDTHS : COLUMN_WIDTHS
}

/** The header row 原文 | 修改后 | 修改说明 (| 采纳情况), repeated on every page. */
export function headerRow(adoption = false): TableRow {
  const widths = tableWidths(adoption)
  const titles = adoption ? ['原文', '修改后', '修改说明', '采纳情况'] : ['原文', '修改后', '修改说明']
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: titles.map((t, i) => cell([plainParagraph(t, TABLE_FONT.heading, AlignmentType.CENTER)], i, { shade: true, widths })),
  })
}

/** The body rows: the review model's rows (shared/review/reviewRows), each drawn as a Word table row; `adoption` adds the 采纳情况 column. */
export function bodyRows(rows: ReviewRow[], adoption = false): TableRow[] {
  return rows.map((r) => (r.type === 'heading' ? headingRow(r, adoption) : changeRow(r, adoption)))
}

/** A change: 原文 | 修改后 | 【kind】 sentence (and who changed it, in Beijing time) | 采纳情况 when asked (empty without decided 修订). */
function changeRow(r: ChangeRow, adoption: boolean): TableRow {
  const headingFont = r.subject === 'section' || r.subject === 'subsection' || r.subject === 'title'
  const side = (paragraphs: ChangeRow['old'], none: string): Paragraph[] => (paragraphs ? cellParagraphs(paragraphs, headingFont ? TABLE_FONT.heading : TABLE_FONT.body) : [plainParagraph(none)])
  const note = [plainParagraph(`【${r.chip}】`, TABLE_FONT.heading), plainParagraph(r.description)]
  const who = authorLine(r.authors)
  if (who) note.push(plainParagraph(who))
  const widths = tableWidths(adoption)
  const cells = [cell(side(r.old, '（无）'), 0, { widths }), cell(side(r.new, '（删除）'), 1, { widths }), cell(note, 2, { widths })]
  if (adoption) cells.push(cell([plainParagraph(r.adoption ? adoptionText(r.adoption) : '')], 3, { widths }))
  return new TableRow({ cantSplit: headingFont, children: cells })
}

/** An unchanged heading framing the changes under it, across the table. */
function headingRow(r: HeadingRow, adoption: boolean): TableRow {
  const widths = tableWidths(adoption)
  return new TableRow({ cantSplit: true, children: [cell([plainParagraph(r.text, TABLE_FONT.heading)], 0, { span: widths.length, widths })] })
}

/** A cell of a landscape table at `column` (spanning `span` columns of `widths`, shaded for a header), shared with the 任务分解表. */
export function cell(children: Paragraph[], column: number, options: { span?: number; shade?: boolean; widths?: readonly number[] } = {}): TableCell {
  const span = options.span ?? 1
  const width = (options.widths ?? COLUMN_WIDTHS).slice(column, column + span).reduce((a, b) => a + b, 0)
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  })
}
