import { AlignmentType, Paragraph, TextRun } from 'docx'
import type { ItemRef, TextSpan } from '../../../shared/diff/types.ts'
import { TABLE_FONT, TABLE_LANGUAGE, TABLE_SIZE, tableFont } from './tableLayout.ts'

/** A stretch of one side's text and whether it is changed on that side (deleted from the old, inserted in the new). */
interface Piece {
  text: string
  changed: boolean
}

/**
 * The paragraphs of one side of an entry: each item's text with its number as printed (3.), body
 * paragraphs as paragraphs, and the changed stretches marked — struck through in the old text,
 * bold and underlined in the new. `mark` false prints the text plain (an added or removed item).
 */
export function sideParagraphs(side: 'old' | 'new', items: ItemRef[], spans: TextSpan[], mark = true): Paragraph[] {
  const own = side === 'old' ? 'delete' : 'insert'
  const pieces: Piece[] = spans.filter((s) => s.op === 'equal' || s.op === own).map((s) => ({ text: s.text, changed: mark && s.op === own }))
  const lines = splitLines(pieces)
  const out: Paragraph[] = []
  let line = 0
  for (const item of items) {
    const count = (item.title + item.body).split('\n').length
    for (let k = 0; k < count && line < lines.length; k++, line++) {
      const label = k === 0 ? [run(`${item.label}`, false, side)] : []
      out.push(cellParagraph([...label, ...lines[line].map((p) => run(p.text, p.changed, side))]))
    }
  }
  // Anything left over (texts that did not line up with the items) is still shown, never dropped.
  for (; line < lines.length; line++) out.push(cellParagraph(lines[line].map((p) => run(p.text, p.changed, side))))
  return out.length ? out : [cellParagraph([])]
}

/** A table-cell paragraph of plain text, e.g. （无） or a 修改说明. */
export function plainParagraph(text: string, font: string = TABLE_FONT.body, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return cellParagraph([new TextRun({ text, font: tableFont(font), size: TABLE_SIZE.cell, language: TABLE_LANGUAGE })], alignment)
}

function cellParagraph(children: TextRun[], alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({ children, spacing: { before: 0, after: 0, line: 300, lineRule: 'auto' }, ...(alignment ? { alignment } : {}) })
}

function run(text: string, changed: boolean, side: 'old' | 'new'): TextRun {
  return new TextRun({
    text,
    font: tableFont(TABLE_FONT.body),
    size: TABLE_SIZE.cell,
    language: TABLE_LANGUAGE,
    ...(changed && side === 'old' ? { strike: true } : {}),
    ...(changed && side === 'new' ? { bold: true, underline: {} } : {}),
  })
}

/** Splits pieces at line breaks into lines of pieces. */
function splitLines(pieces: Piece[]): Piece[][] {
  const lines: Piece[][] = [[]]
  for (const p of pieces) {
    p.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part) lines[lines.length - 1].push({ text: part, changed: p.changed })
    })
  }
  return lines
}
