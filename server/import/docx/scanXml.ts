import { PlanError } from '../../../shared/plan/errors.ts'
import type { ImportLimits } from '../importLimits.ts'

/** What a scan of one XML part counted. */
export interface XmlCounts {
  nodes: number
  depth: number
  /** Elements named p (w:p in WordprocessingML). */
  paragraphs: number
  /** Characters directly inside elements named t (w:t). */
  textChars: number
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|</g

/**
 * Scans an XML part once, without building anything, and refuses it (PlanError) over the depth or
 * node limit, or when it declares a DOCTYPE or entities (billion laughs): Word never writes them,
 * and neither our parser nor mammoth's is handed a part that has not passed this scan. With
 * `main` set, paragraphs and text characters are held to their limits too.
 */
export function scanXml(xml: string, name: string, limits: ImportLimits, main = false): XmlCounts {
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) {
    throw new PlanError('docx-entities', `文件中的 ${name} 含有 DOCTYPE 或实体声明（Word 不会写入这些内容，可能是恶意文件），已拒绝导入`)
  }
  const counts: XmlCounts = { nodes: 0, depth: 0, paragraphs: 0, textChars: 0 }
  const open: string[] = []
  let inText = false
  let last = 0
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (inText) counts.textChars += m.index - last
    last = TOKEN.lastIndex
    const tag = m[2]
    if (tag === undefined) {
      if (m[0] === '<') throw new PlanError('docx-damaged', `文件中的 ${name} 不是有效的 XML，无法读取；请在 Word 或 WPS 中打开并重新保存后再导入`)
      continue
    }
    const local = tag.slice(tag.indexOf(':') + 1)
    if (m[1] === '/') {
      open.pop()
    } else {
      counts.nodes++
      if (local === 'p') counts.paragraphs++
      if (m[3] !== '/') {
        open.push(local)
        if (open.length > counts.depth) counts.depth = open.length
        if (open.length > limits.xmlDepth) {
          throw new PlanError('docx-too-complex', `文件中的 ${name} 嵌套层数超过上限（${limits.xmlDepth} 层），无法导入`)
        }
      }
    }
    inText = open[open.length - 1] === 't'
    check(counts, name, limits, main)
  }
  return counts
}

/** Throws on the first count over its limit; a bomb is stopped as soon as it crosses, not after. */
function check(counts: XmlCounts, name: string, limits: ImportLimits, main: boolean): void {
  if (counts.nodes > limits.xmlNodes) {
    throw new PlanError('docx-too-large', `文件中的 ${name} 元素数超过上限（${limits.xmlNodes} 个），无法导入`)
  }
  if (!main) return
  if (counts.paragraphs > limits.paragraphs) {
    throw new PlanError('docx-too-large', `文件中的段落数超过上限（${limits.paragraphs} 段），无法导入`)
  }
  if (counts.textChars > limits.textChars) {
    throw new PlanError('docx-too-large', `文件中的文字超过上限（${limits.textChars} 字），无法导入`)
  }
}
