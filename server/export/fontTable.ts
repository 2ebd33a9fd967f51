import { FONT } from './fonts.ts'

/** What Word needs to stand in for a typeface the reader's machine lacks. */
export interface FontFallback {
  /**
   * The font to use instead, tried by name before any substitution by metrics (w:altName,
   * ECMA-376 §17.8.3.1). One name only: Word's handling of the comma-separated list the standard
   * allows is not documented, and a list it took as one name would find nothing.
   */
  altName: string
  /** PANOSE-1 classification, ten bytes in hex, for substitution by metrics when altName is missing too. */
  panose: string
  family: 'roman' | 'swiss' | 'modern' | 'auto'
  pitch: 'fixed' | 'variable'
}

/**
 * Stand-ins every Chinese Windows installation has: the GB2312 fonts of GB/T 9704 ship only with
 * older Windows or a font pack, 仿宋 (FangSong), 楷体 (KaiTi), 黑体 (SimHei) and 宋体 (SimSun) ship with
 * every version. 方正小标宋简体 has no system equivalent; 华文中宋 (from Chinese Office) is the closest,
 * and without it Word substitutes by the metrics below, which lands on 宋体.
 */
export const FONT_FALLBACKS: Record<string, FontFallback> = {
  [FONT.body]: { altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  [FONT.heading2]: { altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  [FONT.heading1]: { altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  [FONT.pageNumber]: { altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
  [FONT.title]: { altName: '华文中宋', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
}

/** GB2312 (simplified Chinese) in the font table's w:charset. */
const GB2312_CHARSET = '86'

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

/**
 * word/fontTable.xml naming every typeface of the export with its stand-in, charset and metrics, so
 * that Word on a machine without 仿宋_GB2312 sets the body in 仿宋 rather than its default font.
 * (The docx library writes an empty font table.) LibreOffice ignores w:altName and uses fontconfig.
 */
export function fontTableXml(): string {
  const fonts = Object.entries(FONT_FALLBACKS).map(
    ([name, f]) =>
      `<w:font w:name="${escape(name)}"><w:altName w:val="${escape(f.altName)}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="${GB2312_CHARSET}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  )
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  )
}
