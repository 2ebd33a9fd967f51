import { describeChange, itemNumbers, ITEM_KIND_LABELS } from '../diff/describeChange.ts'
import type { DiffSummary, ItemChangeKind, ItemDiff, PlanDiff, SectionChangeKind, SectionDiff, TextSpan } from '../diff/types.ts'
import { entryAuthors, itemEntryAuthors, type AuthorView } from '../diff/entryAuthors.ts'
import { adoptionFor, type Adoption, type DecidedSuggestion } from './adoption.ts'
import { entryNote, sectionChip, sectionDescription, sectionNote } from './entryNote.ts'
import { sideParagraphs, type Paragraph } from './textParagraphs.ts'

/** Per plan node, who changed it since the base (reviews against a version or a visit); the shape entryAuthors reads. */
export type Authors = Parameters<typeof entryAuthors>[1]

/** One diff entry (an item kept, changed, added, removed, merged or split) ready to show. */
export interface ItemView {
  /** Stable within one model; also the element id the change list scrolls to. */
  key: string
  kind: ItemChangeKind
  changed: boolean
  diff: ItemDiff
  /** The kind as reviewers say it: 修改, 新增, 合并 … (ITEM_KIND_LABELS). */
  chip: string
  /** Short label beside the kind: 原第6、7条合并 (see entryNote). */
  note: string
  /** The full sentence of describeChange, for tooltips. */
  description: string
  authors: AuthorView[]
  /** 第5条, 第12、13条, or 原第1条 for a removed item. */
  place: string
  /** The lead sentence (the new one when there is one). */
  title: string
  /** The 原文 cell: old items numbered as printed, deleted text marked; null when there is no old item. */
  old: Paragraph[] | null
  /** The 修改后 cell: new items numbered as printed, inserted text marked; null when there is no new item. */
  new: Paragraph[] | null
  /** 采纳情况: what became of the 修订 decided on its items since the base; null when none was. */
  adoption: Adoption | null
}

/** A section or sub-section with its entries, in the new text's order (a removed one where it was). */
export interface SectionView {
  key: string
  level: SectionDiff['level']
  kind: SectionChangeKind
  /** The heading changed, or the section was added, removed or moved. */
  changed: boolean
  /** As printed in the new text (一、, （二）); the old label for a removed section. */
  label: string
  diff: SectionDiff
  /** The change's chip: 标题修改, 新增部分, 删除部分, 顺序调整; empty when unchanged. */
  chip: string
  /** Its old place when that differs: 原第八部分. */
  note: string
  /** The change in one sentence for a 修改说明: 部分标题修改（原第八部分，现第七部分）; empty when unchanged. */
  description: string
  /** The old heading with deleted text marked (null for an added section), without its label. */
  oldHeading: Paragraph[] | null
  /** The new heading with inserted text marked (null for a removed section), without its label. */
  newHeading: Paragraph[] | null
  authors: AuthorView[]
  items: ItemView[]
  subsections: SectionView[]
  /** Changed entries inside, its own heading and its sub-sections included: 只看修改 hides sections without any. */
  changes: number
}

/** One line of the change list: a changed item or section, in document order. */
export interface ChangeLine {
  key: string
  kind: ItemChangeKind | 'section'
  /** The chip text: 修改, 新增 … or the section change (标题修改, 新增, 删除). */
  chip: string
  place: string
  text: string
}

/** One changed target, with the entry it belongs to (for the change list to scroll to). */
export interface TargetLine {
  key: string
  place: string
  description: string
  /** The new text asks for less (see TargetChange.weaker). */
  weaker: boolean
}

/** A text outside the items (the title, the preamble) with its changes. */
export interface TextChange {
  changed: boolean
  spans: TextSpan[]
  /** The old text's paragraphs, deleted text marked (empty when there was none). */
  old: Paragraph[]
  /** The new text's paragraphs, inserted text marked (empty when there is none). */
  new: Paragraph[]
  authors: AuthorView[]
}

/** Everything the review page shows, computed once per diff. */
export interface ReviewModel {
  title: TextChange
  preamble: TextChange
  sections: SectionView[]
  /** Every entry in document order. */
  items: ItemView[]
  changes: ChangeLine[]
  /** Every changed target in entry order. */
  targets: TargetLine[]
  /** The diff's counts, with section changes counted over sub-sections too. */
  summary: DiffSummary
  timedOut: boolean
  /** Some 修订 was decided since the base: the 修改对照表 gets its 采纳情况 column. */
  adoption: boolean
}

/**
 * Turns a plan diff (and, for version and visit bases, who changed which node) into what the page
 * draws: sections holding their entries in the new text's order, removed entries under the section
 * they left, labels with old numbers, authors per entry, and the change list.
 */
