import * as Y from 'yjs'
import { PLAN_FIELD, readPlan } from '../../shared/collab/ydoc.ts'
import type { Plan } from '../../shared/plan/types.ts'

/** Elements with this node name in document order (itemTitle, sectionHeading, paragraph …). */
export function elementsNamed(doc: Y.Doc, nodeName: string): Y.XmlElement[] {
  const out: Y.XmlElement[] = []
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.nodeName === nodeName) out.push(child)
      walk(child)
    }
  }
  walk(doc.getXmlFragment(PLAN_FIELD))
  return out
}

/**
 * The Y.XmlText inside the n-th (0-based) element with this node name, to edit it, e.g.
 * textIn(doc, 'itemTitle', 0) for item 1's lead sentence. Creates the text when the element is
 * empty — an edit of its own; use textOf() to only read.
 */
export function textIn(doc: Y.Doc, nodeName: string, n: number): Y.XmlText {
  const el = elementsNamed(doc, nodeName)[n]
  if (!el) throw new Error(`no ${nodeName} #${n}`)
  let text = el.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
  if (!text) {
    text = new Y.XmlText()
    el.insert(0, [text])
  }
  return text
}

/** The text of the n-th element with this node name ('' when it is empty or missing); never changes the doc. */
export function textOf(doc: Y.Doc, nodeName: string, n: number): string {
  const el = elementsNamed(doc, nodeName)[n]
  return el
    ? el
        .toArray()
        .filter((c): c is Y.XmlText => c instanceof Y.XmlText)
        .map((t) => t.toString())
        .join('')
    : ''
}

/** The plan a Y.Doc holds, read on a copy (reading may repair the doc it reads). */
export function planOf(doc: Y.Doc): Plan {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return readPlan(copy)
}
