import { boldLead, type TextSegment } from './boldLead.ts'
import { decodeEntities } from './pasteEntities.ts'
import { listNumberer, type ListNumberer } from './pasteListNumbers.ts'

/** Clipboard HTML as the text importer reads it: one paragraph per line, and the bold lead sentences of items. */
export interface PastedText {
  text: string
  leads: string[]
}

/** Parts with no text to paste: styles, scripts, Word's <xml> settings, the page head. */
const DROPPED = /<(style|script|head|title|xml|template|noscript|svg|object|iframe|select|button)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
/** Comments, Word's conditional markers (<![if !supportLists]> keeps its content: the list number) and declarations. */
const MARKUP_NOISE = /<!--[\s\S]*?-->|<!\[(?:if[^\]]*|endif)\]>|<\?[\s\S]*?\?>|<![a-zA-Z][^>]*>/g
// An attribute never holds "<", so a stray "<" costs a scan to the next one, not to the end of the text.
const TOKEN = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>|([^<]+)|</g
const CJK_WRAP = /([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t]*[\r\n][ \t\r\n]*(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g
/** An entry that numbers itself (a site that writes "1." inside an <ol> entry). */
const OWN_NUMBER = /^\s*(?:\d{1,3}\s*[.．、）)]|[（(]\s*[\d一二三四五六七八九十]|[一二三四五六七八九十]{1,3}\s*、)/
const CJK_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'pre',
  'dd',
  'dt',
  'dl',
  'figure',
  'figcaption',
  'address',
  'center',
  'caption',
  'hr',
  'br',
  'body',
  'html',
])
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'wbr', 'col', 'area', 'base', 'source', 'embed', 'param', 'track'])
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem)?\s*(?:;|$)/i

interface Open {
  name: string
  bold: boolean
  hidden: boolean
}

/**
 * Turns clipboard HTML from Word, WPS or a web page into lines of text, reading it as a string (shared
 * code has no DOM): paragraphs, list entries, headings, table cells and <br> end lines; Word's list
 * numbers (in mso-list:Ignore spans, or from its @list rules when left out) and an <ol>'s numbers are
 * written into the text, so the importer sees the numbers the author saw; hidden text is left out.
 */
export function clipboardText(html: string): PastedText {
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1]).join('\n')
  const walker = new Walker(listNumberer(styles))
  const body = html.replace(MARKUP_NOISE, '').replace(DROPPED, '')
  for (const m of body.matchAll(TOKEN)) {
    if (m[4] !== undefined || m[0] === '<') walker.text(m[0])
    else if (m[1]) walker.close(m[2].toLowerCase())
    else walker.open(m[2].toLowerCase(), m[3])
  }
  return walker.finish()
}

/** Walks tags and text in order, keeping what is open (bold, hidden) and the line being built. */
class Walker {
  private lines: TextSegment[][] = []
  private line: TextSegment[] = []
  private stack: Open[] = []
  private lists: { ordered: boolean; next: number }[] = []
  /** The Word list of the paragraph being read (mso-list), until its number is seen in an Ignore span. */
  private wordList: { list: string; instance: string; level: number; seen: boolean } | undefined
  /** Length of the <ol> number written at the line start (dropped if the entry's own text has a number too). */
  private listPrefix = 0
  /** The last character of the line so far (reading it back from the line would be quadratic). */
  private lastChar = ''

  constructor(private readonly numberer: ListNumberer) {}

