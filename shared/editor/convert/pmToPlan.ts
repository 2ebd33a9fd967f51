import type { JSONContent } from '@tiptap/core'
import type { Closing, CoverNotice, Plan, PlanItem, PlanMeta, PlanSection, PlanSubsection } from '../../plan/types.ts'

/** A plan from a ProseMirror JSON document in the shared schema; metadata comes from outside the text. */
export function pmToPlan(doc: JSONContent, meta: PlanMeta = {}): Plan {
  const plan: Plan = { title: '', preamble: [], sections: [], meta: { ...meta } }
  for (const node of doc.content ?? []) {
    switch (node.type) {
      case 'coverNotice':
        plan.notice = notice(node)
        break
      case 'planTitle':
        plan.title = text(node)
        break
      case 'preamble':
        plan.preamble = (node.content ?? []).map(text).filter(Boolean)
        break
      case 'section':
        plan.sections.push(section(node))
        break
      case 'closing':
        plan.closing = closing(node)
        break
    }
  }
  return plan
}

function section(node: JSONContent): PlanSection {
  const s: PlanSection = { id: String(node.attrs?.id ?? ''), heading: '', intro: [], items: [], subsections: [] }
  if (typeof node.attrs?.guidance === 'string' && node.attrs.guidance) s.guidance = node.attrs.guidance
  for (const child of node.content ?? []) {
    if (child.type === 'sectionHeading') s.heading = text(child)
    else if (child.type === 'paragraph') pushText(s.intro, child)
    else if (child.type === 'item') s.items.push(item(child))
    else if (child.type === 'subsection') s.subsections.push(subsection(child))
  }
  return s
}

function subsection(node: JSONContent): PlanSubsection {
  const u: PlanSubsection = { id: String(node.attrs?.id ?? ''), heading: '', intro: [], items: [] }
  for (const child of node.content ?? []) {
    if (child.type === 'subsectionHeading') u.heading = text(child)
    else if (child.type === 'paragraph') pushText(u.intro, child)
    else if (child.type === 'item') u.items.push(item(child))
  }
  return u
}

function item(node: JSONContent): PlanItem {
  const [title, ...body] = node.content ?? []
  const it: PlanItem = { id: String(node.attrs?.id ?? ''), title: title ? text(title) : '', body: body.map(text).filter(Boolean).join('\n') }
  if (node.attrs?.carried) it.carried = true
  return it
}

/** The notice from its lines; an empty optional part is absent, as it was before the editor showed it. */
function notice(node: JSONContent): CoverNotice {
  const n: CoverNotice = { addressee: '', body: [] }
  for (const l of node.content ?? []) {
    const role = String(l.attrs?.role ?? 'body')
    const value = text(l)
    if (role === 'body') {
      if (value) n.body.push(value)
    } else if (role === 'addressee') n.addressee = value
    else if (value && (role === 'title' || role === 'docNumber' || role === 'attachment' || role === 'issuer' || role === 'date')) n[role] = value
  }
  return n
}

function closing(node: JSONContent): Closing {
  const c: Closing = {}
  for (const l of node.content ?? []) {
    const role: unknown = l.attrs?.role
    const value = text(l)
    if (value && (role === 'issuer' || role === 'date')) c[role] = value
  }
  return c
}

function pushText(list: string[], node: JSONContent): void {
  const t = text(node)
  if (t) list.push(t)
}

/** The plain text of a text block (hard breaks and marks are not part of the plan model). */
function text(node: JSONContent): string {
  return (node.content ?? []).map((c) => c.text ?? '').join('')
}
