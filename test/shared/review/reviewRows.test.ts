import { describe, expect, it } from 'vitest'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { reviewModel } from '../../../shared/review/reviewModel.ts'
import { reviewRows, type ChangeRow, type ReviewRow } from '../../../shared/review/reviewRows.ts'
import type { Paragraph } from '../../../shared/review/textParagraphs.ts'
import { seedDraft } from '../diff/fixtures/seedDraft.ts'
import { subsectionBase, subsectionRenamed } from './subsectionPlans.ts'

const text = (ps: Paragraph[] | null): string | null => ps && ps.map((p) => (p.label ?? '') + p.segments.map((s) => s.text).join('')).join('\n')
const changes = (rows: ReviewRow[]): ChangeRow[] => rows.filter((r): r is ChangeRow => r.type === 'change')

describe('reviewRows', () => {
  it('gives a renamed sub-section heading a row of its own, framed by its section heading, as the page model shows it', () => {
    const model = reviewModel(diffPlans(subsectionBase(), subsectionRenamed()))
    const sub = model.sections[0].subsections[1]
    expect([sub.chip, sub.kind, sub.changed]).toEqual(['标题修改', 'renamed', true])
    // The page's summary bar counts it too (the diff's own summary counts top-level sections only).
    expect(model.summary.sectionsRenamed).toBe(1)
    const rows = reviewRows(model)
    expect(rows.map((r) => (r.type === 'heading' ? `heading ${r.text}` : `${r.subject} ${r.chip}`))).toEqual(['heading 一、坚持立德树人，加强思想政治工作', 'subsection 标题修改'])
    const row = changes(rows)[0]
    expect([text(row.old), text(row.new), row.description]).toEqual(['（二）深化劳动教育', '（二）深化劳动教育和社会实践', '小节标题修改（原（二），现（二））'])
    // The added words are marked on the new side only.
    expect(
      row.new?.[0].segments
        .filter((s) => s.op === 'insert')
        .map((s) => s.text)
        .join(''),
    ).toBe('和社会实践')
    expect(row.old?.[0].segments.every((s) => s.op === 'equal')).toBe(true)
  })

  it('gives no row to anything unchanged, and none at all to identical plans', () => {
    expect(reviewRows(reviewModel(diffPlans(subsectionBase(), subsectionBase())))).toEqual([])
    const rows = reviewRows(reviewModel(diffPlans(subsectionBase(), subsectionRenamed(true))))
    expect(rows.map((r) => (r.type === 'heading' ? r.text : `${r.chip} ${r.description.slice(0, 4)}`))).toEqual([
      '一、坚持立德树人，加强思想政治工作',
      '标题修改 小节标题',
      '二、促进基础教育优质均衡',
      '修改 修改文字',
    ])
  })

  it('carries the item cells the page shows: old and new numbered paragraphs, nothing for an added item', () => {
    const f = seedDraft()
    const model = reviewModel(diffPlans(f.source, f.draft))
    const rows = changes(reviewRows(model)).filter((r) => r.subject === 'item')
    expect(rows).toHaveLength(model.summary.changed)
    for (const row of rows) {
      const item = model.items.find((i) => i.key === row.key)
      expect(item?.old).toBe(row.old)
      expect(item?.new).toBe(row.new)
    }
    const added = rows.filter((r) => r.chip === '新增')
    expect(added.map((r) => r.old)).toEqual([null, null])
    expect(added.every((r) => /^\d+\./.test(text(r.new) ?? ''))).toBe(true)
  })

  it('lists section changes in the new order with their sentences: removed 四, renamed 八 (now 七), added 九 (now 八)', () => {
    const f = seedDraft()
    const rows = changes(reviewRows(reviewModel(diffPlans(f.source, f.draft)))).filter((r) => r.subject === 'section')
    expect(rows.map((r) => `${r.chip} ${r.description}`)).toEqual(['删除部分 删除部分', '标题修改 部分标题修改（原第八部分，现第七部分）', '新增部分 新增部分'])
    expect(rows.map((r) => [r.old === null, r.new === null])).toEqual([
      [false, true],
      [false, false],
      [true, false],
    ])
  })

  it('puts title and preamble changes first', () => {
    const base = subsectionBase()
    const next = { ...subsectionBase(), title: '2026年闵行区教育工作要点', preamble: ['闵行教育坚持立德树人根本任务，办好人民满意的教育。'] }
    const rows = changes(reviewRows(reviewModel(diffPlans(base, next))))
    expect(rows.map((r) => [r.subject, r.chip, text(r.old), text(r.new)])).toEqual([
      ['title', '标题修改', '2025年闵行区教育工作要点', '2026年闵行区教育工作要点'],
      ['preamble', '导语修改', '闵行教育坚持立德树人根本任务。', '闵行教育坚持立德树人根本任务，办好人民满意的教育。'],
    ])
  })
})
