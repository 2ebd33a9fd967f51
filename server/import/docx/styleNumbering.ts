import { child, childrenNamed, val, type XmlElement } from './xmlTree.ts'

/** A reference to a list: w:numId and w:ilvl, either of which may be left to inheritance. */
export interface NumberingRef {
  numId?: string
  ilvl?: number
}

/** What styles.xml says about numbering. */
export interface StyleNumbering {
  /** Paragraph style id → the list it numbers its paragraphs with, after following w:basedOn. */
  paragraph: Map<string, NumberingRef>
  /** Numbering style id → its w:numId; abstract numberings point at these through w:numStyleLink. */
  numberingStyles: Map<string, string>
  /** The style of paragraphs without w:pStyle. */
  defaultParagraphStyle?: string
}

/** Reads the numbering of paragraph and numbering styles from styles.xml (absent part: no style numbering). */
export function readStyleNumbering(root: XmlElement | undefined): StyleNumbering {
  const own = new Map<string, { ref: NumberingRef; basedOn?: string }>()
  const numberingStyles = new Map<string, string>()
  let defaultParagraphStyle: string | undefined
  for (const style of childrenNamed(root, 'w:style')) {
    const id = style.attrs['w:styleId']
    if (!id) continue
    const type = style.attrs['w:type'] ?? 'paragraph'
    const ref = readNumPr(child(child(style, 'w:pPr'), 'w:numPr'))
    if (type === 'numbering' && ref.numId) numberingStyles.set(id, ref.numId)
    if (type !== 'paragraph') continue
    if (style.attrs['w:default'] === '1' || style.attrs['w:default'] === 'true') defaultParagraphStyle = id
    const basedOn = val(style, 'w:basedOn')
    own.set(id, { ref, ...(basedOn ? { basedOn } : {}) })
  }
  const paragraph = new Map<string, NumberingRef>()
  for (const id of own.keys()) {
    const resolved = resolve(id, own)
    if (resolved.numId !== undefined) paragraph.set(id, resolved)
  }
  return { paragraph, numberingStyles, ...(defaultParagraphStyle ? { defaultParagraphStyle } : {}) }
}

/** The numId and ilvl of a w:numPr element; missing parts stay undefined. */
export function readNumPr(numPr: XmlElement | undefined): NumberingRef {
  const ref: NumberingRef = {}
  const numId = val(numPr, 'w:numId')
  const ilvl = val(numPr, 'w:ilvl')
  if (numId !== undefined) ref.numId = numId
  if (ilvl !== undefined && /^\d+$/.test(ilvl)) ref.ilvl = Number(ilvl)
  return ref
}

/** numId and ilvl inherited separately along w:basedOn (nearest style wins); cycles end the walk. */
function resolve(id: string, own: Map<string, { ref: NumberingRef; basedOn?: string }>): NumberingRef {
  const out: NumberingRef = {}
  const seen = new Set<string>()
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = own.get(at)?.basedOn) {
    seen.add(at)
    const ref = own.get(at)?.ref
    if (!ref) break
    if (out.numId === undefined && ref.numId !== undefined) out.numId = ref.numId
    if (out.ilvl === undefined && ref.ilvl !== undefined) out.ilvl = ref.ilvl
  }
  return out
}
