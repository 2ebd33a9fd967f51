/**
 * Lines that document-sharing and government sites add around copied text. Each pattern is
 * specific enough that it cannot be part of a plan's own text.
 */
const BOILERPLATE = [
  /由会员分享/,
  /可在线阅读/,
  /请在.{0,30}上搜索/,
  /\d+页珍藏版/,
  /下载(后|即)可编辑/,
  /^(公开属性|信息索引号|索引号|索取号|发布机构|生成日期|发文机关|主题分类|公开方式|公开范围)\s*[:：]/,
  /^(分享到|打印本页|关闭窗口|【打印】|【关闭】)/,
]

/** Boilerplate lines removed from a text, and the document names they mentioned (hints for the title). */
export interface BoilerplateResult {
  lines: string[]
  removed: string[]
  titleHints: string[]
}

/** Removes site boilerplate lines; names in 《…》 within them (minus a file extension) are kept as title hints. */
export function removeBoilerplate(lines: string[]): BoilerplateResult {
  const kept: string[] = []
  const removed: string[] = []
  const titleHints: string[] = []
  for (const line of lines) {
    if (!BOILERPLATE.some((re) => re.test(line.trim()))) {
      kept.push(line)
      continue
    }
    removed.push(line.trim())
    for (const m of line.matchAll(/《([^《》]{4,80})》/g)) {
      // "《X.docx(21页珍藏版)》": the page count comes after the extension, so it goes first.
      const name = m[1].replace(/[(（]\d+页珍藏版[)）]$/, '').replace(/\.(docx?|pdf|txt|wps)$/i, '').trim()
      if (!titleHints.includes(name)) titleHints.push(name)
    }
  }
  return { lines: kept, removed, titleHints }
}
