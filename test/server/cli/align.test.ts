import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { item, planOf } from '../../shared/align/helpers.ts'
import { runCli } from './runCli.ts'

const DISTRICT = 'seeds/000_0882e530d28cc30b.txt'
const MUNICIPAL = 'seeds/001_95a2f46e01527285.txt'

interface AlignJson {
  threshold: number
  items: { number: number; aligned: boolean; candidates: { number: number; score: number; terms: string[] }[] }[]
  uncovered: number[]
  tasks: { municipal: number; text: string; verdict: 'done' | 'partial' | 'none'; covered: boolean; by: number[]; evidence?: { district: number; sentence: string; share: number } }[]
}

describe('plan align', () => {
  it('prints the documented JSON for the seeds', async () => {
    const run = await runCli(['align', DISTRICT, MUNICIPAL, '--json'])
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as AlignJson
    expect(out.items).toHaveLength(30)
    const d7 = out.items.find((it) => it.number === 7)
    expect(d7).toMatchObject({ aligned: true })
    expect(d7?.candidates[0]).toMatchObject({ number: 9 })
    expect(d7?.candidates[0].terms).toContain('“双减”')
    expect(typeof d7?.candidates[0].score).toBe('number')
    for (const n of [25, 27, 30]) expect(out.items[n - 1].aligned).toBe(false)
    expect(out.uncovered).toContain(7)
    expect(out.tasks.every((t) => t.covered === (t.verdict === 'done') && (t.verdict === 'none') === (t.by.length === 0))).toBe(true)
    const done = out.tasks.filter((t) => t.verdict === 'done')
    expect(done.length).toBeGreaterThan(0)
    for (const t of done) expect(t.evidence?.district).toBe(t.by[0])
    expect(out.tasks.find((t) => t.text.includes('民族班'))).toMatchObject({ verdict: 'none', by: [] })
  })

  it('prints a Chinese report by default', async () => {
    const run = await runCli(['align', DISTRICT, MUNICIPAL])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('7.落实“双减”实施意见。')
    expect(run.stdout).toContain('→ 市9.开展“双减”治理工作。')
    expect(run.stdout).toContain('25.促进财务精细化管理。  —— 未对应')
    expect(run.stdout).toMatch(/市级任务：共 \d+ 项，已落实 \d+ 项，部分相关 \d+ 项，未覆盖 \d+ 项/)
    expect(run.stdout).toContain('[部分相关] 市11')
  })

  it('reads Plan JSON and honours --threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-align-'))
    const d = join(dir, 'd.json')
    const m = join(dir, 'm.json')
    writeFileSync(d, JSON.stringify(toPlanJson(planOf([item('加强学生心理健康教育。', '推进医教结合工作，完善心理危机干预。', 'd1')]))))
    writeFileSync(m, JSON.stringify(toPlanJson(planOf([item('加强学生心理健康服务。', '完善学生心理危机风险发现预警、干预处置机制。', 'm1'), item('加强学校体育工作。', '推进学校体育场地开放。', 'm2')]))))
    const loose = JSON.parse((await runCli(['align', d, m, '--json'])).stdout) as AlignJson
    expect(loose.items[0]).toMatchObject({ number: 1, aligned: true })
    expect(loose.uncovered).toEqual([2])
    const strict = JSON.parse((await runCli(['align', d, m, '--json', '--threshold', '0.99'])).stdout) as AlignJson
    expect(strict.items[0].aligned).toBe(false)
    expect(strict.uncovered).toEqual([1, 2])
  })

  it('refuses bad arguments with a one-line Chinese message', async () => {
    const cases: [string[], number, string][] = [
      [['align', DISTRICT], 2, '用法'],
      [['align', DISTRICT, MUNICIPAL, '--threshold', 'abc'], 2, '--threshold'],
      [['align', DISTRICT, MUNICIPAL, '--colour'], 2, '未知参数'],
      [['align', DISTRICT, 'no-such-file.txt'], 1, '找不到文件'],
    ]
    for (const [args, code, text] of cases) {
      const run = await runCli(args)
      expect(run.code, args.join(' ')).toBe(code)
      const errors = run.stderr.split('\n').filter((l) => l.startsWith('plan:'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(text)
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+/)
    }
  })
})
