import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx'
import { FONT, SIZE, runFonts } from './fonts.ts'
import { FOOTER_LINE } from './pageSetup.ts'

/** One 4号 character: the page number stands this far in from the outer edge of the text block. */
const ONE_CHARACTER = FOOTER_LINE

/**
 * The page-number footers of GB/T 9704 §7.5: "— 1 —" in 4号 half-width 宋体 numerals between em dashes,
 * on odd pages at the right, on even pages at the left, one character in from the edge. Needs
 * `evenAndOddHeaderAndFooters` on the document.
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') }
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd'
  const paragraph = new Paragraph({
    alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: odd ? { right: ONE_CHARACTER } : { left: ONE_CHARACTER },
    spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFonts(FONT.pageNumber), size: SIZE.hao4 })],
  })
  return new Footer({ children: [paragraph] })
}
