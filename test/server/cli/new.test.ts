import { describe, expect, it } from 'vitest'
import { parsePlanJson, type PlanJson } from '../../../shared/plan/planJson.ts'
import { runCli } from './runCli.ts'

describe('plan new', () => {
  it('prints a new district plan from its template as Plan JSON, with the given title', async () => {
    const run = await runCli(['new', '--template', 'district-annual', '--title', '2026年闵行教育工作要点'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const json = JSON.parse(run.stdout) as PlanJson
    expect(json.title).toBe('2026年闵行教育工作要点')
    expect(json.notice?.attachment).toBe('2026年闵行教育工作要点')
    expect(json.sections).toHaveLength(8)
    expect(json.sections.every((s) => (s.guidance ?? '').length > 0)).toBe(true)
    const numbers = json.sections.flatMap((s) => s.items.map((i) => i.number))
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1))
    expect(parsePlanJson(json).plan.meta.year).toBe(2026)
  })

  it('accepts --template=NAME and keeps the template title without --title', async () => {
    const run = await runCli(['new', '--template=municipal'])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as PlanJson).title).toBe('××××年上海市教育委员会工作要点')
  })

  it('lists the templates with --list', async () => {
    const run = await runCli(['new', '--list'])
    expect(run.code).toBe(0)
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['blank', 'district-annual', 'municipal'])
  })

  it('fails with usage (exit 2) without --template, and with exit 1 for an unknown template', async () => {
    const usage = await runCli(['new'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/^plan: 用法: plan new --template NAME.*可用的模板：blank、district-annual、municipal）\n$/)
    const unknown = await runCli(['new', '--template', 'province'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe('plan: 没有名为“province”的模板（可用的模板：blank、district-annual、municipal）（unsupported-format）\n')
  })
})
