import type { Node as PMNode } from '@tiptap/pm/model'
import { walkNumbers, type PlanShape } from '../../plan/numbering.ts'
import { parseSuggestionAttr } from '../nodes/suggestionAttribute.ts'

/** Where a derived number is shown: the heading or title node at `pos` gets `label`. */
export interface NumberLabel {
  pos: number
  end: number
  label: string
  kind: 'section' | 'subsection' | 'item'
}

/**
 * A suggested new item (修订: inserted, or a moved item at its new place) takes no number until the
 * suggestion is accepted: the others keep theirs, and it shows （新增） or （移动） instead.
 */
function suggestedLabel(node: PMNode): string | null {
  const s = parseSuggestionAttr(node.attrs.suggestion)
  return s?.kind === 'insert' ? '（新增）' : s?.kind === 'move' ? '（移动）' : null
}

/** A node of the document with its position. */
interface Placed {
  node: PMNode
  pos: number
}

/** The children of one node type of `parent` with their positions (the document itself stands at -1). */
function childrenOf(parent: Placed, type: string): Placed[] {
  const out: Placed[] = []
  parent.node.forEach((node, offset) => {
    if (node.type.name === type && !(type === 'item' && suggestedLabel(node))) out.push({ node, pos: parent.pos + 1 + offset })
  })
  return out
}

/** The editor's document read by the plan's numbering walker (shared/plan/numbering.ts). */
function docShape(doc: PMNode): PlanShape<Placed, Placed, Placed> {
  return {
    sections: childrenOf({ node: doc, pos: -1 }, 'section'),
    sectionChildren: (section) => {
      const out: ({ item: Placed } | { subsection: Placed })[] = []
      section.node.forEach((node, offset) => {
        const placed = { node, pos: section.pos + 1 + offset }
        if (node.type.name === 'item' && !suggestedLabel(node)) out.push({ item: placed })
        else if (node.type.name === 'subsection') out.push({ subsection: placed })
      })
      return out
    },
    subsectionItems: (subsection) => childrenOf(subsection, 'item'),
  }
}

/** The numbers 一、 （一） 1. of a plan document, derived from document order by the plan's one numbering walker. */
export function numberLabels(doc: PMNode): NumberLabel[] {
  const labels: NumberLabel[] = []
  walkNumbers(docShape(doc), ({ kind, node, label }) => {
    // The label sits on the first child: a section's or sub-section's heading, an item's title.
    const first = node.node.firstChild
    if (first) labels.push({ pos: node.pos + 1, end: node.pos + 1 + first.nodeSize, label, kind })
  })
  let suggested = false
  doc.descendants((node, pos) => {
    const label = node.type.name === 'item' ? suggestedLabel(node) : null
    const first = node.firstChild
    if (label && first) {
      labels.push({ pos: pos + 1, end: pos + 1 + first.nodeSize, label, kind: 'item' })
      suggested = true
    }
    return node.type.name !== 'item'
  })
  return suggested ? labels.sort((a, b) => a.pos - b.pos) : labels
}
