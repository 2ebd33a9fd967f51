/** WordprocessingML main namespaces (transitional and strict); elements in them are named `w:local` whatever prefix the file uses. */
const WORD_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'])

/** One element of a parsed XML part, with where it sits in the source so that it can be rewritten in place. */
export interface XmlElement {
  /** Qualified name; WordprocessingML names always read `w:…`. */
  name: string
  /** Attributes with entities decoded; WordprocessingML attributes read `w:…`. */
  attrs: Record<string, string>
  children: XmlElement[]
  /** Character data directly inside the element, entities decoded. */
  text: string
  /** Offsets in the source: start of the start tag, end of the start tag, end of the element. */
  start: number
  openEnd: number
  end: number
  selfClosing: boolean
}

/** A parsed XML part and the prefix (with its colon, or '') its own text uses for WordprocessingML. */
export interface XmlDocument {
  root: XmlElement
  wordPrefix: string
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/**
 * Parses an XML part of a .docx into a small element tree. Enough for WordprocessingML (no DTDs,
 * no external entities); throws Error on unbalanced tags so that a damaged file is refused, not misread.
 */
export function parseXml(xml: string): XmlDocument {
  const top = element('#document', {}, 0, 0, false)
  const stack: { el: SourcedElement; scope: Map<string, string> }[] = [{ el: top, scope: new Map() }]
  let wordPrefix: string | undefined
  let last = 0
  for (const m of xml.matchAll(TOKEN)) {
    const at = m.index ?? 0
    const frame = stack[stack.length - 1]
    if (at > last) frame.el.text += decodeEntities(xml.slice(last, at))
    last = at + m[0].length
    if (m[1] !== undefined) {
      frame.el.text += m[1]
      continue
    }
    const rawName = m[3]
    if (rawName === undefined) continue
    if (m[2] === '/') {
      const open = stack.length > 1 ? stack.pop() : undefined
      if (!open || open.el.source !== rawName) throw new Error(`unbalanced </${rawName}> at ${at}`)
      open.el.end = last
      continue
    }
    const raw = readAttrs(m[4])
    const scope = new Map(frame.scope)
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'xmlns') scope.set('', v)
      else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v)
    }
    const name = qualify(rawName, scope, true)
    if (wordPrefix === undefined && name.startsWith('w:')) wordPrefix = rawName.includes(':') ? rawName.slice(0, rawName.indexOf(':') + 1) : ''
    const attrs: Record<string, string> = {}
    for (const [k, v] of Object.entries(raw)) attrs[qualify(k, scope, false)] = v
    const el = element(name, attrs, at, last, m[5] === '/')
    el.source = rawName
    frame.el.children.push(el)
    if (el.selfClosing) el.end = last
    else stack.push({ el, scope })
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].el.name}>`)
  const root = top.children[0]
  if (!root) throw new Error('no root element')
  return { root, wordPrefix: wordPrefix ?? 'w:' }
}

/** The first child element with this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name)
}

/** All child elements with this name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : []
}

/** The w:val attribute of a named child, e.g. `val(lvl, 'w:numFmt')`. */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val']
}

/** Every descendant element with this name, in document order (elements inside a match are searched too). */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c)
    descendants(c, name, out)
  }
  return out
}

/** Escapes text for use inside an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

interface SourcedElement extends XmlElement {
  /** The name as written in the file, to match its end tag. */
  source?: string
}

function element(name: string, attrs: Record<string, string>, start: number, openEnd: number, selfClosing: boolean): SourcedElement {
  return { name, attrs, children: [], text: '', start, openEnd, end: openEnd, selfClosing }
}

/** Renames a name in a WordprocessingML namespace to `w:local`; unprefixed attributes stay unqualified. */
function qualify(name: string, scope: Map<string, string>, isElement: boolean): string {
  const colon = name.indexOf(':')
  if (colon < 0) return isElement && WORD_NAMESPACES.has(scope.get('') ?? '') ? `w:${name}` : name
  const ns = scope.get(name.slice(0, colon))
  return ns !== undefined && WORD_NAMESPACES.has(ns) ? `w:${name.slice(colon + 1)}` : name
}

function readAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of source.matchAll(ATTR)) attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? '')
  return attrs
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&'
    if (e === 'lt') return '<'
    if (e === 'gt') return '>'
    if (e === 'quot') return '"'
    if (e === 'apos') return "'"
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}
