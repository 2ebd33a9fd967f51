import { AlignmentType, LineRuleType, type IBaseParagraphStyleOptions, type IStylesOptions } from 'docx'
import { FONT, LANGUAGE, SIZE, runFonts } from './fonts.ts'
import { CHAR, CHARACTER_SPACING, LINE } from './pageSetup.ts'

/** Exact single-grid-line spacing with no space before or after: every paragraph sits on the 22-line grid. */
export const GRID_SPACING = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const

/** Two-character first-line indent: in characters for Word and WPS, in twips for older readers. */
export const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: 2 * CHAR } as const

/** Style ids the export writes; importers can map these names. */
export const STYLE = { title: 'Title', noticeTitle: 'NoticeTitle', heading1: 'Heading1', heading2: 'Heading2' } as const

/** Black 3号 text in a Chinese font, with the tightened spacing of the 28-character grid. */
function hao3(font: string): NonNullable<IBaseParagraphStyleOptions['run']> {
  return { font: runFonts(font), size: SIZE.hao3, color: '000000', bold: false, italics: false, characterSpacing: CHARACTER_SPACING, language: LANGUAGE }
}

const titleStyle: IBaseParagraphStyleOptions = {
  run: { font: runFonts(FONT.title), size: SIZE.hao2, color: '000000', bold: false, language: LANGUAGE },
  paragraph: { alignment: AlignmentType.CENTER, spacing: GRID_SPACING, keepNext: true, keepLines: true },
}

/** A 3号 heading indented two characters; outlineLevel 0 is Word's level 1 (navigation pane, table of contents). */
function headingStyle(font: string, outlineLevel?: number): IBaseParagraphStyleOptions {
  const paragraph = { alignment: AlignmentType.BOTH, spacing: GRID_SPACING, indent: FIRST_LINE_INDENT, keepNext: true }
  return { run: hao3(font), paragraph: outlineLevel === undefined ? paragraph : { ...paragraph, outlineLevel } }
}

/**
 * The styles of an export: 仿宋_GB2312 3号 body on the line grid, 小标宋 2号 titles, 黑体 and 楷体 headings.
 * docx's own heading and title styles are blue and sized for English documents; all of them are replaced.
 */
export function documentStyles(): IStylesOptions {
  const heading1 = headingStyle(FONT.heading1, 0)
  const heading2 = headingStyle(FONT.heading2, 1)
  const plain = headingStyle(FONT.body)
  return {
    default: {
      document: { run: hao3(FONT.body), paragraph: { spacing: GRID_SPACING } },
      title: titleStyle,
      heading1,
      heading2,
      heading3: plain,
      heading4: plain,
      heading5: plain,
      heading6: plain,
    },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run: hao3(FONT.body), paragraph: { alignment: AlignmentType.BOTH, spacing: GRID_SPACING } },
      { id: STYLE.noticeTitle, name: 'Notice Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, ...titleStyle },
    ],
  }
}
