import JSZip from 'jszip'
import { child, childrenNamed, descendants, parseXml, type XmlElement } from '../../../server/import/docx/xmlTree.ts'

/** The parsed parts of an exported .docx that the layout checks read. */
export interface ExportedParts {
  body: XmlElement
  sectPr: XmlElement
  styles: XmlElement
  settings: XmlElement
  /** Footers by their w:footerReference type (default, even). */
  footers: Map<string, XmlElement>
  /** docProps/core.xml as text. */
  core: string
}

/** Unzips an export and parses document.xml, styles.xml, settings.xml and the footers it references. */
export async function exportedParts(bytes: Uint8Array): Promise<ExportedParts> {
  const zip = await JSZip.loadAsync(bytes)
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path)
    if (!file) throw new Error(`missing part ${path}`)
    return file.async('string')
  }
  const document = parseXml(await read('word/document.xml')).root
  const body = child(document, 'w:body')
  if (!body) throw new Error('no w:body')
  const sectPr = child(body, 'w:sectPr')
  if (!sectPr) throw new Error('no final w:sectPr')
  const rels = await read('word/_rels/document.xml.rels')
  const footers = new Map<string, XmlElement>()
  for (const ref of childrenNamed(sectPr, 'w:footerReference')) {
    const id = ref.attrs['r:id']
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)
    const path = target?.[1] ?? target?.[2]
    if (path) footers.set(ref.attrs['w:type'], parseXml(await read(`word/${path}`)).root)
  }
  return {
    body,
    sectPr,
    styles: parseXml(await read('word/styles.xml')).root,
    settings: parseXml(await read('word/settings.xml')).root,
    footers,
    core: await read('docProps/core.xml'),
  }
}

/** One run of a paragraph with the properties the checks look at. */
export interface RunInfo {
  text: string
  bold: boolean
  fonts: Record<string, string>
  size?: string
  spacing?: string
}

/** One body paragraph: its text (line breaks as \n), style, alignment and runs. */
export interface ParagraphInfo {
  el: XmlElement
  text: string
  style?: string
  align?: string
  runs: RunInfo[]
}

/** The paragraphs of the document body in order. */
export function paragraphs(body: XmlElement): ParagraphInfo[] {
  return childrenNamed(body, 'w:p').map((p) => {
    const pPr = child(p, 'w:pPr')
    const runs = childrenNamed(p, 'w:r').map(runInfo)
    return {
      el: p,
      text: runs.map((r) => r.text).join(''),
      style: child(pPr, 'w:pStyle')?.attrs['w:val'],
      align: child(pPr, 'w:jc')?.attrs['w:val'],
      runs,
    }
  })
}

function runInfo(r: XmlElement): RunInfo {
  const rPr = child(r, 'w:rPr')
  const b = child(rPr, 'w:b')
  const text = r.children.map((c) => (c.name === 'w:t' ? c.text : c.name === 'w:br' ? '\n' : c.name === 'w:tab' ? '\t' : '')).join('')
  const info: RunInfo = { text, bold: b !== undefined && b.attrs['w:val'] !== 'false' && b.attrs['w:val'] !== '0', fonts: { ...child(rPr, 'w:rFonts')?.attrs } }
  const size = child(rPr, 'w:sz')?.attrs['w:val']
  if (size !== undefined) info.size = size
  const spacing = child(rPr, 'w:spacing')?.attrs['w:val']
  if (spacing !== undefined) info.spacing = spacing
  return info
}

/** A paragraph property element, e.g. prop(p, 'w:ind'). */
export function prop(p: ParagraphInfo, name: string): XmlElement | undefined {
  return child(child(p.el, 'w:pPr'), name)
}

/** A style of styles.xml by its id. */
export function style(styles: XmlElement, id: string): XmlElement | undefined {
  return childrenNamed(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id)
}

/** Every element with this name under el (re-exported for the checks). */
export { descendants, child }
