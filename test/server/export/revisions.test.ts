import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writePlan } from '../../../shared/collab/ydoc.ts'
import { planToPm } from '../../../shared/editor/convert/planToPm.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { runExportJob } from '../../../server/export/exportWorkerLoop.ts'
import type { ExportOptions } from '../../../server/export/exportDocx.ts'
import { childrenNamed, descendants, parseXml, type XmlElement } from '../../../server/import/docx/xmlTree.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { subsectionPlan } from './fixtures.ts'
import { FONTS_CONF, pageToPng, renderUnavailable } from './render/soffice.ts'
import { itemAt, itemNode, partsOf, posOf, reviewedSample, reviewedYDoc, SAMPLE_TIMES, samplePlan, stamp, thread } from './reviewedDoc.ts'

const run = promisify(execFile)
const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/export/', import.meta.url))

/** The parts of an export the checks read, as text. */
async function partsText(bytes: Uint8Array): Promise<Record<string, string | undefined>> {
  const zip = await JSZip.loadAsync(bytes)
  const read = (path: string): Promise<string | undefined> => zip.file(path)?.async('string') ?? Promise.resolve(undefined)
  return { document: await read('word/document.xml'), comments: await read('word/comments.xml'), extended: await read('word/commentsExtended.xml'), settings: await read('word/settings.xml') }
}

async function exportOf(parts: Uint8Array[], options: ExportOptions): Promise<Uint8Array> {
  return (await runExportJob({ parts, options })).bytes
}

/** The text of an element: w:t and w:delText in document order. */
function textOf(el: XmlElement): string {
  return [...descendants(el, 'w:t'), ...descendants(el, 'w:delText')]
    .sort((a, b) => a.start - b.start)
    .map((t) => t.text)
    .join('')
}

/** The body's paragraphs after the title (and its blank line), with text. */
function bodyParagraphs(documentXml: string): XmlElement[] {
  const body = descendants(parseXml(documentXml).root, 'w:body')[0]
  return childrenNamed(body, 'w:p').filter((p) => textOf(p))
}

/** The w:ins or w:del on a paragraph's mark (w:pPr/w:rPr), if any. */
function markChange(p: XmlElement): XmlElement | undefined {
  const rPr = childrenNamed(childrenNamed(p, 'w:pPr')[0], 'w:rPr')[0]
  return rPr?.children.find((c) => c.name === 'w:ins' || c.name === 'w:del')
}

/** The text between a comment's range start and end (the words it is anchored on), across paragraphs. */
function commentedWords(documentXml: string, id: string): string {
  const root = parseXml(documentXml).root
  const start = descendants(root, 'w:commentRangeStart').find((e) => e.attrs['w:id'] === id)
  const end = descendants(root, 'w:commentRangeEnd').find((e) => e.attrs['w:id'] === id)
  if (!start || !end) return ''
  return descendants(root, 'w:t')
    .filter((t) => t.start > start.start && t.start < end.start)
    .map((t) => t.text)
    .join('')
}

