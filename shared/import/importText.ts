import { PlanError } from '../plan/errors.ts'
import { newId } from '../plan/ids.ts'
import type { Plan, PlanItem, PlanSection, PlanWarning } from '../plan/types.ts'
import { PARAGRAPH_END, SENTENCE_END } from '../text/chars.ts'
import { removeBoilerplate, SITE_TEXT_NAMES, type RemovedSiteText } from './cleanup/boilerplate.ts'
import { expandEnclosedNumerals } from './cleanup/enclosedNumerals.ts'
import { removePageMarkers } from './cleanup/pageMarkers.ts'
import { normalisePunctuation } from './cleanup/punctuation.ts'
import { firstPiece } from './cleanup/pieces.ts'
import { removeRecordLines } from './cleanup/recordLines.ts'
import { removeStrayLines } from './cleanup/strayLines.ts'
import { removeStraySpaces } from './cleanup/straySpaces.ts'
import { selectMarkers } from './structure/chain.ts'
import { splitClosing } from './structure/closing.ts'
import { removeContents } from './structure/contents.ts'
import { subsectionsAsItems } from './structure/subsectionItems.ts'
import { parseFrontMatter } from './structure/frontMatter.ts'
import { headingsByLayout } from './structure/layoutHeadings.ts'
import { splitLeadSentence } from '../plan/leadSentence.ts'
import { findMarkers, type MarkerCandidate } from './structure/markers.ts'
import { oneItemStyle } from './structure/itemStyle.ts'
import { resolveParts } from './structure/parts.ts'
import { inferMeta } from './meta.ts'
import { importWarning } from './warnings.ts'
import { extractPlanNotes } from '../breakdown/notes.ts'

/** Longest heading line taken as an item's title when the item has no lead sentence. */
const MAX_HEADING_TITLE = 40

/** Hints an importer of another format (.docx) can pass on. */
export interface ImportOptions {
  /** Names the title is known to have. */
  titleHints?: string[]
  /** Lead sentences known from formatting (bold runs at the start of an item). */
  leads?: string[]
}

/** A plan read from a file, with everything the import noticed. */
export interface ImportResult {
  plan: Plan
  warnings: PlanWarning[]
  /** What the file was; for Plan JSON the warnings are the ones stored in it, not new ones. */
  format?: 'text' | 'docx' | 'plan-json'
}

/**
 * A piece of a plan read from pasted text: the paragraphs before its first number, the items and
 * sub-sections before its first section heading, then its sections.
 */
export interface PlanPiece {
  lead: string[]
  /** Items and sub-sections that came before any 一、 heading (they belong to the section at the caret). */
  loose: Pick<PlanSection, 'items' | 'subsections'>
  sections: PlanSection[]
  warnings: PlanWarning[]
}

/**
 * Reads a piece of a plan (pasted text) with the same clean-up and recogniser as importText: no title,
 * notice or closing is looked for, and numbering starts wherever the piece starts (3. 4. or 三、).
 * Undefined when the piece has no number at a line start: then it is plain text.
 */
export function importPiece(raw: string, options: ImportOptions = {}): PlanPiece | undefined {
  const warnings: PlanWarning[] = []
  const { text } = cleanUp(raw, warnings)
  const markers = chooseMarkers(text, warnings, true)
  if (!markers.length) return undefined
  const { sections } = buildSections(text, markers, leadSet(options), false)
  const piece: Plan = { title: '', preamble: paragraphs(text.slice(0, markers[0].start)), sections, meta: {} }
  tidyFields(piece, warnings)
  // Before the first 一、 buildSections made a section without a heading: its content joins the caret's section.
  const loose = markers[0].kind === 'section' ? undefined : sections.shift()
  return { lead: piece.preamble, loose: { items: loose?.items ?? [], subsections: loose?.subsections ?? [] }, sections, warnings }
}

/** Lead sentences known from formatting (bold runs), with the same punctuation clean-up as the text. */
function leadSet(options: ImportOptions): Set<string> {
  return new Set((options.leads ?? []).map((l) => normalisePunctuation(l.trim()).text).filter(Boolean))
}

