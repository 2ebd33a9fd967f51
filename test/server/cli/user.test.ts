import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '../../../shared/api/types.ts'
import { startTestServer } from '../../utils/testServer.ts'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function plan(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['server/cli/plan.mjs', ...args], { encoding: 'utf8', cwd: process.cwd() })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('plan user', () => {
  it('adds an account while the server is stopped, and the server then accepts its sign-in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plan-cli-'))
    dirs.push(dataDir)
    const added = plan('user', 'add', '陈老师', '--role', 'member', '--password', 'chen-password', '--display-name', '陈老师（德育科）', '--data', dataDir)
    expect(added.stderr).toBe('')
    expect(added.status).toBe(0)
    expect(added.stdout).toContain('已创建账号 陈老师')
    expect(plan('user', 'list', '--data', dataDir).stdout).toContain('陈老师\tmember\t陈老师（德育科）')

    const server = await startTestServer({ dataDir })
    const login = await server.api<LoginResponse>('POST', '/api/login', { body: { name: '陈老师', password: 'chen-password' } })
    expect(login.status).toBe(200)
    expect(login.body.user.displayName).toBe('陈老师（德育科）')

    // While the server runs the database is locked: a clear Chinese message and a non-zero exit.
    const locked = plan('user', 'add', 'other', '--role', 'member', '--password', 'other-password', '--data', dataDir)
    expect(locked.status).not.toBe(0)
    expect(locked.stderr).toMatch(/正被运行中的服务器使用/)
    expect(locked.stderr.trim().split('\n')).toHaveLength(1)
    await server.stop()

    const reset = plan('user', 'passwd', '陈老师', '--password', 'new-chen-password', '--data', dataDir)
    expect(reset.status).toBe(0)
  })

  it('refuses bad input with one line on stderr and a non-zero exit', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plan-cli-'))
    dirs.push(dataDir)
    const cases = [
      [['user', 'add', 'x', '--role', 'boss', '--password', 'long-enough', '--data', dataDir], /--role admin/],
      [['user', 'add', 'x', '--role', 'member', '--password', 'short', '--data', dataDir], /至少需要 8 个字符/],
      [['user', 'add', 'x', '--role', 'member', '--data', dataDir], /--password/],
      [['user', 'passwd', 'nobody', '--password', 'long-enough', '--data', dataDir], /没有名为“nobody”的账号/],
      [['user', 'frobnicate', '--data', dataDir], /未知操作/],
    ] as const
    for (const [args, message] of cases) {
      const r = plan(...args)
      expect(r.status, args.join(' ')).not.toBe(0)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/)
    }
    expect(plan('user', 'add', 'dup', '--role', 'admin', '--password', 'long-enough', '--data', dataDir).status).toBe(0)
    const dup = plan('user', 'add', 'dup', '--role', 'admin', '--password', 'long-enough', '--data', dataDir)
    expect(dup.status).toBe(1)
    expect(dup.stderr).toContain('已被使用')
  })
})
