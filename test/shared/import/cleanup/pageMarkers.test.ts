import { describe, expect, it } from 'vitest'
import { removePageMarkers } from '../../../../shared/import/cleanup/pageMarkers.ts'

/** A line as long as a page of copied text, ending with the given words. */
const page = (end: string): string => '整页的文字。'.repeat(10) + end

describe('removePageMarkers', () => {
  it('removes a run of N、 markers that split words at page breaks and joins the halves', () => {
    const lines = [page('第一页的文字，遴'), '2、选第二批试验区。' + page('第二页，将铸'), '3、牢中华民族共同体意识。']
    const r = removePageMarkers(lines)
    expect(r.markers).toBe(2)
    expect(r.lines).toHaveLength(1)
    expect(r.lines[0]).toContain('遴选第二批试验区。')
    expect(r.lines[0]).toContain('将铸牢中华民族共同体意识。')
  })

  it('leaves items numbered 1、 2、 that follow complete sentences', () => {
    const lines = ['一、加强党建', '1、坚持党建引领。深化党建工作。', '2、加强干部队伍建设。完善机制。', '3、推进廉政建设。开展教育。']
    expect(removePageMarkers(lines)).toEqual({ lines, markers: 0, pageNumbers: 0 })
  })

  it('leaves items numbered 1、 that follow short heading lines', () => {
    const lines = ['一、加强党的建设', '1、坚持党建引领。内容。', '二、推进教育改革', '2、深化评价改革。内容。']
    expect(removePageMarkers(lines).markers).toBe(0)
  })

  it('removes lines that are only a page number', () => {
    const r = removePageMarkers(['第一段。', '- 2 -', '第二段。', '第 3 页 共 9 页', '3/9', '第三段。'])
    expect(r.lines).toEqual(['第一段。', '第二段。', '第三段。'])
    expect(r.pageNumbers).toBe(3)
  })
})
