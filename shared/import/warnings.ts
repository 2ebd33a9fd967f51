import type { PlanWarning } from '../plan/types.ts'

/** Every warning an import can give, with its Chinese message template ({n} and {detail} are filled in). */
export const IMPORT_WARNINGS = {
  'boilerplate-removed': '已删除网站附加文字 {n} 处：{detail}',
  'contents-removed': '已删除开头的目录 {n} 行',
  'record-removed': '已删除文末版记（抄送、印发）{n} 行',
  'other-pieces-removed': '文中还有另外 {n} 篇文档，只导入了第一篇',
  'page-markers-removed': '已删除分页标记 {n} 处（复制时混入正文的页码）',
  'page-numbers-removed': '已删除页码行 {n} 行',
  'stray-lines-removed': '已删除无文字的符号行 {n} 行',
  'stray-spaces-removed': '已删除字间多余空格 {n} 处',
  'punctuation-normalised': '已将 {n} 个半角标点改为全角',
  'numbering-gap': '编号不连续：{detail}',
  'numbering-repeat': '编号重复：{detail}',
  'numbering-restarts': '条目编号在各部分重新开始，已改为全文连续编号',
  truncated: '文档在句中结束，可能不完整：“{detail}”',
  'item-without-title': '第 {detail} 条没有开头的标题句（以“。”结束的第一句）',
  'headings-without-numerals': '有 {n} 个部分标题没有“一、”这样的序号，已按版式识别',
  'no-sections': '没有找到“一、”这样的部分标题，全部条目已放入一个未命名部分',
  'no-items': '没有找到“1.”这样的条目',
  'no-title': '没有找到文件标题',
  'docx-numbering-applied': '已按 Word 自动编号补出 {n} 处编号',
} as const

/** A warning code an import can give. */
export type ImportWarningCode = keyof typeof IMPORT_WARNINGS

/** Builds a warning with its Chinese message. */
export function importWarning(code: ImportWarningCode, fill: { n?: number; detail?: string } = {}): PlanWarning {
  const message = IMPORT_WARNINGS[code].replace('{n}', String(fill.n ?? '')).replace('{detail}', fill.detail ?? '')
  return { code, message }
}
