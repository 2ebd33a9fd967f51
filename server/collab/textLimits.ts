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
 * The first size limit that the changed texts and elements break, as a Chinese sentence, or null.
 * Per keystroke only the changed block and its item are measured; the plan's counts (sections,
 * sub-sections, items, paragraphs) are walked only when the structure changed.
 */
export function textLimitViolation(plan: Y.XmlFragment, touched: ReadonlySet<Y.XmlElement | Y.XmlFragment>, texts: ReadonlySet<Y.XmlText>, totalChars: number, limits: PlanLimits): string | null {
  if (totalChars > limits.totalChars) return limitMessage('totalChars', limits)
  const items = new Set<Y.XmlElement>()
  for (const text of texts) {
    const block = text.parent
    if (!(block instanceof Y.XmlElement)) continue
    const limit = BLOCK_LIMIT[block.nodeName]
    if (limit && textLength(block) > limits[limit]) return limitMessage(limit, limits)
    const item = block.parent
    if (item instanceof Y.XmlElement && item.nodeName === 'item') items.add(item)
  }
  for (const element of touched) if (element instanceof Y.XmlElement && element.nodeName === 'item') items.add(element)
  for (const item of items) if (textLength(item) > limits.itemChars) return limitMessage('itemChars', limits)
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
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (child instanceof Y.XmlElement && child.nodeName === nodeName) yield child
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
