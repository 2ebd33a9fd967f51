import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { pasteNotices, readPaste } from '../../../shared/import/pastePiece.ts'

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/paste/${name}`, import.meta.url), 'utf8')

describe('readPaste (a paste as a piece of a plan)', () => {
  it('reads Word HTML as a section with its items, the typed numbers gone and the bold lead sentences as titles', () => {
    const piece = readPaste({ html: fixture('word-items.html'), text: '三、完善家校共育机制\n5.\t办好家长学校。…' })
    expect(piece?.lead).toEqual([])
    expect(piece?.loose.items).toEqual([])
    expect(piece?.sections.map((s) => s.heading)).toEqual(['完善家校共育机制'])
    expect(piece?.sections[0].items.map((i) => i.title)).toEqual(['办好家长学校。', '做实全员家访“千师访万家”。'])
    expect(piece?.sections[0].items[0].body).toBe('每校每学期至少开设四次家长课程，课程内容由学校和家委会共同商定，做到有计划、有教材、有记录。')
  })

  it('reads a （一） line followed by 1. items as a sub-section holding them', () => {
    const piece = readPaste({ html: fixture('word-chrome-comments.html') })
    expect(piece?.loose.subsections.map((u) => [u.heading, u.items.map((i) => i.title)])).toEqual([['加强校园安全管理', ['排查校舍隐患。', '开展应急演练。']]])
  })

  it('reads WPS lists numbered only by their @list rules as sections and items', () => {
    const piece = readPaste({ html: fixture('wps-list-rules.html') })
    expect(piece?.sections.map((s) => [s.heading, s.items.map((i) => i.title || i.body)])).toEqual([
      ['推进教育数字化', ['建设智慧校园。', '用好国家平台资源。']],
      ['加强教师培训', ['组织新教师跟岗研修，为期一个月。']],
    ])
  })

  it('cleans a web page copy: site lines removed with a notice for each kind, the <ol> entries items', () => {
    const piece = readPaste({ html: fixture('web-article.html') })
    expect(piece?.lead).toEqual(['2027年青石区教育工作要点'])
    expect(piece?.sections.map((s) => s.heading)).toEqual(['落实立德树人根本任务'])
    const sub = piece?.sections[0].subsections[0]
    expect(sub?.heading).toBe('加强思政课建设')
    expect(sub?.items.map((i) => i.title)).toEqual(['开展大思政课实践。', '建好思政课教师队伍。', '推进家校社协同。', '办好心理健康教育。'])
    expect(JSON.stringify({ ...piece, warnings: [] })).not.toMatch(/发布时间|阅读次数|下一篇|本文来源/)
    const notices = pasteNotices(piece?.warnings ?? [])
    expect(notices).toHaveLength(2)
    expect(notices[0]).toContain('发布时间')
    expect(notices[1]).toContain('下一篇')
  })

  it('is undefined for Word paragraphs of plain sentences, so the editor pastes them as text', () => {
    expect(readPaste({ html: fixture('word-plain.html'), text: '各校要把这项工作作为重点。' })).toBeUndefined()
    expect(readPaste({ text: '区教育局将在年底组织检查。\n请各校做好准备。' })).toBeUndefined()
  })

  it('reads plain text with 一、 （一） 1. 1） 第一部分 heads when there is no HTML', () => {
    expect(readPaste({ text: '1）开展读书月活动。四月举行。\n2）评选书香班级。' })?.loose.items.map((i) => i.title)).toEqual(['开展读书月活动。', '评选书香班级。'])
    const parts = readPaste({ text: '第三部分 保障措施\n8.加强经费保障。足额拨付。' })
    expect(parts?.sections.map((s) => [s.heading, s.items.map((i) => i.title)])).toEqual([['保障措施', ['加强经费保障。']]])
  })

  it('reads the plain text when the HTML is larger than the limit', () => {
    const html = `<p>${'很长的图片数据'.repeat(700_000)}</p>`
    expect(readPaste({ html, text: '1.开展读书月活动。\n2.评选书香班级。' })?.loose.items).toHaveLength(2)
  })
})
