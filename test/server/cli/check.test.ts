import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../shared/checks/types.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { item, planOf } from '../../shared/align/helpers.ts'
import { runCli } from './runCli.ts'

const dir = mkdtempSync(join(tmpdir(), 'plan-check-'))
function save(name: string, plan: Plan): string {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(toPlanJson(plan)))
  return path
}

describe('plan check', () => {
  it('passes a clean plan with exit code 0', async () => {
    const path = save('clean.json', planOf([item('加强学校安全管理。', '强化校园安全管理。落实常态化安全监管。', 'a')], { year: 2025 }, '2025年工作要点'))
    const run = await runCli(['check', path])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('检查通过')
  })

  it('lists findings in Chinese and exits 1 when one is an error', async () => {
    const path = save('stale.json', planOf([item('开展科技节。', '组织开展2021年青少年科技节。做好宣传。', 'a'), item('', '', 'b')], { year: 2025 }, '2025年工作要点'))
    const run = await runCli(['check', path])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('第1条 [警告] 过时年份')
    expect(run.stdout).toContain('可自动修复：改为2025年')
    expect(run.stdout).toContain('第2条 [错误] 空条目或只有一句')
  })

  it('prints findings and counts as JSON, with --year, --prior and --municipal', async () => {
    const prior = save('prior.json', planOf([item('推动学前教育普惠优质。', '确保50%以上幼儿园开设托班。新开办6所公办幼儿园。', 'p1')], { year: 2024 }))
    const municipal = save('m.json', planOf([item('增加普惠性托育资源供给。', '推动各科学育儿指导站提供不少于12次免费指导服务。', 'm1')]))
    const draft = save(
      'draft.json',
      planOf([
        item('推动学前教育普惠优质。', '确保40%以上幼儿园开设托班。新开办6所公办幼儿园。', 'p1'),
        item('实施学龄前儿童善育工程。', '完成不少于6次的家庭科学育儿指导活动。组织开展2024年托育机构评估。', 'p2'),
      ]),
    )
    const run = await runCli(['check', draft, '--json', '--year', '2025', '--prior', prior, '--municipal', municipal])
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as { findings: Finding[]; counts: Record<string, number> }
    expect(out.counts).toEqual({ 'lower-target': 1, 'municipal-figure': 1, 'stale-year': 1 })
    expect(out.findings.find((f) => f.kind === 'lower-target')).toMatchObject({ number: 1, severity: 'warning' })
    expect(out.findings.find((f) => f.kind === 'stale-year')?.fix).toMatchObject({ field: 'body', remove: '2024', insert: '2025' })
  })

  it('refuses a bad year or a missing file with one line on stderr', async () => {
    const path = save('ok.json', planOf([item('加强学校安全管理。', '强化校园安全管理。落实监管。', 'a')]))
    for (const [args, code, text] of [
      [['check', path, '--year', '明年'], 2, '--year'],
      [['check', path, '--prior', join(dir, 'missing.json')], 1, '找不到文件'],
      [['check'], 2, '用法'],
    ] as [string[], number, string][]) {
      const run = await runCli(args)
      expect(run.code, args.join(' ')).toBe(code)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toContain(text)
    }
  })
})
