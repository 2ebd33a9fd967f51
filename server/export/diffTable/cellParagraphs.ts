import { AlignmentType, Paragraph, TextRun } from 'docx'
import type { Paragraph as ReviewParagraph, Segment } from '../../../shared/review/textParagraphs.ts'
import { xmlSafe } from '../xmlSafe.ts'
import { TABLE_FONT, TABLE_LANGUAGE, TABLE_SIZE, tableFont } from './tableLayout.ts'

/**
 * A cell side of the review model as Word paragraphs: the item number as printed, then the text with
 * its changes marked — struck through in 原文, bold and underlined in 修改后 (lead sentences stay
 * plain: bold means new text in this table). Headings pass 黑体 as `font`.
 */
export function cellParagraphs(paragraphs: ReviewParagraph[], font: string = TABLE_FONT.body): Paragraph[] {
  const out = paragraphs.map((p) => cellParagraph([...(p.label ? [run(p.label, font)] : []), ...p.segments.map((s) => segmentRun(s, font))]))
  return out.length ? out : [cellParagraph([])]
}

/** A table-cell paragraph of plain text, e.g. （无） or a 修改说明. */
export function plainParagraph(text: string, font: string = TABLE_FONT.body, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return cellParagraph([run(text, font)], alignment)
}

function cellParagraph(children: TextRun[], alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({ children, spacing: { before: 0, after: 0, line: 300, lineRule: 'auto' }, ...(alignment ? { alignment } : {}) })
}

function segmentRun(s: Segment, font: string): TextRun {
  return run(s.text, font, {
    ...(s.op === 'delete' ? { strike: true } : {}),
    ...(s.op === 'insert' ? { bold: true, underline: {} } : {}),
  })
}

function run(text: string, font: string, marks: { strike?: boolean; bold?: boolean; underline?: object } = {}): TextRun {
  return new TextRun({ text: xmlSafe(text), font: tableFont(font), size: TABLE_SIZE.cell, language: TABLE_LANGUAGE, ...marks })
}
