import { TextRun, type IRunOptions } from 'docx'
import { FONT, SIZE, runFonts } from './fonts.ts'
import { officialText } from './officialText.ts'
import { CHARACTER_SPACING } from './pageSetup.ts'

/** How one run is set. */
export interface RunStyle {
  /** @default FONT.body (仿宋_GB2312) */
  font?: string
  /** Half-points. @default SIZE.hao3 (16 pt) */
  size?: number
  bold?: boolean
}

/**
 * The options of a run of printed text with its fonts and size written out in full, so that the
 * layout survives a reader that ignores styles; 3号 runs get the −0.25 pt spacing of the 28-character
 * grid. Revision runs (w:ins, w:del) take the same options, so that 修订 prints like the clean text.
 */
export function runOptions(text: string, style: RunStyle = {}): IRunOptions {
  const size = style.size ?? SIZE.hao3
  return {
    text: officialText(text),
    font: runFonts(style.font ?? FONT.body),
    size,
    ...(size === SIZE.hao3 ? { characterSpacing: CHARACTER_SPACING } : {}),
    ...(style.bold ? { bold: true } : {}),
  }
}

/** A run of printed text (see runOptions). */
export function textRun(text: string, style: RunStyle = {}): TextRun {
  return new TextRun(runOptions(text, style))
}
