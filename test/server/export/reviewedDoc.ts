// Documents with open 修订 suggestions and 批注 threads, written as the editor and the server write
// them (marks in the plan fragment, stamps and threads in the server-owned review root), for the
// 修订和批注 export tests and bench.
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import * as Y from 'yjs'
import { PLAN_FIELD } from '../../../shared/collab/ydoc.ts'
import { planToPm } from '../../../shared/editor/convert/planToPm.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import type { CommentThread } from '../../../shared/review/commentsTypes.ts'
import { reviewRoot, SUGGESTIONS_KEY, THREADS_KEY } from '../../../shared/review/reviewRoot.ts'
import type { SuggestionStamp } from '../../../shared/review/suggestStamps.ts'

/** Position of the first occurrence of `text` inside one text node of the document. */
export function posOf(doc: PMNode, text: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text)
    return true
  })
  if (found < 0) throw new Error(`no text ${text}`)
  return found
}

/** Position and node of the item with this id. */
export function itemAt(doc: PMNode, id: string): { pos: number; node: PMNode } {
  let at: { pos: number; node: PMNode } | undefined
  doc.descendants((node, pos) => {
    if (node.type.name === 'item' && node.attrs.id === id) at = { pos, node }
    return !at
  })
  if (!at) throw new Error(`no item ${id}`)
  return at
}

/** A new item node (title and body paragraphs), e.g. a suggested new item. */
export function itemNode(attrs: Record<string, unknown>, title: string, ...body: string[]): PMNode {
  const s = planSchema()
  return s.nodes.item.create(attrs, [s.nodes.itemTitle.create(null, title ? s.text(title) : null), ...body.map((b) => s.nodes.paragraph.create(null, s.text(b)))])
}

/** The stamp the server writes for a suggestion. */
export function stamp(name: string, createdAt: string): SuggestionStamp {
  return { author: { id: `u-${name}`, name }, createdAt }
}

/** A 批注 thread as the server stores it. */
export function thread(id: string, itemId: string, quote: string, by: string, at: string, text: string, replies: Array<[string, string, string]> = [], resolved = false): CommentThread {
  const message = (mid: string, name: string, createdAt: string, body: string) => ({ id: mid, author: { id: `u-${name}`, name }, createdAt, text: body, mentions: [] })
  return { ...message(id, by, at, text), itemId, quote, resolved, replies: replies.map(([name, when, body], i) => message(`${id}-r${i}`, name, when, body)) }
}

/** A Y.Doc holding the marked document, its suggestion stamps and its comment threads. */
export function reviewedYDoc(doc: PMNode, stamps: Record<string, SuggestionStamp>, threads: CommentThread[]): Y.Doc {
  const ydoc = new Y.Doc()
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(PLAN_FIELD))
  ydoc.transact(() => {
    const root = reviewRoot(ydoc)
    const stampMap = new Y.Map<unknown>()
    root.set(SUGGESTIONS_KEY, stampMap)
    for (const [id, s] of Object.entries(stamps)) stampMap.set(id, s)
    const threadMap = new Y.Map<unknown>()
    root.set(THREADS_KEY, threadMap)
    for (const t of threads) threadMap.set(t.id, t)
  })
  return ydoc
}

/** The parts export jobs read (one encoded state). */
export function partsOf(ydoc: Y.Doc): Uint8Array[] {
  return [Y.encodeStateAsUpdate(ydoc)]
}

/** The sample's plan before review: two sections, five items. */
export function samplePlan(): Plan {
  const it = (id: string, title: string, body: string) => ({ id, title, body })
  return {
    title: '2027年闵行区教育工作要点',
    preamble: ['2027年，闵行教育坚持立德树人根本任务。'],
    sections: [
      {
        id: 's1',
        heading: '坚持立德树人',
        intro: [],
        subsections: [],
        items: [it('i1', '推进大思政课建设。', '建设区级实践教学基地10个。'), it('i2', '完善心理健康服务体系。', '实现心理辅导室全覆盖。'), it('i3', '建设劳动教育基地。', '新建基地5个。')],
      },
      { id: 's2', heading: '促进优质均衡', intro: [], subsections: [], items: [it('i4', '增加普惠性托育资源。', '新增托额不少于600个。'), it('i5', '推进学区集团建设。', '新组建学区集团3个。')] },
    ],
    closing: { issuer: '上海市闵行区教育局', date: '2027年1月8日' },
    meta: {},
  }
}

/** Times of the sample's stamps (UTC) — in Beijing 09:30, 10:15, 11:00, 14:20, 16:05. */
export const SAMPLE_TIMES = ['2026-12-01T01:30:00.000Z', '2026-12-01T02:15:00.000Z', '2026-12-01T03:00:00.000Z', '2026-12-01T06:20:00.000Z', '2026-12-01T08:05:00.000Z']