/** Reads a plan from plain text (one paragraph per line, or no line breaks at all). Throws PlanError when there is no structure. */
export function importText(raw: string, options: ImportOptions = {}): ImportResult {
  const warnings: PlanWarning[] = []
  const { text, titleHints } = cleanUp(raw, warnings)
  const markers = chooseMarkers(text, warnings)
  if (!markers.length) throw new PlanError('no-structure', '没有找到可识别的结构：文中既没有“一、”这样的部分标题，也没有“1.”这样的编号条目')
  const front = parseFrontMatter(text.slice(0, markers[0].start).split('\n'), [...(options.titleHints ?? []), ...titleHints])
  if (!front.title) warnings.push(importWarning('no-title'))
  const { sections, closing } = buildSections(text, markers, leadSet(options), true)
  const plan: Plan = { title: front.title, preamble: front.preamble, sections, meta: inferMeta(front.title, front.notice, closing) }
  if (front.notice) plan.notice = front.notice
  if (closing) plan.closing = closing
  tidyFields(plan, warnings)
  checkItems(plan, warnings)
  extractPlanNotes(plan, warnings)
  return { plan, warnings }
}

/** Removes copy artefacts line by line, then normalises punctuation; each kind removed gives a warning. */
function cleanUp(raw: string, warnings: PlanWarning[]): { text: string; titleHints: string[] } {
  const lines = expandEnclosedNumerals(raw.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ')).split('\n')
  const boiler = removeBoilerplate(lines)
  warnings.push(...siteTextWarnings(boiler.removed))
  const piece = firstPiece(boiler.lines)
  if (piece.others) warnings.push(importWarning('other-pieces-removed', { n: piece.others }))
  const contents = removeContents(piece.lines)
  if (contents.removed) warnings.push(importWarning('contents-removed', { n: contents.removed }))
  const record = removeRecordLines(contents.lines)
  if (record.removed) warnings.push(importWarning('record-removed', { n: record.removed }))
  const stray = removeStrayLines(record.lines)
  if (stray.removed) warnings.push(importWarning('stray-lines-removed', { n: stray.removed }))
  const pages = removePageMarkers(stray.lines)
  if (pages.markers) warnings.push(importWarning('page-markers-removed', { n: pages.markers }))
  if (pages.pageNumbers) warnings.push(importWarning('page-numbers-removed', { n: pages.pageNumbers }))
  const punct = normalisePunctuation(pages.lines.join('\n'))
  if (punct.count) warnings.push(importWarning('punctuation-normalised', { n: punct.count }))
  return { text: punct.text, titleHints: boiler.titleHints }
}

/** One warning for each kind of site text removed, quoting the first few pieces. */
function siteTextWarnings(removed: RemovedSiteText[]): PlanWarning[] {
  const kinds = [...new Set(removed.map((r) => r.kind))]
  return kinds.map((kind) => {
    const texts = removed.filter((r) => r.kind === kind).map((r) => r.text)
    const quoted = texts
      .slice(0, 3)
      .map((t) => `“${t.length > 24 ? `${t.slice(0, 24)}…` : t}”`)
      .join('、')
    return importWarning('boilerplate-removed', { n: texts.length, detail: `${SITE_TEXT_NAMES[kind]} ${quoted}` })
  })
}

/** The accepted structure markers; headings without numerals are found by layout when there are none with. */
function chooseMarkers(text: string, warnings: PlanWarning[], piece = false): MarkerCandidate[] {
  let chain = selectMarkers(oneItemStyle(resolveParts(findMarkers(text))), { fromFirst: piece })
  // In a pasted piece a short line before its items is text (layout headings need the document's title line).
  if (!piece && !chain.markers.some((m) => m.kind === 'section') && chain.markers.length) {
    const headings = headingsByLayout(text, chain.markers)
    if (headings.length) {
      chain = { markers: [...headings, ...chain.markers].sort((a, b) => a.start - b.start), warnings: chain.warnings }
      warnings.push(importWarning('headings-without-numerals', { n: headings.length }))
    }
  }
  warnings.push(...chain.warnings)
  return subsectionsAsItems(text, chain.markers)
}

/** Builds sections, sub-sections and items from the text between accepted markers; `withClosing` looks for an issuer and date after the last. */
function buildSections(text: string, markers: MarkerCandidate[], leads: Set<string>, withClosing: boolean): { sections: PlanSection[]; closing?: Plan['closing'] } {
  const sections: PlanSection[] = []
  let closing: Plan['closing']
  const current = (): PlanSection => {
    if (!sections.length) sections.push({ id: newId('s'), heading: '', intro: [], items: [], subsections: [] })
    return sections[sections.length - 1]
  }
  markers.forEach((m, i) => {
    let span = text.slice(m.end, markers[i + 1]?.start ?? text.length)
    if (withClosing && i === markers.length - 1) {
      const split = splitClosing(span)
      span = split.text
      closing = split.closing
    }
    if (m.kind === 'item') {
      const section = current()
      const target = section.subsections.length ? section.subsections[section.subsections.length - 1].items : section.items
      target.push(makeItem(span, leads))
      return
    }
    const { heading, intro } = headingAndIntro(span)
    if (m.kind === 'section') sections.push({ id: newId('s'), heading, intro, items: [], subsections: [] })
    else current().subsections.push({ id: newId('u'), heading, intro, items: [] })
  })
  return { sections, ...(closing ? { closing } : {}) }
}

/** An item from its text: the lead sentence of the first paragraph is the title; the rest is body. */
function makeItem(span: string, leads: Set<string>): PlanItem {
  const [first = '', ...rest] = paragraphs(span)
  const known = [...leads].find((l) => first.startsWith(l))
  const { title, body } = splitLeadSentence(first, known)
  // An item written as a short heading line (1.加强集体备课 / （一）加强师德建设) has that line as its title.
  if (!title && isHeadingLine(first)) return { id: newId('i'), title: first, body: rest.join('\n') }
  return { id: newId('i'), title, body: [body, ...rest].filter(Boolean).join('\n') }
}

/** A short line that states a topic and does not run on: no sentence end, no trailing comma or colon. */
function isHeadingLine(line: string): boolean {
  return line.length > 0 && line.length <= MAX_HEADING_TITLE && !SENTENCE_END.test(line) && !/[，；：、,;:]$/.test(line)
}

/** A heading is its first line; further lines (or text after a wide gap in unbroken copies) are intro paragraphs. */
function headingAndIntro(span: string): { heading: string; intro: string[] } {
  const [first = '', ...rest] = paragraphs(span)
  const gap = /^(\S[^。]{1,40}?)\s{1,}(\S.*。.*)$/.exec(first)
  if (gap && first.includes('。')) return { heading: gap[1], intro: [gap[2], ...rest] }
  return { heading: first, intro: rest }
}

function paragraphs(span: string): string[] {
  return span
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

/** Removes stray spaces inside every text field, with one warning for all of them. */
function tidyFields(plan: Plan, warnings: PlanWarning[]): void {
  let count = 0
  const tidy = (s: string): string => {
    const r = removeStraySpaces(s.trim())
    count += r.count
    return r.text
  }
  const tidyAll = (list: string[]): string[] => list.map(tidy)
  plan.title = tidy(plan.title)
  plan.preamble = tidyAll(plan.preamble)
  if (plan.notice) {
    plan.notice.body = tidyAll(plan.notice.body)
    plan.notice.addressee = tidy(plan.notice.addressee)
  }
  for (const s of plan.sections) {
    s.heading = tidy(s.heading)
    s.intro = tidyAll(s.intro)
    for (const u of s.subsections) {
      u.heading = tidy(u.heading)
      u.intro = tidyAll(u.intro)
    }
    for (const item of [...s.items, ...s.subsections.flatMap((u) => u.items)]) {
      item.title = tidy(item.title)
      item.body = item.body.split('\n').map(tidy).join('\n')
    }
  }
  if (count) warnings.push(importWarning('stray-spaces-removed', { n: count }))
}

/** Warnings about items: missing lead sentences, no items at all, and a text that stops mid-sentence. */
function checkItems(plan: Plan, warnings: PlanWarning[]): void {
  let n = 0
  let lastText = ''
  for (const s of plan.sections) {
    lastText = [s.heading, ...s.intro].filter(Boolean).pop() ?? lastText
    for (const item of [...s.items, ...s.subsections.flatMap((u) => u.items)]) {
      n++
      if (!item.title) warnings.push(importWarning('item-without-title', { detail: String(n) }))
      lastText = item.body.split('\n').pop() || item.title
    }
  }
  if (n === 0) warnings.push(importWarning('no-items'))
  if (plan.sections.length === 1 && !plan.sections[0].heading) warnings.push(importWarning('no-sections'))
  if (lastText && !PARAGRAPH_END.test(lastText)) warnings.push(importWarning('truncated', { detail: lastText.slice(-20) }))
}
