import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { PlanError } from '../../../../shared/plan/errors.ts'
import { revisionParagraphs, wordComments } from '../../../../server/import/docx/revisionRuns.ts'
import { parseXml } from '../../../../server/import/docx/xmlTree.ts'
import { DEFAULT_IMPORT_LIMITS } from '../../../../server/import/importLimits.ts'
import { readWordReturn } from '../../../../server/import/readWordReturn.ts'
import { buildDocx, lvl, numPr } from '../docxPackage.ts'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const BY = 'w:author="张三（基教科）" w:date="2026-11-30T08:00:00Z"'

const t = (text: string, bold = false): string => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`
const ins = (text: string, id = 1): string => `<w:ins w:id="${id}" ${BY}>${t(text)}</w:ins>`
const del = (text: string, id = 2): string => `<w:del w:id="${id}" ${BY}><w:r><w:delText>${text}</w:delText></w:r></w:del>`
const p = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`

/** A document.xml body, parsed. */
function body(xml: string) {
  return parseXml(`<w:document xmlns:w="${W}"><w:body>${xml}</w:body></w:document>`).root
}

/** A .docx with a comments part (as Word and LibreOffice write it, next to document.xml). */
async function withComments(bodyXml: string, comments: string, numbering?: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildDocx({ body: bodyXml, ...(numbering ? { numbering } : {}) }))
  zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}">${comments}</w:comments>`)
  return zip.generateAsync({ type: 'uint8array' })
}

describe('reading Word revisions and comments from document.xml', () => {
  it('gives each run its revision state with author and date, and keeps bold', () => {
    const [para] = revisionParagraphs(body(p(t('1.深化理论学习。', true), t('全年不少于'), del('四次'), ins('六次'), t('。'))))
    expect(para.runs).toEqual([
      { text: '1.深化理论学习。', kind: 'same', bold: true, comments: [] },
      { text: '全年不少于', kind: 'same', bold: false, comments: [] },
      { text: '四次', kind: 'del', author: '张三（基教科）', date: '2026-11-30T08:00:00Z', bold: false, comments: [] },
      { text: '六次', kind: 'ins', author: '张三（基教科）', date: '2026-11-30T08:00:00Z', bold: false, comments: [] },
      { text: '。', kind: 'same', bold: false, comments: [] },
    ])
  })

  it('lists on each run the comments whose range covers it, across paragraphs', () => {
    const xml =
      p(t('甲乙'), '<w:commentRangeStart w:id="7"/>', t('丙丁'), '<w:commentRangeStart w:id="8"/>', t('戊')) + p(t('己'), '<w:commentRangeEnd w:id="7"/>', t('庚'), '<w:commentRangeEnd w:id="8"/>', t('辛'))
    const paras = revisionParagraphs(body(xml))
    expect(paras.map((x) => x.runs.map((r) => [r.text, r.comments]))).toEqual([
      [
        ['甲乙', []],
        ['丙丁', ['7']],
        ['戊', ['7', '8']],
      ],
      [
        ['己', ['7', '8']],
        ['庚', ['8']],
        ['辛', []],
      ],
    ])
  })

  it('marks a paragraph whose paragraph mark was inserted, and reads moved text as deleted and inserted', () => {
    const added = `<w:p><w:pPr><w:rPr><w:ins w:id="3" ${BY}/></w:rPr></w:pPr>${ins('3.新增条目。')}</w:p>`
    const moved = p(`<w:moveFrom w:id="4" ${BY}><w:r><w:delText>旧处</w:delText></w:r></w:moveFrom>`, `<w:moveTo w:id="5" ${BY}>${t('新处')}</w:moveTo>`)
    const [first, second] = revisionParagraphs(body(added + moved))
    expect(first.inserted).toEqual({ author: '张三（基教科）', date: '2026-11-30T08:00:00Z' })
    expect(second.runs.map((r) => [r.kind, r.text])).toEqual([
      ['del', '旧处'],
      ['ins', '新处'],
    ])
  })

  it('skips text one reviewer inserted and another deleted again (w:del inside w:ins)', () => {
    const [para] = revisionParagraphs(body(p(t('甲'), `<w:ins w:id="1" ${BY}>${t('乙')}<w:del w:id="2" ${BY}><w:r><w:delText>丙</w:delText></w:r></w:del></w:ins>`, t('丁'))))
    expect(para.runs.map((r) => [r.kind, r.text])).toEqual([
      ['same', '甲'],
      ['ins', '乙'],
      ['same', '丁'],
    ])
  })

  it('reads comments.xml: id, author, date and the text of all its paragraphs', () => {
    const root = parseXml(
      `<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="王五（德育科）" w:date="2026-11-30T09:00:00Z"><w:p>${t('建议')}</w:p><w:p>${t('补充数据')}</w:p></w:comment></w:comments>`,
    ).root
    expect(wordComments(root)).toEqual([{ id: '0', author: '王五（德育科）', date: '2026-11-30T09:00:00Z', text: '建议\n补充数据' }])
  })
})

