import type { IFontAttributesProperties } from 'docx'

/**
 * Page and type of the 修改对照表, kept apart from the plan export's layout on purpose: the table is a
 * working document, set on A4 landscape so that old and new text sit side by side at a readable size.
 */
export const TABLE_PAGE = {
  /** A4 portrait size in twips; the section turns it to landscape. */
  width: 11906,
  height: 16838,
  /** 25 mm margins all round, in twips. */
  margin: 1417,
} as const

/** Usable width of the landscape page in twips. */
export const TABLE_WIDTH = TABLE_PAGE.height - 2 * TABLE_PAGE.margin

/** Column widths in twips: 原文 and 修改后 two fifths each, 修改说明 one fifth. */
export const COLUMN_WIDTHS = [Math.round(TABLE_WIDTH * 0.4), Math.round(TABLE_WIDTH * 0.4), TABLE_WIDTH - 2 * Math.round(TABLE_WIDTH * 0.4)] as const

/** Column widths in twips with 采纳情况 (when some 修订 was decided since the base): 原文 and 修改后 a third each, 修改说明 and 采纳情况 the rest. */
export const ADOPTION_WIDTHS = [
  Math.round(TABLE_WIDTH * 0.33),
  Math.round(TABLE_WIDTH * 0.33),
  Math.round(TABLE_WIDTH * 0.19),
  TABLE_WIDTH - 2 * Math.round(TABLE_WIDTH * 0.33) - Math.round(TABLE_WIDTH * 0.19),
] as const

/** Typefaces as Chinese Word and WPS installations name them. */
export const TABLE_FONT = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312' } as const

/** Sizes in half-points: title 2号 (22 pt), notes 4号 (14 pt), table text 小四 (12 pt). */
export const TABLE_SIZE = { title: 44, note: 28, cell: 24 } as const

/** East Asian language of every run, or renderers may pick Japanese glyph forms. */
export const TABLE_LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const

/** One Chinese font in every slot, so that digits, dashes and quotes print from it too. */
export function tableFont(font: string): IFontAttributesProperties {
  return { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' }
}