  open(name: string, attrs: string): void {
    const style = attr(attrs, 'style') ?? ''
    const parent = this.stack[this.stack.length - 1]
    // <li><p>…</p></li> (Google Docs, many sites): the paragraph goes on the entry's number line.
    const onlyNumber = this.listPrefix > 0 && this.line.length === 1 && this.line[0].text.length === this.listPrefix
    if (BLOCKS.has(name) && !onlyNumber) this.endLine()
    if (name === 'ol' || name === 'ul') this.lists.push({ ordered: name === 'ol', next: Number(attr(attrs, 'start') ?? 1) || 1 })
    if (name === 'li') this.listNumber(attrs)
    const list = /mso-list\s*:\s*(l\d+)\s+level(\d+)\s+(lfo\d+)/i.exec(style)
    if (list && name === 'p') this.wordList = { list: list[1], level: Number(list[2]), instance: list[3], seen: false }
    if (/mso-list\s*:\s*ignore/i.test(style) && this.wordList) this.wordList.seen = true
    if (VOID.has(name) || /\/\s*$/.test(attrs)) return
    const weight = /font-weight\s*:\s*(\w+)/i.exec(style)?.[1].toLowerCase()
    const bold = weight ? weight === 'bold' || weight === 'bolder' || Number(weight) >= 600 : name === 'b' || name === 'strong' || Boolean(parent?.bold)
    this.stack.push({ name, bold, hidden: Boolean(parent?.hidden) || HIDDEN_STYLE.test(style) })
  }

  close(name: string): void {
    const at = this.stack.map((o) => o.name).lastIndexOf(name)
    if (at >= 0) this.stack.length = at
    if (name === 'ol' || name === 'ul') this.lists.pop()
    if (BLOCKS.has(name)) this.endLine()
  }

  text(raw: string): void {
    const top = this.stack[this.stack.length - 1]
    if (top?.hidden) return
    // Word wraps its HTML source inside Chinese text: a line break there is no space.
    let source = raw.replace(CJK_WRAP, '$1')
    if (CJK_END.test(this.lastChar)) source = source.replace(/^[ \t]*[\r\n][ \t\r\n]*/, '')
    const text = decodeEntities(source.replace(/[ \t\r\n\f]+/g, ' '))
    if (!text) return
    this.lastChar = text[text.length - 1]
    const bold = Boolean(top?.bold)
    const last = this.line[this.line.length - 1]
    if (last && last.bold === bold) last.text += text
    else this.line.push({ text, bold })
  }

  finish(): PastedText {
    this.endLine()
    const leads: string[] = []
    const lines = this.lines.map((segments) => {
      const lead = boldLead(segments)
      if (lead) leads.push(lead)
      return segments.map((s) => s.text).join('')
    })
    return { text: lines.join('\n'), leads }
  }

  /** An <ol>'s entries are numbered by the browser, not in the text: write 1. 2. (（1） one level down). */
  private listNumber(attrs: string): void {
    const list = this.lists[this.lists.length - 1]
    if (!list?.ordered) return
    const n = Number(attr(attrs, 'value') ?? list.next) || list.next
    list.next = n + 1
    const depth = this.lists.filter((l) => l.ordered).length
    const prefix = depth > 1 ? `（${n}）` : `${n}.`
    this.line.push({ text: prefix, bold: false })
    this.listPrefix = prefix.length
  }

  private endLine(): void {
    const list = this.wordList
    this.wordList = undefined
    const text = this.line.map((s) => s.text).join('')
    if (list && !list.seen && text.trim()) {
      const number = this.numberer(list.list, list.instance, list.level)
      if (number) this.line.unshift({ text: number, bold: false })
    }
    if (
      this.listPrefix &&
      this.line.length &&
      OWN_NUMBER.test(
        this.line
          .map((s) => s.text)
          .join('')
          .slice(this.listPrefix),
      )
    )
      this.line[0].text = this.line[0].text.slice(this.listPrefix)
    this.listPrefix = 0
    // nbsp and other spacing are spaces to the importer; a line of spaces is no line.
    const segments = this.line.map((s) => ({ ...s, text: s.text.replace(/[\u00a0\u2002\u2003\u2009\u3000]/g, ' ') }))
    this.line = []
    this.lastChar = ''
    if (!segments.some((s) => s.text.trim())) return
    segments[0].text = segments[0].text.trimStart()
    segments[segments.length - 1].text = segments[segments.length - 1].text.trimEnd()
    this.lines.push(segments.filter((s) => s.text))
  }
}

/** The value of one attribute in a tag's attribute text, quoted or not. */
function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs)
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined
}
