import { ListCounter } from './listCounter.ts'
import type { NumberingDefs } from './numberingDefinitions.ts'
import { readNumPr, type StyleNumbering } from './styleNumbering.ts'
import { child, descendants, escapeXml, val, type XmlDocument, type XmlElement } from './xmlTree.ts'

/** The document part with Word's automatic numbers written in as text, and how many paragraphs got one. */
export interface ListNumbersResult {
  xml: string
  numbered: number
}

/**
 * Writes the number Word would show in front of every automatically numbered paragraph of
 * document.xml as a plain run of text ("3.", "二、", "（一）"), so that the text read by mammoth
 * carries the numbers exactly as a copy from Word would. Numbering comes from the paragraph's own
 * w:numPr or from its paragraph style; w:numId 0 switches it off. The inserted run has no
 * formatting, so bold lead sentences after it stay recognisable.
 */
export function writeListNumbers(source: string, doc: XmlDocument, numbering: NumberingDefs, styles: StyleNumbering): ListNumbersResult {
  const counter = new ListCounter(numbering)
  const inserts: { at: number; text: string }[] = []
  for (const p of descendants(doc.root, 'w:p')) {
    const ref = paragraphList(p, numbering, styles)
    if (!ref) continue
    const label = counter.next(ref.numId, ref.ilvl)
    // Word numbers empty paragraphs too, so they are counted; a number alone on a line would only be noise.
    if (!label || p.selfClosing || !hasText(p)) continue
    const pPr = child(p, 'w:pPr')
    const w = doc.wordPrefix
    inserts.push({ at: pPr ? pPr.end : p.openEnd, text: `<${w}r><${w}t xml:space="preserve">${escapeXml(label)}</${w}t></${w}r>` })
  }
  let xml = ''
  let last = 0
  for (const ins of inserts) {
    xml += source.slice(last, ins.at) + ins.text
    last = ins.at
  }
  return { xml: xml + source.slice(last), numbered: inserts.length }
}

/** The list and level a paragraph is numbered with, or undefined when it is not numbered. */
function paragraphList(p: XmlElement, numbering: NumberingDefs, styles: StyleNumbering): { numId: string; ilvl: number } | undefined {
  const pPr = child(p, 'w:pPr')
  const direct = readNumPr(child(pPr, 'w:numPr'))
  const styleId = val(pPr, 'w:pStyle') ?? styles.defaultParagraphStyle
  const fromStyle = styleId === undefined ? undefined : styles.paragraph.get(styleId)
  const numId = direct.numId ?? fromStyle?.numId
  if (numId === undefined || numId === '0') return undefined
  const styleLevel = styleId === undefined ? undefined : numbering.styleLevels.get(styleId)
  const ilvl = direct.ilvl ?? (direct.numId === undefined ? (fromStyle?.ilvl ?? styleLevel) : undefined) ?? 0
  return { numId, ilvl }
}

function hasText(p: XmlElement): boolean {
  return descendants(p, 'w:t').some((t) => t.text.trim() !== '')
}
