import type { Node as PMNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import type { Plan, PlanItem } from '../../../shared/plan/types.ts'
import { commentAnchorsIn } from '../../../shared/review/commentsInDoc.ts'
import { baseView } from '../../../shared/review/suggestBase.ts'
import { listSuggestions, scanSuggestions } from '../../../shared/review/suggestScan.ts'
import { returnedItems } from '../../../shared/review/wordReturnItems.ts'
import { placeWordReturn } from '../../../shared/review/wordReturnPlace.ts'
import type { ReturnParagraph, ReturnRun, WordComment } from '../../../shared/review/wordReturnTypes.ts'
import { planState } from '../../utils/pmState.ts'

const item = (id: string, title: string, body: string): PlanItem => ({ id, title, body })

/** The plan as exported: two sections, five items. */
const ITEMS = {
  a: item('ia', '深化理论学习。', '组织干部参加专题培训，全年不少于四次。'),
  b: item('ib', '完善基层组织。', '推动支部标准化建设。'),
  c: item('ic', '推进课程改革。', '在全区中小学推广项目化学习。'),
  d: item('id', '加强教师培训。', '实施新教师规范化培训。\n开展骨干教师研修。'),
  e: item('ie', '保障校园安全。', '落实安全责任制，开展应急演练。'),
}

function plan(sections: [string, PlanItem[]][]): Plan {
  return { title: '2025年区教育工作要点', preamble: [], meta: {}, sections: sections.map(([heading, items], i) => ({ id: `s${i}`, heading, intro: [], items, subsections: [] })) }
}

/**
 * A paragraph from a small notation: [-x-] deleted, [+x+] inserted (by 张三), {x} commented
 * (comment ids c1, c2 … in order of their opening brace).
 */
function para(source: string, comments: WordComment[] = []): ReturnParagraph {
  const runs: ReturnRun[] = []
  const open: string[] = []
  for (const m of source.matchAll(/\[-(.*?)-\]|\[\+(.*?)\+\]|(\{)|(\})|([^[{}]+)/g)) {
    if (m[3]) {
      const id = `c${comments.length + 1}`
      comments.push({ id, author: '王五（德育科）', text: `批注${comments.length + 1}` })
      open.push(id)
    } else if (m[4]) open.pop()
    else if (m[1] !== undefined) runs.push({ text: m[1], kind: 'del', author: '张三（基教科）', date: '2026-11-30T08:00:00Z', bold: false, comments: [...open] })
    else if (m[2] !== undefined) runs.push({ text: m[2], kind: 'ins', author: '张三（基教科）', date: '2026-11-30T08:00:00Z', bold: false, comments: [...open] })
    else runs.push({ text: m[5], kind: 'same', bold: false, comments: [...open] })
  }
  return { runs }
}

/** The returned file: the exported plan's paragraphs with the department's revisions, read into items. */
function returned(lines: string[]) {
  const comments: WordComment[] = []
  const paragraphs = lines.map((l) => para(l, comments))
  const original = paragraphs
    .map((p) =>
      p.runs
        .filter((r) => r.kind !== 'ins')
        .map((r) => r.text)
        .join(''),
    )
    .join('\n')
  return returnedItems({ paragraphs, comments }, importText(original).plan)
}

const EXPORTED = [
  '2025年区教育工作要点',
  '一、加强党的建设',
  '1.深化理论学习。组织干部参加专题培训，全年不少于[-四次-][+六次+]。',
  '2.完善基层组织。推动支部[+全面+]标准化建设。',
  '二、提高教育质量',
  '3.推进课程改革。在全区中小学推广{项目化学习}。',
  '4.加强教师培训。实施新教师规范化培训。',
  '开展骨干教师[-研修-]。',
  '5.保障校园安全。落实安全责任制，开展应急演练。',
]

/** Texts of the suggestion parts of one item, as kind:text. */
function partsIn(doc: PMNode, itemId: string): string[] {
  return scanSuggestions(doc)
    .filter((p) => p.itemId === itemId)
    .map((p) => `${p.kind}:${p.text}`)
}

describe('placing a returned Word file on the live draft', () => {
  it('puts every revision and comment on its item after the draft moved items and renumbered', () => {
    // Since the export: item 5 moved to the top of section 一, item 3 moved into section 一, a new item leads section 二.
    const live = plan([
      ['加强党的建设', [ITEMS.e, ITEMS.a, ITEMS.c, ITEMS.b]],
      ['提高教育质量', [item('inew', '办好人民满意教育。', '完善评价体系。'), ITEMS.d]],
    ])
    const doc = planState(live).doc
    const placed = placeWordReturn(doc, returned(EXPORTED))
    expect(placed.notPlaced).toEqual([])
    expect(partsIn(placed.doc, 'ia')).toEqual(['deletion:四次', 'insertion:六次'])
    expect(partsIn(placed.doc, 'ib')).toEqual(['insertion:全面'])
    expect(partsIn(placed.doc, 'id')).toEqual(['deletion:研修'])
    expect(partsIn(placed.doc, 'ie')).toEqual([])
    expect(partsIn(placed.doc, 'inew')).toEqual([])
    // The replacement is one suggestion; the author comes from the file.
    expect(listSuggestions(placed.doc).map((s) => s.parts.length)).toEqual([2, 1, 1])
    expect(placed.suggestions.map((s) => [s.itemId, s.wordAuthor])).toEqual([
      ['ia', '张三（基教科）'],
      ['ib', '张三（基教科）'],
      ['id', '张三（基教科）'],
    ])
    const anchors = commentAnchorsIn(placed.doc)
    expect(anchors.map((a) => [a.itemId, placed.doc.textBetween(a.from, a.to)])).toEqual([['ic', '项目化学习']])
    expect(placed.threads).toMatchObject([{ itemId: 'ic', quote: '项目化学习', text: '批注1', wordAuthor: '王五（德育科）' }])
    // Rejecting everything gives back the draft: nothing but suggestions and comment marks was added.
    expect(baseView(placed.doc).toJSON()).toEqual(doc.toJSON())
  })

  it('leaves a revision unplaced, with the reason, when the words around it changed in the draft', () => {
    const live = plan([
      ['加强党的建设', [item('ia', '深化理论学习。', '组织干部参加专题培训，全年不少于八次以上。'), ITEMS.b]],
      ['提高教育质量', [ITEMS.c, ITEMS.d, ITEMS.e]],
    ])
    const placed = placeWordReturn(planState(live).doc, returned(EXPORTED))
    expect(placed.notPlaced.map((n) => [n.kind, n.text])).toEqual([
      ['deletion', '四次'],
      ['insertion', '六次'],
    ])
    expect(placed.notPlaced[0].reason).toContain('原文在当前草稿中已改动')
    expect(partsIn(placed.doc, 'ia')).toEqual([])
    expect(partsIn(placed.doc, 'ib')).toEqual(['insertion:全面'])
  })

  it('places a replacement whole or not at all when only the words before it changed', () => {
    // 全年 became 今年: the deleted words are gone, the words around the insertion (少于|四次) are not; neither part is placed.
    const live = plan([
      ['加强党的建设', [item('ia', '深化理论学习。', '组织干部参加专题培训，今年不少于四次。'), ITEMS.b]],
      ['提高教育质量', [ITEMS.c, ITEMS.d, ITEMS.e]],
    ])
    const lines = EXPORTED.map((l) => l.replace('全年不少于[-四次-][+六次+]', '[-全年不少于-][+每年至少+]四次'))
    const placed = placeWordReturn(planState(live).doc, returned(lines))
    expect(placed.notPlaced.map((n) => [n.kind, n.text])).toEqual([
      ['deletion', '全年不少于'],
      ['insertion', '每年至少'],
    ])
    expect(partsIn(placed.doc, 'ia')).toEqual([])
  })

  it('does not add again the suggestions and comments the draft already has (a file exported with its 修订 and 批注)', () => {
    const live = plan([
      ['加强党的建设', [ITEMS.a, ITEMS.b]],
      ['提高教育质量', [ITEMS.c, ITEMS.d, ITEMS.e]],
    ])
    const first = placeWordReturn(planState(live).doc, returned(EXPORTED))
    const again = placeWordReturn(first.doc, returned(EXPORTED), { existingThreads: first.threads })
    expect(again.suggestions).toEqual([])
    expect(again.threads).toEqual([])
    expect(again.notPlaced.map((n) => [n.kind, n.text, n.reason.includes('未重复导入')])).toEqual([
      ['deletion', '四次', true],
      ['insertion', '六次', true],
      ['insertion', '全面', true],
      ['comment', '批注1', true],
      ['deletion', '研修', true],
    ])
    expect(again.doc.eq(first.doc)).toBe(true)
  })

  it('reports revisions of an item the draft no longer has', () => {
    const live = plan([
      ['加强党的建设', [ITEMS.a, ITEMS.b]],
      ['提高教育质量', [ITEMS.c, ITEMS.e]],
    ])
    const placed = placeWordReturn(planState(live).doc, returned(EXPORTED))
    expect(placed.notPlaced).toEqual([{ kind: 'deletion', text: '研修', reason: expect.stringContaining('找不到与文件第4.条对应的条目') }])
  })

  it('places a numbered paragraph added in Word as a suggested new item after the item it followed', () => {
    const lines = [...EXPORTED.slice(0, 4), '[+3.加强作风建设。开展作风建设专项行动。+]', ...EXPORTED.slice(4)]
    const live = plan([
      ['加强党的建设', [ITEMS.b, ITEMS.a]],
      ['提高教育质量', [ITEMS.c, ITEMS.d, ITEMS.e]],
    ])
    const placed = placeWordReturn(planState(live).doc, returned(lines), { itemId: () => 'iadded' })
    const added = scanSuggestions(placed.doc).find((p) => p.kind === 'insert')
    expect(added).toMatchObject({ itemId: 'iadded', text: '加强作风建设。开展作风建设专项行动。', node: 'item' })
    // After item 2 of the file (完善基层组织), wherever the draft has it now.
    const order: string[] = []
    placed.doc.descendants((n) => {
      if (n.type.name === 'item') order.push(n.attrs.id as string)
      return n.type.name !== 'item'
    })
    expect(order).toEqual(['ib', 'iadded', 'ia', 'ic', 'id', 'ie'])
  })

  it('lists revisions outside items (the title, a heading) as not placed', () => {
    const lines = ['2025年区教育工作[+重点+]要点', ...EXPORTED.slice(1)]
    const placed = placeWordReturn(
      planState(
        plan([
          ['加强党的建设', [ITEMS.a, ITEMS.b]],
          ['提高教育质量', [ITEMS.c, ITEMS.d, ITEMS.e]],
        ]),
      ).doc,
      returned(lines),
    )
    expect(placed.notPlaced).toEqual([{ kind: 'insertion', text: '重点', reason: expect.stringContaining('不在任何条目中') }])
  })
})
