import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { clipboardText } from '../../../shared/import/pasteHtml.ts'

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/paste/${name}`, import.meta.url), 'utf8')

describe('clipboardText (clipboard HTML to lines)', () => {
  it('reads Word clipboard HTML: its list numbers, bold lead sentences and entities, without head, styles or <o:p>', () => {
    const { text, leads } = clipboardText(fixture('word-items.html'))
    expect(text.split('\n')).toEqual([
      '三、完善家校共育机制',
      '5.   办好家长学校。每校每学期至少开设四次家长课程，课程内容由学校和家委会共同商定，做到有计划、有教材、有记录。',
      '6.   做实全员家访“千师访万家”。班主任每学年走访本班全部学生家庭。',
    ])
    expect(leads).toEqual(['办好家长学校。', '做实全员家访“千师访万家”。'])
  })

  it('reads the comment form of Word lists that Chrome gives (<!--[if !supportLists]-->) and drops empty paragraphs', () => {
    const { text, leads } = clipboardText(fixture('word-chrome-comments.html'))
    expect(text.split('\n')).toEqual(['（一）加强校园安全管理', '1.排查校舍隐患。开学前完成全部校舍排查，建立隐患台账。', '2.开展应急演练。每学期组织两次疏散演练。'])
    expect(leads).toEqual(['排查校舍隐患。', '开展应急演练。'])
  })

  it('numbers WPS list paragraphs from the @list rules when the paragraph holds no number', () => {
    const { text, leads } = clipboardText(fixture('wps-list-rules.html'))
    expect(text.split('\n')).toEqual([
      '一、推进教育数字化',
      '1.建设智慧校园。年内完成十所学校网络改造。',
      '2.用好国家平台资源。每位教师每学期上一节平台资源课。',
      '二、加强教师培训',
      '3.组织新教师跟岗研修，为期一个月。',
    ])
    expect(leads).toEqual(['建设智慧校园。', '用好国家平台资源。'])
  })

  it('reads a web page: block lines, <strong> leads, hidden text left out, an <ol> numbered from its start', () => {
    const { text, leads } = clipboardText(fixture('web-article.html'))
    const lines = text.split('\n')
    expect(lines[0]).toBe('2027年青石区教育工作要点')
    expect(lines).toContain('1.开展大思政课实践。各校每学期组织一次校外实践课，由思政教师带队。')
    expect(lines).toContain('3.推进家校社协同。每个街道建一个家庭教育指导站。')
    expect(lines).toContain('4.办好心理健康教育。每校配备专职心理教师。')
    expect(text).not.toContain('本文来源于网络')
    expect(leads).toEqual(['开展大思政课实践。', '建好思政课教师队伍。', '推进家校社协同。'])
  })

  it('does not number an <ol> entry twice when its text has its own number', () => {
    expect(clipboardText('<ol><li>1.开展读书月活动。</li><li>2、评选书香班级。</li></ol>').text).toBe('1.开展读书月活动。\n2、评选书香班级。')
    expect(clipboardText('<ol><li>开展读书月活动。<ol><li>制定方案。</li></ol></li></ol>').text).toBe('1.开展读书月活动。\n（1）制定方案。')
  })

  it('keeps an <ol> number on the line of a paragraph inside the entry, as Google Docs and many sites write lists', () => {
    const html =
      '<b style="font-weight:normal;" id="docs-internal-guid-1"><ol><li dir="ltr"><p dir="ltr"><span style="font-weight:700;">开展读书月活动。</span><span>四月举行。</span></p></li><li><p>评选书香班级。</p></li></ol></b>'
    expect(clipboardText(html)).toEqual({ text: '1.开展读书月活动。四月举行。\n2.评选书香班级。', leads: ['开展读书月活动。'] })
  })

  it('restarts the counters of a deeper Word level under each entry of the level above', () => {
    const style = '<style>@list l0:level1{mso-level-text:"%1、";mso-level-number-format:chinese-counting;}@list l0:level2{mso-level-text:"\\(%2\\)";}</style>'
    const p = (level: number, text: string): string => `<p class=MsoNormal style="mso-list:l0 level${level} lfo1">${text}</p>`
    const html = style + p(1, '甲') + p(2, '甲一') + p(2, '甲二') + p(1, '乙') + p(2, '乙一')
    expect(clipboardText(html).text.split('\n')).toEqual(['一、甲', '(1)甲一', '(2)甲二', '二、乙', '(1)乙一'])
  })

  it('keeps a space between English words across a source line break, and removes one inside Chinese text', () => {
    expect(clipboardText('<p>Plan\nStudio 加强\n管理</p>').text).toBe('Plan Studio 加强管理')
    expect(clipboardText('<p><span>加强</span>\n<span>管理</span></p>').text).toBe('加强管理')
  })

  it('reads broken HTML (unclosed tags and quotes, stray <, bad references) without throwing', () => {
    const broken = '<p>一、标题<span style="x'.repeat(2000) + '<'.repeat(20000) + '<a "'.repeat(20000)
    expect(() => clipboardText(broken)).not.toThrow()
    expect(clipboardText('&#0;&#xFFFFFF;&unknown;a &lt; b').text).toBe('&unknown;a < b')
  })
})
