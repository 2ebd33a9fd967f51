import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '../../../shared/api/types.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { runCli, runCliProcess, type CliRun } from './runCli.ts'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function plan(...args: string[]): Promise<CliRun> {
  return runCli(args)
}

describe('plan user', () => {
  it('adds an account while the server is stopped, and the server then accepts its sign-in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plan-cli-'))
    dirs.push(dataDir)
    const added = await plan('user', 'add', '陈老师', '--role', 'member', '--password', 'chen-password1', '--display-name', '陈老师（德育科）', '--data', dataDir)
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    expect(added.stdout).toContain('已创建账号 陈老师')
    expect((await plan('user', 'list', '--data', dataDir)).stdout).toContain('陈老师\tmember\t陈老师（德育科）')

    const server = await startTestServer({ dataDir })
    const login = await server.api<LoginResponse>('POST', '/api/login', { body: { name: '陈老师', password: 'chen-password1' } })
    expect(login.status).toBe(200)
    expect(login.body.user.displayName).toBe('陈老师（德育科）')

    // While the server runs the database is locked: a clear Chinese message and a non-zero exit.
    // A real process, as in use: the lock is between the server's process and the CLI's.
    const locked = await runCliProcess(['user', 'add', 'other', '--role', 'member', '--password', 'other-password1', '--data', dataDir])
    expect(locked.code).not.toBe(0)
    expect(locked.stderr).toMatch(/正被运行中的服务器使用/)
    expect(locked.stderr.trim().split('\n')).toHaveLength(1)
    await server.stop()

    const reset = await plan('user', 'passwd', '陈老师', '--password', 'new-chen-password1', '--data', dataDir)
    expect(reset.code).toBe(0)
  })

  it('refuses bad input with one line on stderr and a non-zero exit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plan-cli-'))
    dirs.push(dataDir)
    const cases = [
      [['user', 'add', 'x', '--role', 'boss', '--password', 'long-enough1', '--data', dataDir], /--role admin/],
      [['user', 'add', 'x', '--role', 'member', '--password', 'short', '--data', dataDir], /至少需要 8 个字符/],
      [['user', 'add', 'x', '--role', 'member', '--data', dataDir], /--password/],
      [['user', 'passwd', 'nobody', '--password', 'long-enough1', '--data', dataDir], /没有名为“nobody”的账号/],
      [['user', 'frobnicate', '--data', dataDir], /未知操作/],
    ] as const
    for (const [args, message] of cases) {
      const r = await plan(...args)
      expect(r.code, args.join(' ')).not.toBe(0)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/)
    }
    const badCost = await runCli(['user', 'add', 'x', '--role', 'member', '--password', 'long-enough1', '--data', dataDir], undefined, { env: { PASSWORD_SCRYPT_N: '5' } })
    expect(badCost.code).toBe(1)
    expect(badCost.stderr).toBe('plan: PASSWORD_SCRYPT_N=5：必须是 1024 到 1048576 之间的 2 的幂\n')
    expect((await plan('user', 'add', 'dup', '--role', 'admin', '--password', 'long-enough1', '--data', dataDir)).code).toBe(0)
    const dup = await plan('user', 'add', 'dup', '--role', 'admin', '--password', 'long-enough1', '--data', dataDir)
    expect(dup.code).toBe(1)
    expect(dup.stderr).toContain('已被使用')
  })
})
