import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../server/import/importFile.ts'
import { PlanError } from '../../../shared/plan/errors.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { SEED_PATHS, districtSeed } from '../../utils/seeds.ts'
import { buildDocx, para } from './docxPackage.ts'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('importFile', () => {
  it('reads text files, GB18030 ones included', async () => {
    expect((await importFile(new Uint8Array(readFileSync(SEED_PATHS.district)), 'plan.txt')).plan.sections).toHaveLength(8)
    const gbk = new Uint8Array(readFileSync(new URL('../../fixtures/import/gbk-plan.txt', import.meta.url)))
    expect((await importFile(gbk, '徐汇.txt')).plan.title).toBe('2022年徐汇区教育工作要点')
  })

  it('reads Plan JSON by extension or by content, keeping ids', async () => {
    const plan = districtSeed()
    const json = utf8(JSON.stringify(toPlanJson(plan)))
    expect((await importFile(json, 'plan.json')).plan).toEqual(plan)
    expect((await importFile(json, 'plan.txt')).plan).toEqual(plan)
  })

  it('reads .docx by extension', async () => {
    const docx = await buildDocx({ body: [para(['2025年要点']), para(['一、安全']), para(['1.甲条。内容。'])].join('') })
    expect((await importFile(docx, '要点.DOCX')).plan.sections[0].items[0].title).toBe('甲条。')
  })

  it.each(['doc', 'wps', 'pdf'])('refuses .%s with advice to save as .docx', async (ext) => {
    await expect(importFile(utf8('x'), `old.${ext}`)).rejects.toMatchObject({ code: 'unsupported-format', message: expect.stringContaining('另存为 .docx') })
  })

  it('refuses broken Plan JSON with a PlanError', async () => {
    await expect(importFile(utf8('{"title": 1}'), 'plan.json')).rejects.toBeInstanceOf(PlanError)
  })

  it('refuses an empty file whatever its name', async () => {
    for (const name of ['a.txt', 'a.docx', 'a.json']) await expect(importFile(new Uint8Array(0), name)).rejects.toMatchObject({ code: 'empty-file' })
  })
})
