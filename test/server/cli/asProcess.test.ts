import { describe, expect, it } from 'vitest'
import type { PlanJson } from '../../../shared/plan/planJson.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'
import { runCli, runCliProcess } from './runCli.ts'

// The other CLI tests run the commands in-process; these run `node server/cli/plan.mjs` as a user
// does, for what only a real process shows: exit codes, the streams, stdin through a pipe.
describe('plan as a process', () => {
  it('prints usage on stdout with exit 0 for --help, and exit 2 without a command', async () => {
    const [help, none] = await Promise.all([runCliProcess(['--help']), runCliProcess([])])
    expect([help.code, help.stderr]).toEqual([0, ''])
    expect(help.stdout).toMatch(/^用法: plan <命令>/)
    expect(none.code).toBe(2)
    expect(none.stdout).toBe(help.stdout)
  })

  it('fails with exit 2 and one stderr line for an unknown command, and exit 1 for a missing file', async () => {
    const [unknown, missing] = await Promise.all([runCliProcess(['frobnicate']), runCliProcess(['import', 'no/such/file.txt'])])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^plan: 未知命令“frobnicate”/)
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([1, '', 'plan: 找不到文件：no/such/file.txt\n'])
  })

  it('reads a plan piped to stdin with "-" and writes long output whole before it exits', async () => {
    const json = await runCli(['import', SEED_PATHS.district, '--json'])
    const piped = await runCliProcess(['import', '-', '--json'], json.stdout)
    expect(piped.code).toBe(0)
    expect(piped.stdout.length).toBeGreaterThan(10_000)
    expect((JSON.parse(piped.stdout) as PlanJson).title).toBe('2021年下半年闵行教育工作要点')
    expect(piped.stdout).toBe(json.stdout)
  })

  it('exits 1 from plan check when a finding is an error, with the report on stdout', async () => {
    const args = ['check', SEED_PATHS.district, '--year', '2025']
    const [inProcess, real] = await Promise.all([runCli(args), runCliProcess(args)])
    expect(real.code).toBe(inProcess.code)
    expect(real.code).toBe(1)
    expect(real.stdout).toBe(inProcess.stdout)
  })
})
