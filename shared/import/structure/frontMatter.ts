import type { CoverNotice } from '../../plan/types.ts'
import { PARAGRAPH_END, SENTENCE_END } from '../../text/chars.ts'
import { splitIssuerDate } from './dates.ts'

/** What comes before the first section: the cover notice, the title and the preamble. */
export interface FrontMatter {
  notice?: CoverNotice
  title: string
  preamble: string[]
}

const ATTACHMENT = /^附件\s*[:：]\s*(\S.*)$/
const ATTACHMENT_LABEL = /^附件\s*[:：]?\s*\d*\s*$/
const NOTICE_TITLE = /^关于.{2,80}的?通知$/
const DOC_NUMBER = /^\S{1,12}[〔[（(]\d{4}[〕\]）)]\s*\d+\s*号$/
const TITLE_SUFFIX = /^(.{4,60}?(?:工作要点|工作计划|工作安排|要点|计划))/

/** Reads the front matter from its lines; titleHints are names a title is known to have (from the 附件 line or site boilerplate). */
export function parseFrontMatter(lines: string[], titleHints: string[]): FrontMatter {
  const rest = lines.map((l) => l.trim()).filter(Boolean)
  const at = rest.findIndex((l) => ATTACHMENT.test(l))
  let notice: CoverNotice | undefined
  if (at >= 0) {
    notice = readNotice(rest.splice(0, at + 1))
    const signature = readSignature(rest, notice.attachment)
    if (signature.issuer) notice.issuer = signature.issuer
    if (signature.date) notice.date = signature.date
    if (notice.attachment) titleHints = [notice.attachment, ...titleHints]
  }
  while (rest.length && ATTACHMENT_LABEL.test(rest[0])) rest.shift()
  const { title, remainder } = readTitle(rest, titleHints)
  return { ...(notice ? { notice } : {}), title, preamble: remainder }
}

/** The notice from its lines up to and including the 附件 line. */
function readNotice(lines: string[]): CoverNotice {
  const notice: CoverNotice = { addressee: '', body: [] }
  notice.attachment = ATTACHMENT.exec(lines.pop() ?? '')?.[1].trim()
  // GB/T 9704 prints the 发文字号 above the title; copies often put it below.
  if (lines.length && DOC_NUMBER.test(lines[0])) notice.docNumber = lines.shift()
  if (lines.length && NOTICE_TITLE.test(lines[0])) notice.title = lines.shift()
  if (!notice.docNumber && lines.length && DOC_NUMBER.test(lines[0])) notice.docNumber = lines.shift()
  const first = lines.shift()
  if (first !== undefined) {
    const colon = first.search(/[:：]/)
    const head = colon >= 0 ? first.slice(0, colon) : ''
    if (colon >= 0 && colon <= 60 && !SENTENCE_END.test(head)) {
      notice.addressee = head.trim()
      const after = first.slice(colon + 1).trim()
      if (after) notice.body.push(after)
    } else notice.body.push(first)
  }
  notice.body.push(...lines)
  return notice
}

/** Takes the issuer and date lines that follow the 附件 line off the front of `rest`; an issuer may stand alone before the plan's title (a draft not yet dated). */
function readSignature(rest: string[], attachment?: string): { issuer?: string; date?: string } {
  const one = rest.length ? splitIssuerDate(rest[0]) : undefined
  if (one) {
    rest.shift()
    return one
  }
  const two = rest.length > 1 ? splitIssuerDate(rest[1]) : undefined
  if (two && !two.issuer && rest[0].length <= 40 && !PARAGRAPH_END.test(rest[0])) {
    const issuer = rest.shift()
    rest.shift()
    return { issuer, date: two.date }
  }
  // The attachment page may open with its 附件 label (as the .docx export prints it) before the title.
  const next = rest.slice(1).find((l) => !ATTACHMENT_LABEL.test(l))
  if (attachment && next?.startsWith(attachment) && !rest[0].startsWith(attachment) && rest[0].length <= 40 && !PARAGRAPH_END.test(rest[0])) {
    return { issuer: rest.shift() }
  }
  return {}
}

/** The title from the first line(s); what follows it on the same line starts the preamble. */
function readTitle(lines: string[], hints: string[]): { title: string; remainder: string[] } {
  const [first, ...others] = lines
  if (first === undefined) return { title: '', remainder: [] }
  const hint = hints.find((h) => first.startsWith(h))
  if (hint) return split(first, hint.length, others)
  if (!PARAGRAPH_END.test(first) && !SENTENCE_END.test(first) && first.length <= 60) {
    // A long title is often broken over two lines in the official layout.
    const second = others[0]
    if (second && !TITLE_SUFFIX.test(first) && second.length <= 40 && !SENTENCE_END.test(second) && TITLE_SUFFIX.test(first + second)) {
      return { title: first + second, remainder: others.slice(1) }
    }
    return { title: first, remainder: others }
  }
  const m = TITLE_SUFFIX.exec(first)
  if (m) return split(first, m[1].length, others)
  return { title: '', remainder: lines }
}

function split(line: string, at: number, others: string[]): { title: string; remainder: string[] } {
  const after = line.slice(at).trim()
  return { title: line.slice(0, at).trim(), remainder: after ? [after, ...others] : others }
}