describe('export with 修订和批注 (review=1)', () => {
  let track: Record<string, string | undefined>
  let paragraphs: XmlElement[]
  beforeAll(async () => {
    track = await partsText(await exportOf(partsOf(reviewedSample()), { notice: false, suggestions: 'track' }))
    paragraphs = bodyParagraphs(track.document ?? '')
  })

  const paragraphWith = (text: string): XmlElement => {
    const p = paragraphs.find((q) => textOf(q).includes(text))
    if (!p) throw new Error(`no paragraph with ${text}`)
    return p
  }
  const changes = (name: 'w:ins' | 'w:del'): XmlElement[] => descendants(parseXml(track.document ?? '').root, name)

  it('prints inserted words as w:ins with the author’s name and the server’s time in Beijing time', () => {
    const ins = changes('w:ins').find((e) => textOf(e) === '和校外')
    expect(ins?.attrs).toMatchObject({ 'w:author': '王科长', 'w:date': '2026-12-01T09:30:00Z' })
    expect(textOf(paragraphWith('和校外'))).toBe('1.推进大思政课建设。建设区级实践教学和校外基地10个。')
  })

  it('prints words suggested for deletion as w:del holding w:delText, with their author and time', () => {
    const del = changes('w:del').find((e) => textOf(e) === '不少于')
    expect(del?.attrs).toMatchObject({ 'w:author': '李主任', 'w:date': '2026-12-01T11:00:00Z' })
    expect(descendants(del as XmlElement, 'w:delText')).toHaveLength(1)
  })

  it('numbers items as the editor does: a suggested new or moved item is （新增）/（移动） and shifts no other number', () => {
    const labels = paragraphs.map((p) => /^(\d+\.|（新增）|（移动）)/.exec(textOf(p))?.[1]).filter(Boolean)
    expect(labels).toEqual(['1.', '（移动）', '2.', '（新增）', '3.', '4.', '5.'])
  })

  it('prints a suggested new item as an inserted paragraph, its paragraph mark inserted too', () => {
    const p = paragraphWith('加强近视防控')
    expect(markChange(p)?.name).toBe('w:ins')
    expect(markChange(p)?.attrs['w:author']).toBe('王科长')
    const runs = childrenNamed(p, 'w:r').filter((r) => textOf(r))
    expect(runs).toHaveLength(0)
    expect(childrenNamed(p, 'w:ins').map(textOf).join('')).toBe('（新增）加强近视防控。学生近视率下降1个百分点。')
  })

  it('prints a deleted item struck through with its number, its paragraph mark deleted', () => {
    const p = paragraphWith('建设劳动教育基地')
    expect(markChange(p)?.name).toBe('w:del')
    expect(childrenNamed(p, 'w:del').map(textOf).join('')).toBe('3.建设劳动教育基地。新建基地5个。')
    expect(childrenNamed(p, 'w:del').every((d) => d.attrs['w:author'] === '李主任')).toBe(true)
  })

  it('prints a moved item deleted at its old place and inserted at its new one, both by the mover', () => {
    const moved = paragraphs.filter((p) => textOf(p).includes('推进学区集团建设'))
    expect(moved.map((p) => markChange(p)?.name)).toEqual(['w:ins', 'w:del'])
    expect(moved.map((p) => markChange(p)?.attrs['w:author'])).toEqual(['张老师', '张老师'])
    expect(textOf(moved[0])).toBe('（移动）推进学区集团建设。新组建学区集团3个。')
    expect(textOf(moved[1])).toBe('5.推进学区集团建设。新组建学区集团3个。')
  })

  it('gives every revision and comment its own w:id', () => {
    const root = parseXml(track.document ?? '').root
    const revisionIds = [...descendants(root, 'w:ins'), ...descendants(root, 'w:del')].map((e) => e.attrs['w:id'])
    const commentIds = descendants(root, 'w:commentRangeStart').map((e) => e.attrs['w:id'])
    expect(revisionIds.length).toBeGreaterThan(8)
    expect(new Set([...revisionIds, ...commentIds]).size).toBe(revisionIds.length + commentIds.length)
  })

  it('writes the open thread and its reply as Word comments with author, Beijing time and text; the resolved thread is left out', () => {
    const comments = descendants(parseXml(track.comments ?? '').root, 'w:comment')
    expect(comments.map((c) => [c.attrs['w:id'], c.attrs['w:author']])).toEqual([
      ['0', '赵处长'],
      ['1', '王科长'],
    ])
    expect(comments[0].attrs['w:date']).toMatch(/^2026-12-01T14:20:00/)
    expect(childrenNamed(comments[0], 'w:p').map(textOf)).toEqual(['请明确覆盖率口径。', '建议写到“100%”'])
    expect(textOf(comments[1])).toBe('已按此修改 <&>')
    expect(track.comments).not.toContain('已解决的意见')
    // The reply points at the opening comment (Word's conversation view).
    expect(track.extended).toMatch(/w15:paraIdParent="/)
  })

  it('anchors the thread and its reply on the commented words, with a reference after them', () => {
    expect(commentedWords(track.document ?? '', '0')).toBe('心理辅导室全覆盖')
    expect(commentedWords(track.document ?? '', '1')).toBe('心理辅导室全覆盖')
    expect(descendants(parseXml(track.document ?? '').root, 'w:commentReference').map((e) => e.attrs['w:id'])).toEqual(['0', '1'])
  })

  it('opens in 修订 mode (w:trackRevisions), so that what a department changes in Word comes back as revisions', () => {
    expect(track.settings).toContain('<w:trackRevisions/>')
  })
})

describe('export of a document with open suggestions, without review=1', () => {
  it('prints the plan as if every suggestion were accepted with accepted=1, numbered as after acceptance, without revisions', async () => {
    const accepted = await partsText(await exportOf(partsOf(reviewedSample()), { notice: false, suggestions: 'accept' }))
    const texts = bodyParagraphs(accepted.document ?? '').map(textOf)
    expect(texts.filter((t) => /^\d+\./.test(t))).toEqual([
      '1.推进大思政课建设。建设区级实践教学和校外基地10个。',
      '2.推进学区集团建设。新组建学区集团3个。',
      '3.完善心理健康服务体系。实现心理辅导室全覆盖。',
      '4.加强近视防控。学生近视率下降1个百分点。',
      '5.增加普惠性托育资源。新增托额600个。',
    ])
    expect(accepted.document).not.toMatch(/<w:(ins|del) /)
    expect(accepted.comments).toBeUndefined()
  })

  it('prints the plan as if every suggestion were rejected by default', async () => {
    const clean = await partsText(await exportOf(partsOf(reviewedSample()), { notice: false }))
    const texts = bodyParagraphs(clean.document ?? '').map(textOf)
    expect(texts.filter((t) => /^\d+\./.test(t))).toEqual([
      '1.推进大思政课建设。建设区级实践教学基地10个。',
      '2.完善心理健康服务体系。实现心理辅导室全覆盖。',
      '3.建设劳动教育基地。新建基地5个。',
      '4.增加普惠性托育资源。新增托额不少于600个。',
      '5.推进学区集团建设。新组建学区集团3个。',
    ])
    expect(clean.document).not.toMatch(/<w:(ins|del) /)
    expect(clean.settings).not.toContain('trackRevisions')
  })
})

describe('export with 修订和批注 of a document without suggestions', () => {
  const unmarked = (plan: Plan): Uint8Array[] => {
    const ydoc = new Y.Doc()
    writePlan(ydoc, plan)
    return partsOf(ydoc)
  }
  const cases: Array<[string, Plan, ExportOptions]> = [
    ['the district seed with its notice and 任务分解 notes', districtSeed(), { fields: true }],
    ['a plan with sub-sections, intros and a closing', subsectionPlan(), { notice: false }],
  ]
  for (const [name, plan, options] of cases) {
    it(`prints ${name} exactly as the clean export (same paragraphs and runs)`, async () => {
      const parts = unmarked(plan)
      const clean = await partsText(await exportOf(parts, options))
      const review = await partsText(await exportOf(parts, { ...options, suggestions: 'track' }))
      expect(review.document).toBe(clean.document)
    })
  }

  it('prints a suggestion the server has not stamped as by 未署名 rather than failing', async () => {
    const s = planSchema()
    const tr = new Transform(PMNode.fromJSON(s, planToPm(samplePlan())))
    tr.insert(posOf(tr.doc, '基地10个'), s.text('和校外', [s.marks.insertion.create({ id: 'gNoStamp' })]))
    const xml = (await partsText(await exportOf(partsOf(reviewedYDoc(tr.doc, {}, [])), { notice: false, suggestions: 'track' }))).document ?? ''
    const ins = descendants(parseXml(xml).root, 'w:ins').find((e) => textOf(e) === '和校外')
    expect(ins?.attrs['w:author']).toBe('未署名')
    expect(ins?.attrs['w:date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })
})

describe('export with 修订和批注 of a thread whose words were deleted', () => {
  it('pins the thread to the end of its item’s first paragraph, its comment saying which words it was on', async () => {
    const s = planSchema()
    const doc = PMNode.fromJSON(s, planToPm(samplePlan()))
    const ydoc = reviewedYDoc(doc, {}, [thread('cGone', 'i1', '实践教学', '赵处长', SAMPLE_TIMES[0], '这几个字为什么删了？'), thread('cGoneDone', 'i1', '基地', '赵处长', SAMPLE_TIMES[0], '已解决', [], true)])
    const parts = await partsText(await exportOf(partsOf(ydoc), { notice: false, suggestions: 'track' }))
    const comments = descendants(parseXml(parts.comments ?? '').root, 'w:comment')
    expect(comments.map((c) => childrenNamed(c, 'w:p').map(textOf))).toEqual([['（原文“实践教学”已删除）', '这几个字为什么删了？']])
    const item = bodyParagraphs(parts.document ?? '').find((p) => textOf(p).startsWith('1.'))
    const names = (item?.children ?? []).map((c) => c.name)
    expect(names.slice(-3)).toEqual(['w:commentRangeStart', 'w:commentRangeEnd', 'w:r'])
    expect(commentedWords(parts.document ?? '', '0')).toBe('')
  })
})

describe('export with 修订和批注 of a suggestion in the title', () => {
  it('prints the title with its revision and comment, centred in the title style, instead of the shaped clean title', async () => {
    const s = planSchema()
    const tr = new Transform(PMNode.fromJSON(s, planToPm(samplePlan())))
    const at = posOf(tr.doc, '教育工作要点')
    tr.insert(at, s.text('基础', [s.marks.insertion.create({ id: 'gTitle' })]))
    tr.addMark(at + 2, at + 8, s.marks.comment.create({ id: 'cTitle' }))
    const ydoc = reviewedYDoc(tr.doc, { gTitle: stamp('王科长', SAMPLE_TIMES[0]) }, [thread('cTitle', 'i1', '教育工作要点', '赵处长', SAMPLE_TIMES[1], '标题是否加“年度”？')])
    const parts = await partsText(await exportOf(partsOf(ydoc), { notice: false, suggestions: 'track' }))
    const title = bodyParagraphs(parts.document ?? '')[0]
    expect(childrenNamed(childrenNamed(title, 'w:pPr')[0], 'w:pStyle')[0]?.attrs['w:val']).toBe('Title')
    expect(textOf(title)).toBe('2027年闵行区基础教育工作要点')
    expect(childrenNamed(title, 'w:ins').map(textOf)).toEqual(['基础'])
    expect(commentedWords(parts.document ?? '', '0')).toBe('教育工作要点')
  })
})

describe('export with 修订和批注 of a suggested new section', () => {
  it('prints its heading and its items as inserted paragraphs by the suggestion’s author', async () => {
    const s = planSchema()
    const tr = new Transform(PMNode.fromJSON(s, planToPm(samplePlan())))
    const section = s.nodes.section.create({ id: 's3', suggestion: 'insert:gSection' }, [
      s.nodes.sectionHeading.create(null, s.text('加强队伍建设')),
      itemNode({ id: 'i6', suggestion: 'insert:gSection' }, '实施名师培养工程。', '培养区级骨干教师100名。'),
    ])
    tr.insert(itemAt(tr.doc, 'i5').pos + itemAt(tr.doc, 'i5').node.nodeSize + 1, section)
    const ydoc = reviewedYDoc(tr.doc, { gSection: stamp('王科长', SAMPLE_TIMES[0]) }, [])
    const xml = (await partsText(await exportOf(partsOf(ydoc), { notice: false, suggestions: 'track' }))).document ?? ''
    const added = bodyParagraphs(xml).filter((p) => markChange(p)?.name === 'w:ins')
    expect(added.map(textOf)).toEqual(['三、加强队伍建设', '（新增）实施名师培养工程。培养区级骨干教师100名。'])
    expect(added.map((p) => markChange(p)?.attrs['w:author'])).toEqual(['王科长', '王科长'])
  })
})

describe('export with 修订和批注 of text no .docx can hold', () => {
  it('drops control characters and replaces lone surrogates in suggested text, comments and names, and the file still parses', async () => {
    const s = planSchema()
    const tr = new Transform(PMNode.fromJSON(s, planToPm(samplePlan())))
    tr.insert(posOf(tr.doc, '基地10个'), s.text('坏\u0001字\ud800', [s.marks.insertion.create({ id: 'gOdd' })]))
    const c = posOf(tr.doc, '心理辅导室')
    tr.addMark(c, c + 5, s.marks.comment.create({ id: 'cOdd' }))
    const ydoc = reviewedYDoc(tr.doc, { gOdd: stamp('王\u0002科长', SAMPLE_TIMES[0]) }, [thread('cOdd', 'i2', '心理辅导室', '赵\u0003处长', 'not a time', '意见\u0007\udc00')])
    const parts = await partsText(await exportOf(partsOf(ydoc), { notice: false, suggestions: 'track' }))
    const ins = descendants(parseXml(parts.document ?? '').root, 'w:ins').find((e) => textOf(e).startsWith('坏'))
    expect([textOf(ins as XmlElement), ins?.attrs['w:author']]).toEqual(['坏字\ufffd', '王科长'])
    const comment = descendants(parseXml(parts.comments ?? '').root, 'w:comment')[0]
    expect([comment.attrs['w:author'], textOf(comment)]).toEqual(['赵处长', '意见\ufffd'])
    // A time that does not parse falls back to the time of the export.
    expect(comment.attrs['w:date']).toMatch(/^\d{4}-\d\d-\d\dT/)
  })
})

const skip = renderUnavailable()
if (skip) console.warn(skip)

/** Converts a .docx with LibreOffice (headless, private profile, the project's fonts) to `format`; returns the converted file's path. */
async function convert(bytes: Uint8Array, format: string, extension: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-revisions-'))
  const input = join(dir, 'revisions.docx')
  writeFileSync(input, bytes)
  await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', format, '--outdir', dir, input], {
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
    timeout: 180_000,
  })
  return join(dir, `revisions.${extension}`)
}

describe.skipIf(skip !== undefined)('the 修订和批注 export read back by LibreOffice', () => {
  let content: string
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await exportOf(partsOf(reviewedSample()), { notice: false, suggestions: 'track' })
    const odt = await convert(bytes, 'odt', 'odt')
    content = (await (await JSZip.loadAsync(readFileSync(odt))).file('content.xml')?.async('string')) ?? ''
  })

  /** The tracked changes LibreOffice read: kind, author, time and (for deletions) the deleted text. */
  const regions = (): Array<{ kind: string; creator: string; date: string; text: string }> =>
    [...content.matchAll(/<text:changed-region[^>]*>([\s\S]*?)<\/text:changed-region>/g)].map(([, inner]) => ({
      kind: /<text:(insertion|deletion|format-change)>/.exec(inner)?.[1] ?? '',
      creator: /<dc:creator>([^<]*)<\/dc:creator>/.exec(inner)?.[1] ?? '',
      date: /<dc:date>([^<]*)<\/dc:date>/.exec(inner)?.[1] ?? '',
      text: [...inner.matchAll(/>([^<]+)</g)]
        .map((m) => m[1])
        .filter((t) => !/^\d{4}-|^(王|李|张)/.test(t))
        .join(''),
    }))

  it('shows every suggestion as a tracked change with its author and time', () => {
    const found = regions()
    expect(found.filter((r) => r.kind === 'insertion').map((r) => r.creator)).toEqual(['王科长', '张老师', '王科长'])
    const deletions = found.filter((r) => r.kind === 'deletion')
    expect(deletions.map((r) => r.creator)).toEqual(['李主任', '李主任', '张老师'])
    expect(deletions.map((r) => r.text)).toEqual(['3.建设劳动教育基地。新建基地5个。', '不少于', '5.推进学区集团建设。新组建学区集团3个。'])
    expect(found.find((r) => r.creator === '王科长')?.date).toBe('2026-12-01T09:30:00')
  })

  it('shows the thread and its reply as comments with their authors, on the commented words', () => {
    const annotations = [...content.matchAll(/<office:annotation office:name="([^"]+)"[^>]*>([\s\S]*?)<\/office:annotation>/g)].map(([, name, inner]) => ({
      name,
      creator: /<dc:creator>([^<]*)<\/dc:creator>/.exec(inner)?.[1],
      text: [...inner.matchAll(/<text:p[^>]*>([^<]*)<\/text:p>/g)].map((m) => m[1]).join('\n'),
    }))
    expect(annotations.map((a) => a.creator).sort()).toEqual(['王科长', '赵处长'])
    expect(annotations.find((a) => a.creator === '赵处长')?.text).toBe('请明确覆盖率口径。\n建议写到“100%”')
    expect(annotations.find((a) => a.creator === '王科长')?.text).toBe('已按此修改 &lt;&amp;&gt;')
    const opening = annotations.find((a) => a.creator === '赵处长')
    const from = content.lastIndexOf('</office:annotation>', content.indexOf(`<office:annotation-end office:name="${opening?.name}"`))
    const between = content.slice(from, content.indexOf(`<office:annotation-end office:name="${opening?.name}"`))
    expect(between.replace(/<[^>]+>/g, '')).toBe('心理辅导室全覆盖')
  })

  it('renders page 1 with the revisions and the comment (artifacts/export/revisions.png)', async () => {
    // LibreOffice 7.4 prints comments as PDF notes (an icon at the words), not in a margin.
    const pdf = await convert(bytes, 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', 'pdf')
    mkdirSync(ARTIFACTS, { recursive: true })
    const png = await pageToPng(pdf, 1, join(ARTIFACTS, 'revisions'))
    expect(statSync(png).size).toBeGreaterThan(10_000)
  })
})
