import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlanJson, type PlanJson } from '../../../shared/plan/planJson.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'
import { buildDocx, lvl, numPr, para } from '../import/docxPackage.ts'
import { runCli } from './runCli.ts'

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-import-'))

describe('plan import', () => {
  it('prints the outline of seed 000 on stdout and its warnings on stderr', async () => {
    const run = await runCli(['import', SEED_PATHS.district])
    expect(run.code).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('2021年下半年闵行教育工作要点')
    expect(lines[1]).toBe('（上海市闵行区教育局 · 区级 · 2021年下半年）')
    expect(lines).toContain('一、抓好疫情防控，加强校园安全管理')
    expect(lines).toContain('    1.做好秋季开学和常态化疫情防控。')
    expect(lines).toContain('八、优化管理机制，提升教育治理水平')
    expect(lines).toContain('    30.规范教育行政服务。')
    expect(lines[lines.length - 1]).toBe('共 8 个部分、30 条')
    expect(lines.filter((l) => /^[一二三四五六七八]、/.test(l))).toHaveLength(8)
    expect(lines.filter((l) => /^ {4}\d+\./.test(l))).toHaveLength(30)
    const warnings = run.stderr.trimEnd().split('\n')
    expect(warnings.length).toBeGreaterThan(0)
    for (const w of warnings) expect(w).toMatch(/^警告：/)
    expect(run.stderr).toContain('公开属性')
  })

  it('prints Plan JSON with --json, numbers and warnings included', async () => {
    const run = await runCli(['import', SEED_PATHS.municipal, '--json'])
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout) as PlanJson
    expect(json.format).toBe('plan-studio/plan@1')
    expect(json.title).toBe('2024年上海市教育委员会工作要点')
    expect(json.sections.map((s) => s.number)).toEqual(['一', '二', '三', '四'])
    const items = json.sections.flatMap((s) => s.items)
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1))
    expect(items[17].title).toBe('推进专业结构布局优化。')
    expect(json.warnings.map((w) => w.code)).toContain('truncated')
    expect(run.stderr).toContain('警告：文档在句中结束')
    expect(() => parsePlanJson(json)).not.toThrow()
  })

  it('imports a .docx with automatic numbering', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`
    const body = [para(['2025年某区教育工作要点']), para(['加强安全'], numPr(1, 0)), para([['做好安全工作。', true], '内容。'], numPr(2, 0)), para([['加强管理。', true], '内容。'], numPr(2, 0))].join('')
    const file = join(dir, '要点.docx')
    writeFileSync(file, await buildDocx({ body, numbering }))
    const run = await runCli(['import', file])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('2025年某区教育工作要点\n（区级 · 2025年）\n一、加强安全\n    1.做好安全工作。\n    2.加强管理。\n共 1 个部分、2 条\n')
    expect(run.stderr).toBe('警告：已按 Word 自动编号补出 3 处编号\n')
  })

  it('imports Plan JSON and text from stdin with "-"', async () => {
    const json = await runCli(['import', SEED_PATHS.district, '--json'])
    const fromJson = await runCli(['import', '-'], json.stdout)
    expect(fromJson.code).toBe(0)
    expect(fromJson.stdout).toContain('    30.规范教育行政服务。')
    const fromText = await runCli(['import', '-'], '2025年要点\n一、安全\n1.甲条。内容。\n')
    expect(fromText.stdout).toContain('    1.甲条。')
  })

  it.each([
    ['a missing file', ['import', 'no/such/file.txt'], 1, /^plan: 找不到文件：no\/such\/file\.txt$/],
    ['a folder', ['import', 'seeds'], 1, /^plan: 这是一个文件夹，不是文件：seeds$/],
    ['no file', ['import'], 2, /^plan: 用法: plan import FILE/],
    ['an unknown flag', ['import', 'x.txt', '--jsn'], 2, /^plan: 未知参数 --jsn/],
  ])('fails on %s with one line on stderr', async (_what, args, code, message) => {
    const run = await runCli(args)
    expect(run.code).toBe(code)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr.trimEnd()).toMatch(message)
  })

  it.each([
    ['an empty file', 'empty.txt', new Uint8Array(0), 'empty-file'],
    ['a binary file', 'image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), 'binary-file'],
    ['a .docx that is not a zip', 'fake.docx', new TextEncoder().encode('纯文本，不是 Word 文件'), 'not-a-docx'],
    ['text with no structure', 'prose.txt', new TextEncoder().encode('这是一段没有结构的文字。它没有编号。'), 'no-structure'],
    ['a 50 MB file', 'huge.txt', new Uint8Array(50 * 1024 * 1024).fill(0x61), 'file-too-large'],
  ])('refuses %s with a one-line Chinese message and no stack trace', async (_what, name, bytes, code) => {
    const file = join(dir, name)
    writeFileSync(file, bytes)
    const run = await runCli(['import', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^plan: .*[\\u4e00-\\u9fff].*（${code}）$`))
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it('refuses a zip without word/document.xml', async () => {
    const file = join(dir, 'nodoc.docx')
    writeFileSync(file, await buildDocx({ body: '', withoutDocument: true }))
    const run = await runCli(['import', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^plan: .*（docx-missing-document）\n$/)
  })
})
