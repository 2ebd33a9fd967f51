import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PlanJson } from '../../../shared/plan/planJson.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'
import { runCli } from './runCli.ts'

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-carry-'))
const ids = (json: PlanJson): string[] => json.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)])

describe('plan carry', () => {
  it('makes next year’s draft from last year’s Plan JSON: same ids, year moved on, every item carried, dates cleared', async () => {
    const last = await runCli(['import', SEED_PATHS.district, '--json'])
    const file = join(dir, '2021.json')
    writeFileSync(file, last.stdout)
    const run = await runCli(['carry', file])
    expect(run.code).toBe(0)
    const before = JSON.parse(last.stdout) as PlanJson
    const draft = JSON.parse(run.stdout) as PlanJson
    expect(ids(draft)).toEqual(ids(before))
    expect(draft.title).toBe('2022年下半年闵行教育工作要点')
    expect(draft.meta.year).toBe(2022)
    const items = draft.sections.flatMap((s) => s.items)
    expect(items).toHaveLength(30)
    expect(items.every((i) => i.carried === true)).toBe(true)
    expect(draft.notice?.date).toBeUndefined()
    expect(draft.warnings).toEqual([])
  })

  it('carries a text file straight away, and several years with --years', async () => {
    const run = await runCli(['carry', SEED_PATHS.municipal, '--years', '2'])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as PlanJson).title).toBe('2026年上海市教育委员会工作要点')
    expect(run.stderr).toContain('警告：文档在句中结束')
  })

  it('refuses a bad --years with usage', async () => {
    const run = await runCli(['carry', SEED_PATHS.district, '--years', 'two'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^plan: --years 应为 1 到 10 的整数/)
  })
})