/**
 * The sample under review: 王科长 inserted 和校外 in item 1 and suggested a new item after item 2;
 * 李主任 suggested deleting 不少于 in item 4 and the whole of item 3; 张老师 moved item 5 to after
 * item 1. 赵处长 commented on 心理辅导室全覆盖 (王科长 replied); a resolved thread sits on 托育资源.
 */
export function reviewedSample(): Y.Doc {
  const s = planSchema()
  const tr = new Transform(PMNode.fromJSON(s, planToPm(samplePlan())))
  tr.insert(posOf(tr.doc, '基地10个'), s.text('和校外', [s.marks.insertion.create({ id: 'gIns' })]))
  const del = posOf(tr.doc, '不少于')
  tr.addMark(del, del + 3, s.marks.deletion.create({ id: 'gDel' }))
  const two = itemAt(tr.doc, 'i2')
  tr.insert(two.pos + two.node.nodeSize, itemNode({ id: 'iNew', suggestion: 'insert:gNew' }, '加强近视防控。', '学生近视率下降1个百分点。'))
  tr.setNodeAttribute(itemAt(tr.doc, 'i3').pos, 'suggestion', 'delete:gGone')
  const five = itemAt(tr.doc, 'i5')
  tr.setNodeAttribute(five.pos, 'suggestion', 'delete:gMove')
  const one = itemAt(tr.doc, 'i1')
  tr.insert(one.pos + one.node.nodeSize, itemNode({ id: 'i5m', suggestion: 'move:gMove' }, '推进学区集团建设。', '新组建学区集团3个。'))
  const c1 = posOf(tr.doc, '心理辅导室全覆盖')
  tr.addMark(c1, c1 + 8, s.marks.comment.create({ id: 'c1' }))
  const c2 = posOf(tr.doc, '托育资源')
  tr.addMark(c2, c2 + 4, s.marks.comment.create({ id: 'c2' }))
  const [t0, t1, t2, t3, t4] = SAMPLE_TIMES
  return reviewedYDoc(tr.doc, { gIns: stamp('王科长', t0), gNew: stamp('王科长', t1), gDel: stamp('李主任', t2), gGone: stamp('李主任', t2), gMove: stamp('张老师', t3) }, [
    thread('c1', 'i2', '心理辅导室全覆盖', '赵处长', t3, '请明确覆盖率口径。\n建议写到“100%”', [['王科长', t4, '已按此修改 <&>']]),
    thread('c2', 'i4', '托育资源', '李主任', t1, '已解决的意见', [], true),
  ])
}

/**
 * A plan under heavy review for the export bench: the first `suggestions` items carry one suggestion
 * each (in turn an insertion in the lead sentence, a deletion in the body, a new item after it, the
 * item deleted), and the next `comments` items a thread with one reply on their first words.
 */
export function reviewedLarge(plan: Plan, suggestions: number, comments: number): Y.Doc {
  const s = planSchema()
  const tr = new Transform(PMNode.fromJSON(s, planToPm(plan)))
  const ids = plan.sections.flatMap((sec) => sec.items.map((i) => i.id))
  const stamps: Record<string, SuggestionStamp> = {}
  const threads: CommentThread[] = []
  const at = (k: number): string => new Date(Date.UTC(2026, 11, 1, 1, k)).toISOString()
  // From the last item backwards, so that each step's positions are read from the current document.
  for (let k = Math.min(ids.length, suggestions + comments) - 1; k >= 0; k--) {
    const { pos, node } = itemAt(tr.doc, ids[k])
    const titleEnd = pos + 1 + (node.firstChild?.nodeSize ?? 2) - 1
    if (k >= suggestions) {
      const id = `c${k}`
      tr.addMark(pos + 2, Math.min(titleEnd, pos + 8), s.marks.comment.create({ id }))
      threads.push(thread(id, ids[k], tr.doc.textBetween(pos + 2, Math.min(titleEnd, pos + 8)), '赵处长', at(k), `第${k + 1}条请再斟酌。`, [['王科长', at(k + 1), '已修改。']]))
      continue
    }
    const id = `g${k}`
    stamps[id] = stamp(['王科长', '李主任', '张老师'][k % 3], at(k))
    if (k % 4 === 0) tr.insert(titleEnd, s.text('（建议补充）', [s.marks.insertion.create({ id })]))
    else if (k % 4 === 1 && node.childCount > 1) tr.addMark(titleEnd + 3, titleEnd + 7, s.marks.deletion.create({ id }))
    else if (k % 4 === 2) tr.insert(pos + node.nodeSize, itemNode({ id: `n${k}`, suggestion: `insert:${id}` }, '建议新增的条目。', '具体内容。'))
    else tr.setNodeAttribute(pos, 'suggestion', `delete:${id}`)
  }
  return reviewedYDoc(tr.doc, stamps, threads)
}
