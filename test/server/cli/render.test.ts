import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlanJson } from '../../../shared/plan/planJson.ts'
import { renderPlanText } from '../../../shared/plan/render.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'
import { runCli } from './runCli.ts'

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-render-'))

describe('plan render', () => {
  it('prints the official plain text of a Plan JSON file, which imports back to the same outline', async () => {
    const json = await runCli(['import', SEED_PATHS.district, '--json'])
    const file = join(dir, 'plan.json')
    writeFileSync(file, json.stdout)
    const run = await runCli(['render', file])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(renderPlanText(parsePlanJson(readFileSync(file, 'utf8')).plan))
    expect(run.stdout.split('\n')).toContain('附件：2021年下半年闵行教育工作要点')
    const textFile = join(dir, 'plan.txt')
    writeFileSync(textFile, run.stdout)
    const [again, original] = await Promise.all([runCli(['import', textFile]), runCli(['import', SEED_PATHS.district])])
    expect(again.stdout).toBe(original.stdout)
    expect(again.stderr).toBe('')
  })

  it('fails with usage without a file', async () => {
    const run = await runCli(['render'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^plan: 用法: plan render FILE/)
  })
})
