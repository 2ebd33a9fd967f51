import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { importDocx } from '../../../server/import/docx.ts'
import { parseXml } from '../../../server/import/docx/xmlTree.ts'
import type { ImportResult } from '../../../shared/import/importText.ts'
import { PlanError } from '../../../shared/plan/errors.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { item, plan, section } from './fixtures.ts'
import { pdfPages } from './render/pdfLayout.ts'
import { docxToPdf, renderUnavailable } from './render/soffice.ts'

const ODD: Record<string, () => Plan> = {
  emptySection: () => plan({ sections: [section('总体要求', [item('落实任务。', '完成目标。')]), section('空的部分', []), section('保障措施', [item('加强保障。', '落实经费。')])] }),
  noBody: () => plan({ sections: [section('总体要求', [item('开齐开足劳动课程。'), item('加强保障。', '落实经费。')])] }),
  noTitle: () => plan({ sections: [section('总体要求', [item('', '落实各项工作任务，确保按期完成。'), item('加强保障。', '落实经费。')])] }),
  emptyItem: () => plan({ sections: [section('总体要求', [item('落实任务。', '完成目标。'), item(''), item('加强保障。', '落实经费。')])] }),
  longTitle: () =>
    plan({ title: '上海市闵行区教育局关于进一步加强中小学校园安全管理和学生心理健康教育工作以及推进紧密型学区集团建设的实施意见', sections: [section('总体要求', [item('落实任务。', '完成目标。')])] }),
  outsideBmp: () => plan({ title: '𠀀𠀁教育工作要点😀', sections: [section('𠀂部分', [item('做好𠀃工作。', '目标😀达成，𪚥字保留。')])] }),
  asciiPunctuation: () => plan({ sections: [section('抓好防控,加强管理', [item('加强管理.', '按照5:3:2比例(试点)推进;是否完成?完成!')])] }),
  controlCharacters: () => plan({ title: '控制\u0001字符\u000b计划', sections: [section('总体\u0000要求', [item('落实\u0008任务。', '完成\ud83d目标。')])] }),
  untitledSection: () => plan({ sections: [section('', [item('落实任务。', '完成目标。'), item('加强保障。', '落实经费。')])] }),
  emptyPlan: () => ({ title: '', preamble: [], sections: [], meta: {} }),
  emptyNotice: () => plan({ notice: { addressee: '', body: [] }, sections: [section('总体要求', [item('落实任务。', '完成目标。')])] }),
}

async function reimport(bytes: Uint8Array): Promise<ImportResult | PlanError> {
  try {
    return await importDocx(bytes)
  } catch (err) {
    if (err instanceof PlanError) return err
    throw err
  }
}

describe('odd input gives a valid .docx, no crash', () => {
  const files: Record<string, Uint8Array> = {}
  beforeAll(async () => {
    for (const [name, make] of Object.entries(ODD)) files[name] = await exportDocx(make())
  })

  it('writes a zip whose document, styles and footers are well-formed XML for every odd plan', async () => {
    for (const [name, bytes] of Object.entries(files)) {
      const zip = await JSZip.loadAsync(bytes)
      for (const part of ['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/footer1.xml', 'word/footer2.xml']) {
        const xml = await zip.file(part)?.async('string')
        expect(xml, `${name} ${part}`).toBeDefined()
        expect(() => parseXml(xml ?? ''), `${name} ${part}`).not.toThrow()
      }
    }
  })

  it('re-imports every odd export, or refuses the empty plan with a PlanError', async () => {
    for (const [name, bytes] of Object.entries(files)) {
      const result = await reimport(bytes)
      if (name === 'emptyPlan') expect(result).toBeInstanceOf(PlanError)
      else expect(result, name).not.toBeInstanceOf(PlanError)
    }
  })

  it('keeps an empty section in its place', async () => {
    const { plan: back } = (await reimport(files.emptySection)) as ImportResult
    expect(back.sections.map((s) => [s.heading, s.items.length])).toEqual([
      ['总体要求', 1],
      ['空的部分', 0],
      ['保障措施', 1],
    ])
  })

  it('keeps an item without a body and the text of items without a lead sentence', async () => {
    const noBody = (await reimport(files.noBody)) as ImportResult
    expect(noBody.plan.sections[0].items.map((i) => [i.title, i.body])).toEqual([
      ['开齐开足劳动课程。', ''],
      ['加强保障。', '落实经费。'],
    ])
    const noTitle = (await reimport(files.noTitle)) as ImportResult
    const [first, second] = noTitle.plan.sections[0].items
    expect(first.title + first.body).toBe('落实各项工作任务，确保按期完成。')
    expect(second).toMatchObject({ title: '加强保障。', body: '落实经费。' })
  })

  it('prints an item with neither lead sentence nor body as its bare number, keeping the numbers after it', async () => {
    const doc = await (await JSZip.loadAsync(files.emptyItem)).file('word/document.xml')?.async('string')
    const texts = [...(doc ?? '').matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    expect(texts.filter((t) => /^\d+\./.test(t))).toEqual(['1.落实任务。完成目标。', '2.', '3.加强保障。落实经费。'])
  })

  it('keeps characters outside the BMP', async () => {
    const { plan: back } = (await reimport(files.outsideBmp)) as ImportResult
    expect(back.title).toBe('𠀀𠀁教育工作要点😀')
    expect(back.sections[0].heading).toBe('𠀂部分')
    expect(back.sections[0].items[0]).toMatchObject({ title: '做好𠀃工作。', body: '目标😀达成，𪚥字保留。' })
  })

  it('writes ASCII punctuation full-width and drops characters XML cannot carry', async () => {
    const ascii = (await reimport(files.asciiPunctuation)) as ImportResult
    expect(ascii.plan.sections[0].heading).toBe('抓好防控，加强管理')
    expect(ascii.plan.sections[0].items[0]).toMatchObject({ title: '加强管理。', body: '按照5:3:2比例（试点）推进；是否完成？完成！' })
    const control = (await reimport(files.controlCharacters)) as ImportResult
    expect(control.plan.title).toBe('控制字符计划')
    expect(control.plan.sections[0].items[0]).toMatchObject({ title: '落实任务。', body: '完成\ufffd目标。' })
  })

  it('prints the items of a plan without section headings without a section label', async () => {
    const { plan: back } = (await reimport(files.untitledSection)) as ImportResult
    expect(back.sections).toHaveLength(1)
    expect(back.sections[0].heading).toBe('')
    expect(back.sections[0].items.map((i) => i.title)).toEqual(['落实任务。', '加强保障。'])
  })

  const skip = renderUnavailable()
  it.skipIf(skip !== undefined)('opens every odd export in LibreOffice', async () => {
    const pdfs = await docxToPdf(files)
    for (const [name, pdf] of Object.entries(pdfs)) expect((await pdfPages(pdf)).length, name).toBeGreaterThanOrEqual(1)
  })
})
