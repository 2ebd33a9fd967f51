import type { Node as PMNode } from '@tiptap/pm/model'
import { itemLabel, sectionLabel, subsectionLabel } from '../../plan/numbering.ts'

/** Where a derived number is shown: the heading or title node at `pos` gets `label`. */
export interface NumberLabel {
  pos: number
  end: number
  label: string
  kind: 'section' | 'subsection' | 'item'
}

/** The numbers 一、 （一） 1. of a plan document, derived from document order (items continuous across sections). */
export function numberLabels(doc: PMNode): NumberLabel[] {
  const labels: NumberLabel[] = []
  let sections = 0
  let items = 0
  const visitItems = (parent: PMNode, parentPos: number): void => {
    parent.forEach((child, offset) => {
      const pos = parentPos + 1 + offset
      if (child.type.name === 'item') {
        const title = child.firstChild
        if (title) labels.push({ pos: pos + 1, end: pos + 1 + title.nodeSize, label: itemLabel(++items), kind: 'item' })
      } else if (child.type.name === 'subsection') {
        const n = labels.filter((l) => l.kind === 'subsection' && l.pos > parentPos).length
        const heading = child.firstChild
        if (heading) labels.push({ pos: pos + 1, end: pos + 1 + heading.nodeSize, label: subsectionLabel(n + 1), kind: 'subsection' })
        visitItems(child, pos)
      }
    })
  }
  doc.forEach((node, offset) => {
    if (node.type.name !== 'section') return
    const heading = node.firstChild
    if (heading) labels.push({ pos: offset + 1, end: offset + 1 + heading.nodeSize, label: sectionLabel(++sections), kind: 'section' })
    visitItems(node, offset)
  })
  return labels
}
