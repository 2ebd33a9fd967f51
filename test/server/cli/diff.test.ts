import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { renderPlanText } from '../../../shared/plan/render.ts'
import { seedDraft, type ExpectedEntry, type SeedDraft } from '../../shared/diff/fixtures/seedDraft.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'
import { runCli } from './runCli.ts'

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-diff-'))
const files = { json: join(dir, 'draft.json'), txt: join(dir, 'draft.txt'), docx: join(dir, 'draft.docx'), source: join(dir, 'source.json') }
let fixture: SeedDraft

beforeAll(async () => {
  fixture = seedDraft()
  writeFileSync(files.source, JSON.stringify(toPlanJson(fixture.source)))
  writeFileSync(files.json, JSON.stringify(toPlanJson(fixture.draft)))
  writeFileSync(files.txt, renderPlanText(fixture.draft))
  writeFileSync(files.docx, await exportDocx(fixture.draft))
})

interface JsonEntry {
  kind: string
  old: number[]
  new: number[]
  moved: boolean
}

function keys(list: (JsonEntry | ExpectedEntry)[]): string[] {
  return list.map((e) => `${e.kind} ${e.old.join('+')}→${e.new.join('+')}${e.moved ? ' M' : ''}`).sort()
}

describe('plan diff', () => {
  it('prints a Chinese summary and a line per changed item for two Plan JSON files', async () => {
    const run = await runCli(['diff', files.source, files.json])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('比较：2021年下半年闵行教育工作要点（30条） → 2022年下半年闵行教育工作要点（30条）')
    expect(lines[1]).toBe('条目：14 处变化（修改 4，移动 4，合并 1，拆分 1，新增 2，删除 2），未修改 17')
    expect(lines).toContain('  删除　四、加强学校建设，统筹教育资源布局')
    expect(lines).toContain('  公办幼儿园覆盖率 60% → 65%（提高）　[15. → 12.]')
    expect(lines).toContain('  合并　 6.+7. → 6.　贯彻“五项管理”规定，落实“双减”实施意见。')
    expect(lines).toContain('  拆分　 12. → 9.+10.　深化“四个结合”工作机制。')
    expect(lines).toContain('  删除　 26. →　平稳应对大体量招生。')
    // Unchanged items are only listed with --all.
    expect(run.stdout).not.toContain('未修改　')
  })

  it('prints the documented JSON with one entry per match, addition or removal', async () => {
    const run = await runCli(['diff', files.source, files.json, '--json'])
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as { items: JsonEntry[]; targets: { subject: string; old: string; new: string; kind: string }[]; summary: { changed: number } }
    expect(keys(out.items)).toEqual(keys(fixture.expected))
    expect(out.targets.map((t) => [t.subject, t.old, t.new, t.kind])).toEqual([
      ['公办幼儿园', '6所', '8所', 'raised'],
      ['公办幼儿园覆盖率', '60%', '65%', 'raised'],
      ['民办义务教育规模', '降至6%', '降至5%', 'lowered'],
    ])
    expect(out.summary.changed).toBe(14)
  })

  it('matches by content when the draft is a .txt or a .docx file', async () => {
    for (const file of [files.txt, files.docx]) {
      const run = await runCli(['diff', SEED_PATHS.district, file, '--json'])
      expect(run.code).toBe(0)
      const out = JSON.parse(run.stdout) as { items: (JsonEntry & { matchedBy: string })[] }
      expect(keys(out.items)).toEqual(keys(fixture.expected))
      expect(out.items.every((e) => e.matchedBy !== 'id')).toBe(true)
    }
  })

  it('lists every item with --all and reports no change for a plan against itself', async () => {
    const run = await runCli(['diff', files.source, files.source, '--all'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[1]).toBe('条目：没有变化（30 条未修改）')
    expect(run.stdout.split('\n').filter((l) => l.startsWith('  未修改'))).toHaveLength(30)
  })

  it('writes a 修改对照表 with --docx', async () => {
    const out = join(dir, '对照表.docx')
    const run = await runCli(['diff', files.source, files.json, '--docx', out])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(`已生成修改对照表：${out}\n`)
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')?.async('string')
    expect(xml).toContain('《2022年下半年闵行教育工作要点》修改对照表')
    expect(xml).toContain('<w:tbl>')
  })

  it('refuses bad arguments with a one-line message and a non-zero exit', async () => {
    const cases: [string[], number, RegExp][] = [
      [['diff', files.source], 2, /^plan: 用法: plan diff OLD NEW/],
      [['diff', files.source, join(dir, 'missing.txt')], 1, /^plan: 找不到文件：.*missing\.txt\n$/],
      [['diff', files.source, files.json, '--docx'], 2, /^plan: 参数 --docx 需要一个值\n$/],
      [['diff', files.source, files.json, '--docx', join(dir, 'out.txt')], 2, /^plan: --docx 的输出文件应以 \.docx 结尾/],
      [['diff', files.source, files.json, '--html'], 2, /^plan: 未知参数 --html/],
    ]
    for (const [args, code, message] of cases) {
      const run = await runCli(args)
      expect(run.code).toBe(code)
      expect(run.stderr).toMatch(message)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
    }
    expect(existsSync(join(dir, 'out.txt'))).toBe(false)
  })
})
