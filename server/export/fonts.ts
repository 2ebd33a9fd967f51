import type { IFontAttributesProperties } from 'docx'

/** The typefaces GB/T 9704 names, under the names Chinese Word and WPS installations know them by. */
export const FONT = {
  /** Body text, items, signature: 仿宋_GB2312. */
  body: '仿宋_GB2312',
  /** Titles: 方正小标宋简体. */
  title: '方正小标宋简体',
  /** Level 1 headings 一、 and the 附件 label: 黑体. */
  heading1: '黑体',
  /** Level 2 headings （一）: 楷体_GB2312. */
  heading2: '楷体_GB2312',
  /** Page numbers: 宋体. */
  pageNumber: '宋体',
} as const

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { hao2: 44, hao3: 32, hao4: 28 } as const

/** East Asian and Latin language of every run; without zh-CN renderers may pick Japanese glyph forms. */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const

/**
 * The run fonts for a Chinese typeface. The GB2312 fonts carry half-width digits and Latin letters, so
 * the Chinese font fills every slot: Word sets em dashes, ellipses and curly quotes from hAnsi, and a
 * Latin font there would print them half-width.
 */
export function runFonts(font: string): IFontAttributesProperties {
  return { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' }
}
