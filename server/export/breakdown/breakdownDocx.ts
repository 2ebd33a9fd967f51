import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType } from 'docx'
import { breakdownRows, type BreakdownRow } from '../../../shared/breakdown/table.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { plainParagraph } from '../diffTable/cellParagraphs.ts'
import { TABLE_FONT, TABLE_LANGUAGE, TABLE_PAGE, TABLE_SIZE, TABLE_WIDTH, tableFont } from '../diffTable/tableLayout.ts'
import { cell } from '../diffTable/tableRows.ts'
import { xmlSafe } from '../xmlSafe.ts'
import { breakdownTitle, columnsFor, type BreakdownColumn } from './columns.ts'

/** Longest plan title printed in the table's title (a hostile title may hold far more). */
const MAX_TITLE = 200

/**
 * The 任务分解表 (.docx): on A4 landscape like the 修改对照表 (its page, fonts and cells are reused),
 * the title 《plan》任务分解表 in 小标宋, then one table with the header row repeated on every page, a
 * row across the table for each section and sub-section heading, and a row per item.
 */
export async function breakdownDocx(plan: Plan): Promise<Uint8Array> {
  const rows = breakdownRows(plan)
  const columns = columnsFor(rows)
  const widths = columnWidths(columns)
  const title = breakdownTitle(xmlSafe(plan.title).slice(0, MAX_TITLE))
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240 },
      children: [new TextRun({ text: title, font: tableFont(TABLE_FONT.title), size: TABLE_SIZE.title, language: TABLE_LANGUAGE })],
    }),
  ]
  if (rows.length)
    children.push(new Table({ rows: [headerRow(columns, widths), ...bodyRows(rows, columns, widths)], width: { size: TABLE_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED }))
  else children.push(plainParagraph('计划中还没有条目。'))
  const doc = new Document({
    creator: 'Plan Studio',
    title,
    sections: [
      {
        properties: {
          page: {
            size: { width: TABLE_PAGE.width, height: TABLE_PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: TABLE_PAGE.margin, bottom: TABLE_PAGE.margin, left: TABLE_PAGE.margin, right: TABLE_PAGE.margin },
          },
        },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** Column widths in twips: the printed columns' shares scaled to the page, the last one taking the rounding. */
function columnWidths(columns: BreakdownColumn[]): number[] {
  const total = columns.reduce((a, c) => a + c.share, 0)
  const widths = columns.map((c) => Math.floor((TABLE_WIDTH * c.share) / total))
  widths[widths.length - 1] += TABLE_WIDTH - widths.reduce((a, b) => a + b, 0)
  return widths
}

function headerRow(columns: BreakdownColumn[], widths: number[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell([plainParagraph(c.header, TABLE_FONT.heading, AlignmentType.CENTER)], i, { shade: true, widths })) })
}

/** Heading rows across the table where the section or sub-section changes, and a row per item. */
function bodyRows(rows: BreakdownRow[], columns: BreakdownColumn[], widths: number[]): TableRow[] {
  const out: TableRow[] = []
  let section: string | undefined
  let subsection: string | undefined
  const heading = (text: string): TableRow => new TableRow({ cantSplit: true, children: [cell([plainParagraph(xmlSafe(text), TABLE_FONT.heading)], 0, { span: columns.length, widths })] })
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section
      subsection = undefined
      out.push(heading(row.section))
    }
    if (row.subsection && row.subsection !== subsection) {
      subsection = row.subsection
      out.push(heading(row.subsection))
    }
    out.push(new TableRow({ children: columns.map((c, i) => cell(paragraphs(c.value(row), c.header === '序号'), i, { widths })) }))
  }
  return out
}

/** A cell's text as paragraphs (具体措施 keeps its paragraphs); numbers centred. */
function paragraphs(text: string, centred: boolean): Paragraph[] {
  const lines = xmlSafe(text).split('\n')
  return lines.map((line) => plainParagraph(line, TABLE_FONT.body, centred ? AlignmentType.CENTER : undefined))
}
