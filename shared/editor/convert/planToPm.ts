import type { JSONContent } from '@tiptap/core'
import type { CoverNotice, Plan, PlanItem, PlanSection, PlanSubsection } from '../../plan/types.ts'
import type { NoticeRole } from '../nodes/NoticeLine.ts'

/** A plan as a ProseMirror JSON document in the shared schema. */
export function planToPm(plan: Plan): JSONContent {
  const content: JSONContent[] = []
  if (plan.notice) content.push({ type: 'coverNotice', content: noticeLines(plan.notice) })
  content.push(textNode('planTitle', plan.title))
  content.push({ type: 'preamble', content: (plan.preamble.length ? plan.preamble : ['']).map(paragraph) })
  content.push(...plan.sections.map(section))
  // A closing shows both of its parts, even empty ones, so a date cleared by 结转 can be entered again.
  if (plan.closing) content.push({ type: 'closing', content: [line('issuer', plan.closing.issuer), line('date', plan.closing.date)] })
  return { type: 'doc', content }
}

function section(s: PlanSection): JSONContent {
  return {
    type: 'section',
    attrs: { id: s.id, guidance: s.guidance ?? null },
    content: [textNode('sectionHeading', s.heading), ...s.intro.map(paragraph), ...s.items.map(item), ...s.subsections.map(subsection)],
  }
}

function subsection(u: PlanSubsection): JSONContent {
  return { type: 'subsection', attrs: { id: u.id }, content: [textNode('subsectionHeading', u.heading), ...u.intro.map(paragraph), ...u.items.map(item)] }
}

function item(it: PlanItem): JSONContent {
  const body = it.body ? it.body.split('\n').map(paragraph) : []
  return { type: 'item', attrs: { id: it.id, carried: Boolean(it.carried) }, content: [textNode('itemTitle', it.title), ...body] }
}

/**
 * Every part of the notice as its own line, empty parts included, so the editor shows the whole form
 * (an empty title or 附件 line shows what will print, an empty date asks for one). Body paragraphs
 * are at least one line.
 */
function noticeLines(n: CoverNotice): JSONContent[] {
  return [
    line('docNumber', n.docNumber),
    line('title', n.title),
    line('addressee', n.addressee),
    ...(n.body.length ? n.body : ['']).map((b) => line('body', b)),
    line('attachment', n.attachment),
    line('issuer', n.issuer),
    line('date', n.date),
  ]
}

function line(role: NoticeRole, text: string | undefined): JSONContent {
  return { ...textNode('noticeLine', text ?? ''), attrs: { role } }
}

function paragraph(text: string): JSONContent {
  return textNode('paragraph', text)
}

/** A text block; ProseMirror has no empty text nodes, so empty text means no content. */
function textNode(type: string, text: string): JSONContent {
  return text ? { type, content: [{ type: 'text', text }] } : { type }
}
