/** A stretch of a paragraph's text and whether it is bold. */
export interface TextSegment {
  text: string
  bold: boolean
}

/** A paragraph of a .docx as mammoth reads it. */
export interface DocxParagraph {
  segments: TextSegment[]
  /** Style name (e.g. "Title", "标题 1"), when the paragraph has one. */
  styleName?: string
  /** Alignment as mammoth gives it ("center", "both", …). */
  alignment?: string
}

type Node = Record<string, unknown>

/**
 * Walks mammoth's document model (the value its transformDocument option receives) and collects
 * every paragraph in reading order, tables included, with bold runs marked. Only the fields this
 * importer needs are read, each narrowed from unknown, so a change in mammoth's model degrades to
 * missing text rather than a crash.
 */
export function collectParagraphs(document: unknown): DocxParagraph[] {
  const out: DocxParagraph[] = []
  visit(document, out)
  return out
}

function visit(value: unknown, out: DocxParagraph[]): void {
  if (!isNode(value)) return
  if (value.type === 'paragraph') {
    const segments: TextSegment[] = []
    runsOf(value, false, segments)
    const para: DocxParagraph = { segments }
    if (typeof value.styleName === 'string') para.styleName = value.styleName
    if (typeof value.alignment === 'string') para.alignment = value.alignment
    out.push(para)
    return
  }
  for (const c of childrenOf(value)) visit(c, out)
}

/** Text inside a paragraph: runs (with their bold flag), hyperlinks and other inline wrappers, tabs and breaks. */
function runsOf(node: Node, bold: boolean, segments: TextSegment[]): void {
  for (const c of childrenOf(node)) {
    if (!isNode(c)) continue
    if (c.type === 'text' && typeof c.value === 'string') push(segments, c.value, bold)
    else if (c.type === 'tab') push(segments, ' ', bold)
    else if (c.type === 'break') push(segments, c.breakType === 'line' || c.breakType === undefined ? '\n' : '', bold)
    else if (c.type === 'run') runsOf(c, c.isBold === true || /^(strong|bold|加粗|要点)$/i.test(String(c.styleName ?? '')), segments)
    else runsOf(c, bold, segments)
  }
}

function push(segments: TextSegment[], text: string, bold: boolean): void {
  if (!text) return
  const last = segments[segments.length - 1]
  if (last && last.bold === bold) last.text += text
  else segments.push({ text, bold })
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null
}

function childrenOf(node: Node): unknown[] {
  return Array.isArray(node.children) ? node.children : []
}
