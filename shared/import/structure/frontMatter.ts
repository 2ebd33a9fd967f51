import type { CoverNotice } from '../../plan/types.ts'
import { PARAGRAPH_END, SENTENCE_END } from '../../text/chars.ts'
import { foldTraditional } from '../cleanup/traditional.ts'
import { splitIssuerDate } from './dates.ts'
import { joinWords } from './joinWords.ts'

/** What comes before the first section: the cover notice, the title and the preamble. */
export interface FrontMatter {
  notice?: CoverNotice
  title: string
  preamble: string[]
}

const ATTACHMENT = /^附件\s*[:：]\s*(\S.*)$/
const ATTACHMENT_LABEL = /^附件\s*[:：]?\s*\d*\s*$/
/** 关于印发…的通知, also with the issuer first: 上海市教育委员会关于印发《…》的通知. */
const NOTICE_TITLE = /^.{0,40}?关于.{2,80}的?通知$/
const DOC_NUMBER = /^\S{1,12}[〔[（(]\d{4}[〕\]）)]\s*\d+\s*号$/
/** A 主送 line: who the notice goes to, ending with a colon. */
const ADDRESSEE = /^[^。！？]{2,60}[:：]$/
/** The red header of an official document: 某某区教育局文件. */
const DOC_HEADER = /^\S{2,30}文件$/
const TITLE_SUFFIX = /^(.{4,60}?(?:工作要点|工作计划|工作安排|要点|计划))/
/** How a title line ends when the title is complete: with the kind of document. */
const TITLE_END = /(?:要点|计划|安排|方案|意见|规划|通知|办法|总结|报告|纲要|措施|细则|思路|\b[Pp]lans?|\b[Pp]riorities)(?:[（(][^（()）]{2,6}[)）])?$/
/** The mark of a draft's stage, printed after or under the title. */
const DRAFT = '[（(](?:征求意见稿|讨论稿|送审稿|审议稿|草案|试行|暂行|修订稿|初稿|定稿)[)）]'
const DRAFT_MARK = new RegExp(`^${DRAFT}$`)
const DRAFT_END = new RegExp(`${DRAFT}$`)
/** Most lines a title is broken over in the official layout. */
const MAX_TITLE_LINES = 4

/** Reads the front matter from its lines; titleHints are names a title is known to have (from the 附件 line or site boilerplate). */
export function parseFrontMatter(lines: string[], titleHints: string[]): FrontMatter {
  // A page title repeated as the document's own title line (once the site lines between are gone) is one title.
  const rest = joinNoticeTitle(lines.map((l) => l.trim()).filter((l, i, all) => l && !(l === all[i + 1]?.trim() && !SENTENCE_END.test(l))))
  const at = rest.findIndex((l) => ATTACHMENT.test(l))
  let notice: CoverNotice | undefined
  const unattached = at < 0 ? signedNoticeEnd(rest) : -1
  if (unattached > 0) {
    notice = readNotice(rest.splice(0, unattached + 1), false)
    const signature = noticeSignature(notice)
    if (signature.issuer) notice.issuer = signature.issuer
    if (signature.date) notice.date = signature.date
  } else if (at >= 0) {
    notice = readNotice(rest.splice(0, at + 1), true)
    const signature = readSignature(rest, notice.attachment)
    if (signature.issuer) notice.issuer = signature.issuer
    if (signature.date) notice.date = signature.date
    if (notice.attachment) titleHints = [notice.attachment, ...titleHints]
  }
  while (rest.length && ATTACHMENT_LABEL.test(rest[0])) rest.shift()
  const { title, remainder } = readTitle(rest, titleHints)
  return { ...(notice ? { notice } : {}), title, preamble: remainder }
}

/**
 * Web copies of a notice often have no 附件 line: the notice (its title first, maybe under its 发文字号)
 * then ends at its date, and the plan's own title follows. Returns the index of that date line, or -1.
 */
function signedNoticeEnd(lines: string[]): number {
  // The notice opens with its title, its 发文字号 or (when neither was copied) its 主送 line.
  let at = lines.length > 1 && DOC_HEADER.test(lines[0]) ? 1 : 0
  const opening = at
  if (isDocNumber(lines[at] ?? '')) at++
  const titleAt = isNoticeTitle(lines[at] ?? '') ? at++ : -1
  if (titleAt >= 0 && isDocNumber(lines[at] ?? '')) at++
  if (at === opening && !ADDRESSEE.test(lines[at] ?? '')) return -1
  // The plan's own title is the name the notice issues (《…》); a date the copy garbled is then no matter.
  const name = /《([^《》]{4,80})》/.exec(titleAt >= 0 ? lines[titleAt] : (lines[at + 1] ?? ''))?.[1]
  const named = name ? lines.findIndex((l, i) => i > at && l === name) : -1
  if (named > 0) return named - 1
  for (let i = at + 1; i < lines.length - 1; i++) {
    if (SENTENCE_END.test(lines[i].slice(-1)) || lines[i].length > 40) continue
    if (splitIssuerDate(lines[i])) return titleAt >= 0 || at > opening ? i : -1
  }
  return -1
}

