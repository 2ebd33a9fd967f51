import type { Node as PMNode, ResolvedPos, Schema } from '@tiptap/pm/model'
import { Selection, TextSelection } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { containerAt } from '../../shared/editor/commands/containerAt.ts'
import { findItem } from '../../shared/editor/commands/findItem.ts'
import { itemContainers } from '../../shared/editor/commands/itemContainers.ts'
import { planToPm } from '../../shared/editor/convert/planToPm.ts'
import { pmToPlan } from '../../shared/editor/convert/pmToPlan.ts'
import type { PlanPiece } from '../../shared/import/importText.ts'
import { planLimitViolation } from '../../shared/plan/limits.ts'
import type { PlanItem, PlanSection, PlanSubsection } from '../../shared/plan/types.ts'

/**
 * The edit that puts a pasted piece of a plan in at the caret, as one transaction (one Ctrl+Z):
 * sentences before its first number become paragraphs just before the pasted items; items go after
 * the caret's item (or first in the caret's section); sub-sections go after the caret's sub-section
 * (or before the first sub-section of its section); sections go after the caret's section (before the first from the title or
 * preamble). An empty item or section at the caret (a new one) is replaced. Null where a plan piece
 * has no place: in the cover notice or closing, or with a selection across paragraphs.
 */
export function pastePlanTransaction(state: EditorState, piece: PlanPiece): Transaction | null {
  const { selection } = state
  if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to)) return null
  const tr = state.tr.deleteSelection()
  const $at = tr.selection.$from
  const top = $at.depth > 0 ? $at.node(1).type.name : ''
  if (top !== 'planTitle' && top !== 'preamble' && top !== 'section') return null
  const nodes = pieceNodes(state.schema, piece)
  const section = top === 'section' ? { node: $at.node(1), pos: $at.before(1) } : null
  // Every place is worked out on the document before the paste and mapped through the insertions,
  // which go in document order. An empty item or section is replaced only when nothing else goes into it.
  const inside = nodes.lead.length > 0
  const items = itemsPlace($at, !inside)
  const subsections = subsectionsPlace($at)
  const loose = [...(items ? [] : nodes.items), ...(subsections ? [] : nodes.subsections)]
  const sections = sectionsPlace(tr.doc, section, !inside && !nodes.items.length && !nodes.subsections.length)
  let end = -1
  const put = (place: Place | null, content: PMNode[]): void => {
    if (!place || !content.length) return
    const from = tr.mapping.map(place.from)
    // An insertion goes after what earlier steps put at the same place; a replaced range keeps its own end.
    tr.replaceWith(from, place.to === place.from ? from : Math.max(from, tr.mapping.map(place.to, -1)), content)
    end = tr.mapping.map(place.to)
  }
  put(leadPlace($at), nodes.lead)
  put(items, nodes.items)
  put(subsections, nodes.subsections)
  // From the title or preamble, loose items and sub-sections come in a section of their own, before the pasted sections.
  put(sections, [...(loose.length ? wrap(state.schema, loose) : []), ...nodes.sections])
  // Nothing already written may go: the text grows by exactly the pasted text (empty nodes alone are replaced).
  const pasted = [...nodes.lead, ...nodes.items, ...nodes.subsections, ...nodes.sections].reduce((n, node) => n + node.textContent.length, 0)
  if (end < 0 || tr.doc.textContent.length !== state.doc.textContent.length - state.doc.textBetween(selection.from, selection.to).length + pasted) return null
  tr.setSelection(Selection.near(tr.doc.resolve(end), -1)).scrollIntoView()
  return tr.setMeta('uiEvent', 'paste')
}

/**
 * Why the plan after a paste would break a size limit (the server would refuse the change and close
 * the editor), or null when it fits. The client knows the default limits only.
 */
export function pasteLimitProblem(tr: Transaction): string | null {
  const over = planLimitViolation(pmToPlan(tr.doc.toJSON()))
  return over ? `粘贴的内容太多，没有粘贴：${over.message}` : null
}

