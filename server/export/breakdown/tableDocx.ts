import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx'
import type { BreakdownRow } from '../../../shared/breakdown/table.ts'
import { plainParagraph } from '../diffTable/cellParagraphs.ts'
import { TABLE_FONT, TABLE_LANGUAGE, TABLE_PAGE, TABLE_SIZE, TABLE_WIDTH, tableFont } from '../diffTable/tableLayout.ts'
import { cell } from '../diffTable/tableRows.ts'
import { xmlSafe } from '../xmlSafe.ts'
import type { TableColumn } from './columns.ts'

/** Longest title printed above a table (a hostile plan title may hold far more). */
export const MAX_TITLE = 220

/**
 * A landscape section holding one table of plan items, laid out like the 修改对照表 (its page, fonts
 * and cells are reused): the title in 小标宋, then the table with its header row repeated on every
 * page, a row across the table for each section and sub-section heading, and a row per item.
 * `before` goes above the title (the 附件 label when the table follows a plan).
 */
export function itemTableSection<R extends BreakdownRow>(title: string, rows: R[], columns: readonly TableColumn<R>[], before: Paragraph[] = []): ISectionOptions {
  const widths = columnWidths(columns)
  const children: (Paragraph | Table)[] = [
    ...before,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240 },
      children: [new TextRun({ text: xmlSafe(title).slice(0, MAX_TITLE), font: tableFont(TABLE_FONT.title), size: TABLE_SIZE.title, language: TABLE_LANGUAGE })],
    }),
  ]
  if (rows.length)
    children.push(new Table({ rows: [headerRow(columns, widths), ...bodyRows(rows, columns, widths)], width: { size: TABLE_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED }))
  else children.push(plainParagraph('计划中还没有条目。'))
  return {
    properties: {
      page: {
        size: { width: TABLE_PAGE.width, height: TABLE_PAGE.height, orientation: PageOrientation.LANDSCAPE },
        margin: { top: TABLE_PAGE.margin, bottom: TABLE_PAGE.margin, left: TABLE_PAGE.margin, right: TABLE_PAGE.margin },
      },
    },
    children,
  }
}

/** A .docx holding one item table on A4 landscape. */
export async function itemTableDocx<R extends BreakdownRow>(title: string, rows: R[], columns: readonly TableColumn<R>[]): Promise<Uint8Array> {
  const doc = new Document({ creator: 'Plan Studio', title: xmlSafe(title).slice(0, MAX_TITLE), sections: [itemTableSection(title, rows, columns)] })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** Column widths in twips: the printed columns' shares scaled to the page, the last one taking the rounding. */
function columnWidths<R>(columns: readonly TableColumn<R>[]): number[] {
  const total = columns.reduce((a, c) => a + c.share, 0)
  const widths = columns.map((c) => Math.floor((TABLE_WIDTH * c.share) / total))
  widths[widths.length - 1] += TABLE_WIDTH - widths.reduce((a, b) => a + b, 0)
  return widths
}

function headerRow<R>(columns: readonly TableColumn<R>[], widths: number[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell([plainParagraph(c.header, TABLE_FONT.heading, AlignmentType.CENTER)], i, { shade: true, widths })) })
}

/** Heading rows across the table where the section or sub-section changes, and a row per item. */
function bodyRows<R extends BreakdownRow>(rows: R[], columns: readonly TableColumn<R>[], widths: number[]): TableRow[] {
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
    out.push(new TableRow({ children: columns.map((c, i) => cell(paragraphs(c.value(row), c.header === '序号', c.strong?.(row)), i, { widths })) }))
  }
  return out
}

/** A cell's text as paragraphs (具体措施 keeps its paragraphs); numbers centred; `strong` cells (逾期) in 黑体. */
function paragraphs(text: string, centred: boolean, strong = false): Paragraph[] {
  const lines = xmlSafe(text).split('\n')
  return lines.map((line) => plainParagraph(line, strong ? TABLE_FONT.heading : TABLE_FONT.body, centred ? AlignmentType.CENTER : undefined))
}
