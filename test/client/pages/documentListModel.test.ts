import { describe, expect, it } from 'vitest'
import type { DocumentInfo } from '../../../shared/api/types.ts'
import { draftsForNextYear, filterDocuments, sameTitleIds, shortDate, sourceLabel, yearsOf } from '../../../client/pages/documentListModel.ts'

function doc(id: string, over: Partial<DocumentInfo> = {}): DocumentInfo {
  return { id, title: `标题${id}`, kind: 'draft', archived: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', createdBy: 'u1', role: 'owner', ...over }
}

describe('the document list model', () => {
  const docs = [doc('a', { year: 2025 }), doc('b', { year: 2026, kind: 'prior' }), doc('c', { status: 'final', year: 2026 }), doc('d')]

  it('filters by kind, status and year together, and by 未标年份', () => {
    expect(filterDocuments(docs, { kind: 'all', status: 'all', year: 2026 }).map((d) => d.id)).toEqual(['b', 'c'])
    expect(filterDocuments(docs, { kind: 'draft', status: 'all', year: 2026 }).map((d) => d.id)).toEqual(['c'])
    expect(filterDocuments(docs, { kind: 'all', status: 'drafting', year: 'all' }).map((d) => d.id)).toEqual(['a', 'b', 'd'])
    expect(filterDocuments(docs, { kind: 'all', status: 'all', year: 'none' }).map((d) => d.id)).toEqual(['d'])
  })

  it('lists the years newest first and says when some documents have none', () => {
    expect(yearsOf(docs)).toEqual({ years: [2026, 2025], someWithout: true })
    expect(yearsOf(docs.slice(0, 2))).toEqual({ years: [2026, 2025], someWithout: false })
  })

  it('marks only the rows whose title another row has too', () => {
    const twins = [doc('x', { title: '2026年工作要点' }), doc('y', { title: '2026年工作要点' }), doc('z', { title: '别的' })]
    expect([...sameTitleIds(twins)].sort()).toEqual(['x', 'y'])
    expect(sameTitleIds(twins.slice(1)).size).toBe(0)
  })

  it('names every source, and an unknown one as a dash', () => {
    expect(sourceLabel({ kind: 'new' }).label).toBe('新建')
    expect(sourceLabel({ kind: 'template', template: 'district-annual', title: '区县年度工作要点' })).toEqual({ label: '模板', detail: '模板：区县年度工作要点' })
    expect(sourceLabel({ kind: 'import', filename: 'a.docx' })).toEqual({ label: '导入', detail: '导入文件：a.docx' })
    expect(sourceLabel({ kind: 'carry', fromTitle: '2025年要点' })).toEqual({ label: '结转', detail: '结转自《2025年要点》' })
    expect(sourceLabel(undefined).label).toBe('—')
  })

  it('finds the user’s unarchived drafts for the year a 结转 is for', () => {
    const prior = doc('p', { kind: 'prior', year: 2025 })
    const all = [prior, doc('d1', { year: 2026 }), doc('d2', { year: 2026, archived: true }), doc('r', { kind: 'reference', year: 2026 }), doc('d3', { year: 2027 })]
    expect(draftsForNextYear(prior, all)).toEqual({ year: 2026, existing: [all[1]] })
    expect(draftsForNextYear(doc('n'), all)).toEqual({ existing: [] })
  })

  it('writes a creation date without the year when it is this year’s', () => {
    const now = new Date(2026, 11, 2, 9)
    expect(shortDate(new Date(2026, 0, 5, 8).toISOString(), now)).toBe('1月5日')
    expect(shortDate(new Date(2025, 11, 31, 8).toISOString(), now)).toBe('2025年12月31日')
    expect(shortDate('not a date', now)).toBe('')
  })
})