interface Place {
  from: number
  to: number
}

/** The pasted parts as nodes of the plan schema, made by the one plan-to-editor converter. */
function pieceNodes(schema: Schema, piece: PlanPiece): { lead: PMNode[]; items: PMNode[]; subsections: PMNode[]; sections: PMNode[] } {
  const asNodes = (sections: PlanSection[]): PMNode[] => (planToPm({ title: '', preamble: [], sections, meta: {} }).content ?? []).slice(2).map((j) => schema.nodeFromJSON(j))
  const [loose] = asNodes([holder(piece.loose.items, piece.loose.subsections)])
  const children: PMNode[] = []
  loose.forEach((child) => children.push(child))
  return {
    lead: piece.lead.map((text) => schema.nodes.paragraph.create(null, text ? schema.text(text) : null)),
    items: children.filter((c) => c.type.name === 'item'),
    subsections: children.filter((c) => c.type.name === 'subsection'),
    sections: asNodes(piece.sections),
  }
}

function holder(items: PlanItem[], subsections: PlanSubsection[]): PlanSection {
  return { id: '', heading: '', intro: [], items, subsections }
}

/** A section without a heading holding loose items and sub-sections. */
function wrap(schema: Schema, content: PMNode[]): PMNode[] {
  return [schema.nodes.section.create(null, [schema.nodes.sectionHeading.create(), ...content])]
}

/**
 * Right before where the pasted items go, so the paste stays in one piece: at the end of the caret's
 * item, after the heading and intro of its section, at the end of the preamble; in the caret's
 * paragraph when that is empty.
 */
function leadPlace($at: ResolvedPos): Place {
  if ($at.parent.type.name === 'paragraph' && $at.parent.content.size === 0) return { from: $at.before(), to: $at.after() }
  const item = findItem($at)
  const container = containerAt($at)
  let at = item ? item.pos + item.node.nodeSize - 1 : container ? container.itemsStart : -1
  if (at < 0) {
    $at.doc.forEach((node, offset) => {
      if (node.type.name === 'preamble') at = offset + node.nodeSize - 1
    })
  }
  return { from: at, to: at }
}

/** After the caret's item (replacing it when empty), else first in the caret's section or sub-section; null outside sections. */
function itemsPlace($at: ResolvedPos, mayReplace: boolean): Place | null {
  const item = findItem($at)
  if (item) return item.node.textContent || !mayReplace ? { from: item.pos + item.node.nodeSize, to: item.pos + item.node.nodeSize } : { from: item.pos, to: item.pos + item.node.nodeSize }
  const container = containerAt($at)
  return container ? { from: container.itemsStart, to: container.itemsStart } : null
}

/** After the caret's sub-section, else after the caret's section's own items; null outside sections. */
function subsectionsPlace($at: ResolvedPos): Place | null {
  for (let d = $at.depth; d > 1; d--) {
    if ($at.node(d).type.name === 'subsection') return { from: $at.after(d), to: $at.after(d) }
  }
  // From the section's heading or its own items: right after those items, before its first sub-section.
  const container = containerAt($at)
  return container ? { from: container.itemsEnd, to: container.itemsEnd } : null
}

/** After the caret's section (replacing it when nothing is written in it), else before the first section. */
function sectionsPlace(doc: PMNode, section: { node: PMNode; pos: number } | null, mayReplace: boolean): Place {
  if (section) {
    const after = section.pos + section.node.nodeSize
    return section.node.textContent || !mayReplace ? { from: after, to: after } : { from: section.pos, to: after }
  }
  const first = itemContainers(doc)[0]
  if (first) return { from: first.pos, to: first.pos }
  let at = doc.content.size
  doc.forEach((node, offset) => {
    if (node.type.name === 'closing') at = offset
  })
  return { from: at, to: at }
}
