import type { ISectionPropertiesOptions } from 'docx'

/** A4 in twips (1/20 pt): 210 × 297 mm. */
export const PAGE = { width: 11906, height: 16838 } as const

/** GB/T 9704 margins in twips: 天头 37 mm, bottom 35 mm, 订口 28 mm, right 26 mm; the text block is 156 × 225 mm. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const

/** Exact line height in twips: 22 × 579 = 12738 fits the 12756-twip text block; 580 would give 21 lines. */
export const LINE = 579

/** Width of one 3号 (16 pt) character in twips, the unit of "indent 2 characters". */
export const CHAR = 320

/**
 * Run character spacing for 3号 text in twips: −0.25 pt makes a character 15.75 pt wide, so 28 of them
 * (441 pt) fit in the 442.25-pt line; at 16 pt only 27 would.
 */
export const CHARACTER_SPACING = -5

/** Width of the text block in twips. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

/** Height of one 4号 (14 pt) footer line in twips. */
export const FOOTER_LINE = 280

/**
 * Distance in twips from the bottom edge of the page to the bottom of the one-line footer, chosen so that
 * the middle of the "— 1 —" line sits 7 mm (397 twips) below the text block (GB/T 9704 §7.5).
 */
export const FOOTER_DISTANCE = MARGIN.bottom - 397 - FOOTER_LINE / 2

/**
 * The section properties of every export: paper, margins and footer distance. The 22-line grid comes
 * from exact line spacing, not from a document grid: with w:docGrid type "lines" LibreOffice gives a
 * 2号 title line two grid lines, and with "linesAndChars" it sets each character in its own cell.
 */
export function pageProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { ...MARGIN, header: 851, footer: FOOTER_DISTANCE, gutter: 0 },
    },
  }
}