describe('readWordReturn', () => {
  const plan = (extra = ''): string =>
    [
      p(t('2026年区教育工作要点')),
      p(t('一、加强党的建设')),
      p(t('1.深化理论学习。', true), t('组织干部参加'), '<w:commentRangeStart w:id="0"/>', t('专题培训'), '<w:commentRangeEnd w:id="0"/>', t('，全年不少于'), del('四次'), ins('六次'), t('。')),
      extra,
      p(t('2.完善基层组织。', true), t('推动支部'), ins('全面'), t('标准化建设。')),
    ].join('')
  const comment = `<w:comment w:id="0" w:author="王五（德育科）" w:date="2026-11-30T09:00:00Z"><w:p>${t('写明主题')}</w:p></w:comment>`

  it('reads the items of the original text with their revisions and comments at offsets of title + body', async () => {
    const file = await readWordReturn(await withComments(plan(), comment))
    expect(file.items.map((i) => [i.label, i.item.title, i.item.body])).toEqual([
      ['1.', '深化理论学习。', '组织干部参加专题培训，全年不少于四次。'],
      ['2.', '完善基层组织。', '推动支部标准化建设。'],
    ])
    const [first, second] = file.items
    expect(first.revisions.map((r) => [r.kind, r.at, r.text, r.author, r.group === first.revisions[0].group])).toEqual([
      ['deletion', 23, '四次', '张三（基教科）', true],
      ['insertion', 25, '六次', '张三（基教科）', true],
    ])
    expect(first.comments).toEqual([{ id: '0', from: 13, to: 17, author: '王五（德育科）', date: '2026-11-30T09:00:00Z', text: '写明主题' }])
    expect(second.revisions.map((r) => [r.kind, r.at, r.text])).toEqual([['insertion', 11, '全面']])
    expect(file.notPlaced).toEqual([])
  })

  it('reads a numbered paragraph added whole as a new item after the one before it', async () => {
    const added = `<w:p><w:pPr><w:rPr><w:ins w:id="9" ${BY}/></w:rPr></w:pPr>${ins('2.加强作风建设。开展专项行动。')}</w:p>`
    const file = await readWordReturn(await withComments(plan(added), comment))
    expect(file.newItems).toEqual([{ title: '加强作风建设。', body: '开展专项行动。', author: '张三（基教科）', date: '2026-11-30T08:00:00Z', after: 0 }])
    expect(file.items).toHaveLength(2)
  })

  it("writes Word's automatic numbers in before reading the items", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
    const item = (text: string, ...runs: string[]): string => `<w:p><w:pPr>${numPr(1, 0)}</w:pPr>${t(text, true)}${runs.join('')}</w:p>`
    const xml = p(t('2026年区教育工作要点')) + p(t('一、加强党的建设')) + item('深化理论学习。', t('全年不少于'), del('四次'), t('。')) + item('完善基层组织。', t('推动支部建设。'))
    const file = await readWordReturn(await withComments(xml, '', numbering))
    expect(file.items.map((i) => i.item.title)).toEqual(['深化理论学习。', '完善基层组织。'])
    expect(file.items[0].revisions.map((r) => [r.kind, r.at, r.text])).toEqual([['deletion', 12, '四次']])
  })

  it('holds a returned file to the import limits', async () => {
    const bytes = await withComments(plan(), comment)
    await expect(readWordReturn(bytes, { ...DEFAULT_IMPORT_LIMITS, paragraphs: 3 })).rejects.toThrow(PlanError)
    await expect(readWordReturn(bytes, { ...DEFAULT_IMPORT_LIMITS, paragraphs: 3 })).rejects.toThrow(/段落数超过上限/)
    await expect(readWordReturn(new TextEncoder().encode('不是压缩包'))).rejects.toThrow(PlanError)
  })
})
