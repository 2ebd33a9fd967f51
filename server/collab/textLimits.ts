import * as Y from 'yjs'
import type { YType } from './schemaViolation.ts'
import { limitMessage, type PlanLimits } from '../../shared/plan/limits.ts'

/** Which limit bounds the text of a block, by the block's node name. */
const BLOCK_LIMIT: Readonly<Record<string, keyof PlanLimits>> = {
  planTitle: 'titleChars',
  noticeLine: 'titleChars',
  sectionHeading: 'headingChars',
  subsectionHeading: 'headingChars',
  itemTitle: 'itemChars',
  paragraph: 'paragraphChars',
}

/** Elements whose paragraphs are counted against `paragraphs`. */
const PARAGRAPH_HOLDERS = new Set(['preamble', 'coverNotice', 'section', 'subsection'])

/**
 * Upper bounds of the plan's items' text lengths, so that a keystroke need not walk the other
 * blocks of its item: in a 1,000-paragraph plan they are cold in the CPU cache, and that walk cost
 * more than the rest of the check. A bound is exact after a walk; typing adds what it typed to it;
 * deletions are not subtracted, so it only ever errs high, and the item is walked again (and its
 * bound made exact) whenever the bound would pass the limit. Rebuild with reset() whenever the
 * document is rebuilt (its elements are new objects).
 */
export class ItemLengths {
  private bounds = new WeakMap<Y.XmlElement, number>()

  /** Measures every item of the plan (after loading it or throwing away a refused update). */
  reset(plan: Y.XmlFragment): void {
    this.bounds = new WeakMap()
    this.measureAll(plan)
  }

  /** Whether the item, after `added` more characters went into its existing texts, may be longer than `max`; walks it only when the bound says it might. */
  exceeds(item: Y.XmlElement, added: number, max: number): boolean {
    const bound = this.bounds.get(item)
    if (bound !== undefined && bound + added <= max) {
      this.bounds.set(item, bound + added)
      return false
    }
    return this.measure(item) > max
  }

  /** The item's exact length, which becomes its bound (for items whose structure changed). */
  measure(item: Y.XmlElement): number {
    const length = textLength(item)
    this.bounds.set(item, length)
    return length
  }

  private measureAll(type: YType): void {
    for (const child of childElements(type)) {
      if (child.nodeName === 'item') this.measure(child)
      else this.measureAll(child)
    }
  }
}

/**
 * The first size limit that the changed texts and elements break, as a Chinese sentence, or null.
 * `texts` holds how many characters went into each changed text. Per keystroke only the changed
 * block and its item's bound are looked at; the plan's counts (sections, sub-sections, items,
 * paragraphs) are walked only when the structure changed.
 */
export function textLimitViolation(
  plan: Y.XmlFragment,
  touched: ReadonlySet<Y.XmlElement | Y.XmlFragment>,
  texts: ReadonlyMap<Y.XmlText, number>,
  totalChars: number,
  limits: PlanLimits,
  itemLengths: ItemLengths,
): string | null {
  if (totalChars > limits.totalChars) return limitMessage('totalChars', limits)
  // Items whose blocks or children changed are measured exactly; the others get what was typed into them.
  for (const element of touched) {
    if (element instanceof Y.XmlElement && element.nodeName === 'item' && itemLengths.measure(element) > limits.itemChars) return limitMessage('itemChars', limits)
  }
  for (const [text, added] of texts) {
    const block = text.parent
    if (!(block instanceof Y.XmlElement)) continue
    const limit = BLOCK_LIMIT[block.nodeName]
    if (limit && textLength(block) > limits[limit]) return limitMessage(limit, limits)
    const item = block.parent
    if (!(item instanceof Y.XmlElement) || item.nodeName !== 'item' || touched.has(item)) continue
    if (itemLengths.exceeds(item, added, limits.itemChars)) return limitMessage('itemChars', limits)
  }
  for (const element of touched) {
    const name = element instanceof Y.XmlElement ? element.nodeName : ''
    if (PARAGRAPH_HOLDERS.has(name) && childCount(element, 'paragraph') > limits.paragraphs) return limitMessage('paragraphs', limits)
    if (name === 'section' && childCount(element, 'subsection') > limits.subsections) return limitMessage('subsections', limits)
  }
  return touched.size ? countViolation(plan, limits) : null
}

/** Sections and items of the whole plan against their limits. */
function countViolation(plan: Y.XmlFragment, limits: PlanLimits): string | null {
  if (childCount(plan, 'section') > limits.sections) return limitMessage('sections', limits)
  let items = 0
  for (const section of children(plan, 'section')) {
    items += childCount(section, 'item')
    for (const sub of children(section, 'subsection')) items += childCount(sub, 'item')
  }
  return items > limits.items ? limitMessage('items', limits) : null
}

/** Live child elements of a type with this node name. */
function* children(type: YType, nodeName: string): Generator<Y.XmlElement> {
  for (const child of childElements(type)) if (child.nodeName === nodeName) yield child
}

/** Live child elements of a type. */
function* childElements(type: YType): Generator<Y.XmlElement> {
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (child instanceof Y.XmlElement) yield child
  }
}

function childCount(type: YType, nodeName: string): number {
  let n = 0
  for (const _ of children(type, nodeName)) n++
  return n
}

/** Characters of text inside an element (its texts and those of its child blocks). */
function textLength(element: Y.XmlElement): number {
  let n = 0
  for (let item = element._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (child instanceof Y.XmlText) n += child.length
    else if (child instanceof Y.XmlElement) n += textLength(child)
  }
  return n
}
