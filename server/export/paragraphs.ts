import { AlignmentType, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx'
import { FONT, SIZE, runFonts } from './fonts.ts'
import { officialText } from './officialText.ts'
import { clipTitle } from './printablePlan.ts'
import { textRun } from './runs.ts'
import { FIRST_LINE_INDENT, GRID_SPACING, STYLE } from './styles.ts'
import { titleLines } from './titleLines.ts'

/**
 * A paragraph on the line grid. Widow and orphan control is off, or pages end a line or two short of 22.
 * Punctuation overflow is written out: without it LibreOffice hangs a comma that falls after the 28th
 * character of a justified line into the margin and then drops it from the page.
 */
export function gridParagraph(children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ spacing: GRID_SPACING, widowControl: false, overflowPunctuation: true, ...options, children })
}

/** A body paragraph in 仿宋_GB2312 3号, justified, first line indented two characters. */
export function bodyParagraph(text: string): Paragraph {
  return gridParagraph([textRun(text)], { alignment: AlignmentType.BOTH, indent: FIRST_LINE_INDENT })
}

/** An empty grid line (GB/T 9704's 空一行). */
export function blankLine(): Paragraph {
  return gridParagraph([])
}

/** A level-1 heading "一、…" (黑体) or level-2 heading "（一）…" (楷体_GB2312), indented two characters. */
export function headingParagraph(level: 1 | 2, label: string, heading: string): Paragraph {
  const font = level === 1 ? FONT.heading1 : FONT.heading2
  return gridParagraph([textRun(label + heading, { font })], {
    style: level === 1 ? STYLE.heading1 : STYLE.heading2,
    alignment: AlignmentType.BOTH,
    indent: FIRST_LINE_INDENT,
    keepNext: true,
  })
}

/** An item's first paragraph: its number and lead sentence in bold, then the first paragraph of its body. */
export function itemParagraph(label: string, title: string, firstBody: string): Paragraph {
  const runs = [textRun(label + title, { bold: true })]
  if (firstBody) runs.push(textRun(firstBody))
  return gridParagraph(runs, { alignment: AlignmentType.BOTH, indent: FIRST_LINE_INDENT })
}

/** A 2号 小标宋 title, centred; a long one is shaped into lines (see titleLines) separated by line breaks. */
export function titleParagraph(title: string, style: string = STYLE.title): Paragraph {
  // Cut first: a title no plan limit allows would otherwise be set as pages of title lines.
  const runs = titleLines(officialText(clipTitle(title))).map((line, i) => new TextRun({ text: line, font: runFonts(FONT.title), size: SIZE.hao2, ...(i > 0 ? { break: 1 } : {}) }))
  return gridParagraph(runs, { style, alignment: AlignmentType.CENTER, keepNext: true, keepLines: true })
}

/** A line flush with the left edge of the text block (主送 line; the 附件 label, which starts a new page). */
export function flushLine(text: string, options: { font?: string; newPage?: boolean } = {}): Paragraph {
  return gridParagraph([textRun(text, { font: options.font ?? FONT.body })], { alignment: AlignmentType.BOTH, ...(options.newPage ? { pageBreakBefore: true } : {}) })
}

/** A centred 3号 line (发文字号). */
export function centredLine(text: string): Paragraph {
  return gridParagraph([textRun(text)], { alignment: AlignmentType.CENTER })
}
