import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { importDocx } from '../../../server/import/docx.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { districtSeed, SEED_PATHS } from '../../utils/seeds.ts'
import { runCli } from './runCli.ts'

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-export-'))

async function documentXml(path: string): Promise<string> {
  return (await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')?.async('string')) ?? ''
}

describe('plan export', () => {
  it('writes a .docx of a text plan that imports back to the same items', async () => {
    const out = join(dir, 'district.docx')
    const run = await runCli(['export', SEED_PATHS.district, '-o', out])
    expect([run.code, run.stdout]).toEqual([0, `已导出 ${out}\n`])
    const back = (await importDocx(new Uint8Array(readFileSync(out)))).plan
    const items = (p: typeof back): string[][] => p.sections.flatMap((s) => s.items.map((i) => [s.heading, i.title, i.body]))
    expect(items(back)).toEqual(items(districtSeed()))
    expect(await documentXml(out)).toContain('关于印发《2021年下半年')
  })

  it('leaves the cover notice out with --no-notice and reads Plan JSON', async () => {
    const json = join(dir, 'plan.json')
    writeFileSync(json, JSON.stringify(toPlanJson(districtSeed())))
    const out = join(dir, 'plain.docx')
    const run = await runCli(['export', json, '--no-notice', '-o', out])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const xml = await documentXml(out)
    expect(xml).not.toContain('关于印发')
    expect(xml).toContain('2021年下半年闵行教育工作要点')
  })

  it('refuses a missing -o, a name not ending in .docx and unknown flags with usage (exit 2)', async () => {
    for (const args of [
      ['export', SEED_PATHS.district],
      ['export', SEED_PATHS.district, '-o', join(dir, 'x.pdf')],
      ['export', SEED_PATHS.district, '-o', join(dir, 'y.docx'), '--pdf'],
    ]) {
      const run = await runCli(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/^plan: .*(用法: plan export FILE|\.docx 结尾)/)
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1)
    }
  })

  it('reports a missing input in one Chinese line and leaves an existing output untouched', async () => {
    const out = join(dir, 'kept.docx')
    writeFileSync(out, 'old')
    const run = await runCli(['export', join(dir, 'missing.txt'), '-o', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`plan: 找不到文件：${join(dir, 'missing.txt')}\n`)
    expect(readFileSync(out, 'utf8')).toBe('old')
  })

  it('reports an output it cannot write and leaves no temporary file behind', async () => {
    const missingFolder = await runCli(['export', SEED_PATHS.municipal, '-o', join(dir, 'no-such-folder', 'a.docx')])
    expect(missingFolder.code).toBe(1)
    expect(missingFolder.stderr).toMatch(/无法写入 .*a\.docx：所在文件夹不存在\n$/)
    const folder = join(dir, 'taken')
    mkdirSync(join(folder, 'out.docx'), { recursive: true })
    const isFolder = await runCli(['export', SEED_PATHS.municipal, '-o', join(folder, 'out.docx')])
    expect(isFolder.code).toBe(1)
    expect(isFolder.stderr).toMatch(/无法写入 .*out\.docx：这是一个文件夹\n$/)
    expect(readdirSync(folder)).toEqual(['out.docx'])
  })
})