/** Takes the issuer and date off the end of a notice read without a 附件 line. */
function noticeSignature(notice: CoverNotice): { issuer?: string; date?: string } {
  const signature = splitIssuerDate(notice.body[notice.body.length - 1] ?? '')
  if (!signature) {
    // Not dated yet: a short name without digits under the body is the issuer.
    const last = notice.body[notice.body.length - 1] ?? ''
    return notice.body.length > 1 && /^[^\d。！？：:，,]{2,40}$/.test(last) && !PARAGRAPH_END.test(last) ? { issuer: notice.body.pop() } : {}
  }
  notice.body.pop()
  const prev = notice.body[notice.body.length - 1]
  if (!signature.issuer && prev && prev.length <= 40 && !PARAGRAPH_END.test(prev) && !/[:：]$/.test(prev)) signature.issuer = notice.body.pop()
  return signature
}

/** A notice title broken over two or three lines (copies out of a PDF) is put back on one line. */
function joinNoticeTitle(lines: string[]): string[] {
  for (let start = 0; start < Math.min(3, lines.length); start++) {
    for (let n = 2; n <= 3 && start + n <= lines.length; n++) {
      const parts = lines.slice(start, start + n)
      if (parts.some((l) => l.length > 40 || SENTENCE_END.test(l) || isNoticeTitle(l))) break
      const joined = parts.reduce(joinWords)
      if (isNoticeTitle(joined)) return [...lines.slice(0, start), joined, ...lines.slice(start + n)]
    }
  }
  return lines
}

function isDocNumber(line: string): boolean {
  return DOC_NUMBER.test(foldTraditional(line))
}

function isNoticeTitle(line: string): boolean {
  return NOTICE_TITLE.test(foldTraditional(line))
}

/** The notice from its lines, up to and including the 附件 line when it has one. */
function readNotice(lines: string[], attached: boolean): CoverNotice {
  const notice: CoverNotice = { addressee: '', body: [] }
  if (attached) notice.attachment = ATTACHMENT.exec(lines.pop() ?? '')?.[1].trim()
  // GB/T 9704 prints the 发文字号 above the title; copies often put it below.
  if (lines.length > 1 && DOC_HEADER.test(lines[0])) lines.shift()
  if (lines.length && isDocNumber(lines[0])) notice.docNumber = lines.shift()
  if (lines.length && isNoticeTitle(lines[0])) notice.title = lines.shift()
  if (!notice.docNumber && lines.length && isDocNumber(lines[0])) notice.docNumber = lines.shift()
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
  const read = readTitleLines(lines, hints)
  // A draft's mark printed under its title belongs to the title: …工作要点（征求意见稿）.
  const next = read.remainder[0]
  if (read.title && next && DRAFT_MARK.test(next) && !DRAFT_END.test(read.title)) return { title: read.title + next, remainder: read.remainder.slice(1) }
  return read
}

function readTitleLines(lines: string[], hints: string[]): { title: string; remainder: string[] } {
  const [first, ...others] = lines
  if (first === undefined) return { title: '', remainder: [] }
  const hint = hints.find((h) => first.startsWith(h))
  if (hint) return split(first, hint.length, others)
  if ((!PARAGRAPH_END.test(first) || DRAFT_END.test(first)) && !SENTENCE_END.test(first) && first.length <= 60) return joinTitleLines(lines)
  const m = TITLE_SUFFIX.exec(first)
  if (m) return split(first, m[1].length, others)
  return { title: '', remainder: lines }
}

/**
 * A long title is often broken over two to four lines in the official layout, anywhere in the
 * middle: short lines without a sentence end are joined while that completes the title's kind
 * (…工作要点, …实施意见). Words of Latin script keep the space between them.
 */
function joinTitleLines(lines: string[]): { title: string; remainder: string[] } {
  const title = lines[0]
  if (TITLE_END.test(foldTraditional(title))) return { title, remainder: lines.slice(1) }
  for (let n = 2; n <= Math.min(MAX_TITLE_LINES, lines.length); n++) {
    const parts = lines.slice(0, n)
    if (parts.slice(1).some((l) => l.length > 40 || SENTENCE_END.test(l) || PARAGRAPH_END.test(l))) break
    const joined = parts.reduce(joinWords)
    if (TITLE_END.test(foldTraditional(joined))) return { title: joined, remainder: lines.slice(n) }
  }
  return { title, remainder: lines.slice(1) }
}

function split(line: string, at: number, others: string[]): { title: string; remainder: string[] } {
  const after = line.slice(at).trim()
  return { title: line.slice(0, at).trim(), remainder: after ? [after, ...others] : others }
}