export function reviewModel(d: PlanDiff, authors?: Authors, decided: readonly DecidedSuggestion[] = []): ReviewModel {
  const sections: SectionView[] = []
  const bySide = { old: new Map<string, SectionView>(), new: new Map<string, SectionView>() }
  let parent: SectionView | undefined
  d.sections.forEach((s, i) => {
    const view = sectionView(s, `section-${i}`, authors)
    const under = s.level === 'subsection' ? parent : undefined
    if (under) under.subsections.push(view)
    else {
      sections.push(view)
      parent = view
    }
    const prefix = under ? `${under.key}/` : ''
    if (s.old) bySide.old.set(prefix + s.old.number, view)
    if (s.new) bySide.new.set(prefix + s.new.number, view)
  })
  const items = d.items.map((e, i) => itemView(e, `item-${i}`, authors, decided))
  for (const item of items) {
    const side = item.diff.new.length ? 'new' : 'old'
    const ref = item.diff[side][0]
    const map = bySide[side]
    const section = map.get(String(ref.section.number)) ?? orphanSection(sections)
    const sub = ref.subsection ? map.get(`${section.key}/${ref.subsection.number}`) : undefined
    ;(sub ?? section).items.push(item)
  }
  for (const s of sections) count(s)
  return {
    title: textChange(d.title.old !== d.title.new, d.title.spans, entryAuthors(['planTitle'], authors)),
    preamble: textChange(d.preamble.changed, d.preamble.spans, entryAuthors(['preamble'], authors)),
    sections,
    items,
    changes: sections.flatMap(changeLines),
    targets: items.flatMap((i) => i.diff.targets.map((t) => ({ key: i.key, place: i.place, description: t.description, weaker: t.weaker }))),
    summary: { ...d.summary, ...sectionCounts(sections) },
    timedOut: d.timedOut,
    adoption: decided.length > 0,
  }
}

function textChange(changed: boolean, spans: TextSpan[], authors: AuthorView[]): TextChange {
  const side = (which: 'old' | 'new'): Paragraph[] => {
    const paragraphs = sideParagraphs([], spans, which)
    return paragraphs.some((p) => p.segments.length) ? paragraphs : []
  }
  return { changed, spans, old: side('old'), new: side('new'), authors }
}

function itemView(e: ItemDiff, key: string, authors: Authors | undefined, decided: readonly DecidedSuggestion[]): ItemView {
  const changed = e.kind !== 'unchanged'
  const main = e.new[0] ?? e.old[0]
  // A wholly added or removed item is all new or all old: its text is shown plain.
  const mark = e.kind !== 'added' && e.kind !== 'removed'
  return {
    key,
    kind: e.kind,
    changed,
    diff: e,
    chip: ITEM_KIND_LABELS[e.kind],
    note: entryNote(e),
    description: describeChange(e),
    authors: changed ? itemEntryAuthors(e, authors) : [],
    place: e.new.length ? itemNumbers(e.new) : `原${itemNumbers(e.old)}`,
    title: main.title || main.body.slice(0, 40),
    old: e.old.length ? sideParagraphs(e.old, e.spans, 'old', mark) : null,
    new: e.new.length ? sideParagraphs(e.new, e.spans, 'new', mark) : null,
    adoption: decided.length
      ? adoptionFor(
          [...e.new, ...e.old].map((r) => r.id),
          decided,
        )
      : null,
  }
}

function sectionView(s: SectionDiff, key: string, authors?: Authors): SectionView {
  const ref = s.new ?? s.old
  const changed = s.kind !== 'unchanged' || s.moved
  const ids = [s.new?.id, s.old?.id].filter((id): id is string => !!id)
  return {
    key,
    level: s.level,
    kind: s.kind,
    changed,
    label: ref?.label ?? '',
    diff: s,
    chip: sectionChip(s),
    note: sectionNote(s),
    description: sectionDescription(s),
    oldHeading: s.old ? sideParagraphs([], s.spans, 'old') : null,
    newHeading: s.new ? sideParagraphs([], s.spans, 'new') : null,
    authors: changed ? entryAuthors(ids, authors) : [],
    items: [],
    subsections: [],
    changes: 0,
  }
}

/** Where entries go whose section the diff does not list (never expected; nothing is ever dropped). */
function orphanSection(sections: SectionView[]): SectionView {
  const last = sections[sections.length - 1]
  if (last?.key === 'section-orphan') return last
  const diff: SectionDiff = { kind: 'unchanged', level: 'section', moved: false, matchedBy: 'none', spans: [{ op: 'equal', text: '其他条目' }] }
  const heading = sideParagraphs([], diff.spans, 'new')
  const view: SectionView = {
    key: 'section-orphan',
    level: 'section',
    kind: 'unchanged',
    changed: false,
    label: '',
    diff,
    chip: '',
    note: '',
    description: '',
    oldHeading: heading,
    newHeading: heading,
    authors: [],
    items: [],
    subsections: [],
    changes: 0,
  }
  sections.push(view)
  return view
}

/** Section changes counted over sections and sub-sections alike (the diff's summary counts sections only). */
function sectionCounts(sections: SectionView[]): Pick<DiffSummary, 'sectionsAdded' | 'sectionsRemoved' | 'sectionsRenamed'> {
  const all = sections.flatMap((s) => [s, ...s.subsections])
  const count = (kind: SectionChangeKind): number => all.filter((s) => s.kind === kind).length
  return { sectionsAdded: count('added'), sectionsRemoved: count('removed'), sectionsRenamed: count('renamed') }
}

function count(s: SectionView): number {
  s.changes = (s.changed ? 1 : 0) + s.items.filter((i) => i.changed).length + s.subsections.reduce((n, u) => n + count(u), 0)
  return s.changes
}

function changeLines(s: SectionView): ChangeLine[] {
  const heading = (s.diff.new ?? s.diff.old)?.heading ?? ''
  const own: ChangeLine[] = s.changed ? [{ key: s.key, kind: 'section', chip: s.chip, place: s.label, text: heading }] : []
  const items: ChangeLine[] = s.items.filter((i) => i.changed).map((i) => ({ key: i.key, kind: i.kind, chip: i.chip, place: i.place, text: i.title }))
  return [...own, ...items, ...s.subsections.flatMap(changeLines)]
}
