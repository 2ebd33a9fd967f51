import type { ReturnParagraph, ReturnRun, WordComment } from '../../../shared/review/wordReturnTypes.ts'
import { child, descendants, val, type XmlElement } from './xmlTree.ts'

/** Containers whose paragraphs are not part of the one they sit in (text boxes, drawings): skipped inside a paragraph. */
const FOREIGN = new Set(['w:txbxContent', 'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:footnoteReference', 'w:endnoteReference'])

/** What a run inherits from the revision elements around it. */
interface RunState {
  kind: ReturnRun['kind']
  author?: string
  date?: string
}

/**
 * Reads every paragraph of a parsed document.xml with its runs' revision state: text inside w:ins
 * (or w:moveTo) is inserted, w:delText inside w:del (or w:moveFrom) deleted, everything else as
 * it was; each run lists the comments whose commentRangeStart/End surround it (ranges may cross
 * paragraphs). A paragraph whose mark carries w:ins was added as a whole.
 */
export function revisionParagraphs(root: XmlElement): ReturnParagraph[] {
  const open = new Set<string>()
  return descendants(root, 'w:p')
    .filter((p) => !insideForeign(p, root))
    .map((p) => readParagraph(p, open))
}

/** Reads word/comments.xml (absent part: no comments): each comment's id, author, date and text. */
export function wordComments(root: XmlElement | undefined): WordComment[] {
  if (!root) return []
  return descendants(root, 'w:comment').map((c) => {
    const text = descendants(c, 'w:p')
      .map((p) =>
        descendants(p, 'w:t')
          .map((t) => t.text)
          .join(''),
      )
      .join('\n')
      .trim()
    const date = c.attrs['w:date']
    return { id: c.attrs['w:id'] ?? '', author: c.attrs['w:author'] ?? '', ...(date ? { date } : {}), text }
  })
}

function readParagraph(p: XmlElement, open: Set<string>): ReturnParagraph {
  const runs: ReturnRun[] = []
  walk(p, { kind: 'same' }, open, runs)
  const pPr = child(p, 'w:pPr')
  const mark = child(child(pPr, 'w:rPr'), 'w:ins')
  const out: ReturnParagraph = { runs }
  if (mark) {
    const { author, date } = revisionOf(mark, 'ins')
    out.inserted = { author, ...(date ? { date } : {}) }
  }
  const style = val(pPr, 'w:pStyle')
  const jc = val(pPr, 'w:jc')
  if (style) out.styleName = style
  if (jc) out.alignment = jc
  return out
}

function walk(el: XmlElement, state: RunState, open: Set<string>, runs: ReturnRun[]): void {
  for (const c of el.children) {
    if (c.name === 'w:pPr' || c.name === 'w:p' || FOREIGN.has(c.name)) continue
    if (c.name === 'w:commentRangeStart') open.add(c.attrs['w:id'] ?? '')
    else if (c.name === 'w:commentRangeEnd') open.delete(c.attrs['w:id'] ?? '')
    else if (isRevision(c) && state.kind !== 'same') continue
    else if (c.name === 'w:ins' || c.name === 'w:moveTo') walk(c, { ...revisionOf(c, 'ins') }, open, runs)
    else if (c.name === 'w:del' || c.name === 'w:moveFrom') walk(c, { ...revisionOf(c, 'del') }, open, runs)
    else if (c.name === 'w:r') readRun(c, state, open, runs)
    else walk(c, state, open, runs)
  }
}

function readRun(r: XmlElement, state: RunState, open: Set<string>, runs: ReturnRun[]): void {
  const bold = isOn(child(child(r, 'w:rPr'), 'w:b'))
  let text = ''
  for (const c of r.children) {
    if (c.name === 'w:t' || c.name === 'w:delText') text += c.text
    else if (c.name === 'w:tab') text += ' '
    else if (c.name === 'w:noBreakHyphen') text += '-'
    else if (c.name === 'w:commentRangeStart') open.add(c.attrs['w:id'] ?? '')
    else if (c.name === 'w:commentRangeEnd') open.delete(c.attrs['w:id'] ?? '')
  }
  if (!text) return
  const comments = [...open]
  const last = runs[runs.length - 1]
  // Neighbours with the same state are one run: Word splits runs at every formatting change.
  if (last && last.kind === state.kind && last.author === state.author && last.date === state.date && last.bold === bold && same(last.comments, comments)) {
    last.text += text
    return
  }
  runs.push({ text, kind: state.kind, ...(state.author !== undefined ? { author: state.author } : {}), ...(state.date ? { date: state.date } : {}), bold, comments })
}

/**
 * A revision element. One inside another is text one reviewer added and another deleted again (Word
 * nests w:del in w:ins): it was not in the original and is not in the result, so it is skipped.
 */
function isRevision(el: XmlElement): boolean {
  return el.name === 'w:ins' || el.name === 'w:del' || el.name === 'w:moveTo' || el.name === 'w:moveFrom'
}

function revisionOf(el: XmlElement, kind: 'ins' | 'del'): RunState & { author: string } {
  const date = el.attrs['w:date']
  return { kind, author: el.attrs['w:author'] ?? '', ...(date ? { date } : {}) }
}

/** A toggle property (w:b) is on unless its w:val says false. */
function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false
  const v = el.attrs['w:val']
  return v === undefined || !/^(0|false|off)$/i.test(v)
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** True when a paragraph sits in a text box or drawing of another paragraph (read with that one's text box, not here). */
function insideForeign(p: XmlElement, root: XmlElement): boolean {
  return foreignDepth(root, p, false)
}

function foreignDepth(el: XmlElement, target: XmlElement, inForeign: boolean): boolean {
  for (const c of el.children) {
    if (c === target) return inForeign
    if (c.start <= target.start && target.end <= c.end) return foreignDepth(c, target, inForeign || FOREIGN.has(c.name))
  }
  return false
}
