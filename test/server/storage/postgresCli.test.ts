// `plan user` with DATABASE_URL manages the accounts in PostgreSQL, where the server reads them,
// also while the server runs (no database lock as with LevelDB).
import { describe, expect, it } from 'vitest'
import type { LoginResponse } from '../../../shared/api/types.ts'
import { startPostgres } from '../../utils/postgres.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { runCli } from '../cli/runCli.ts'

describe('plan user on PostgreSQL', () => {
  it('adds an account to the database of a running server, which accepts its sign-in at once', async () => {
    const databaseUrl = await (await startPostgres()).newDatabase()
    const server = await startTestServer({ databaseUrl })
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: server.dataDir }
    const added = await runCli(['user', 'add', '陈老师', '--role', 'member', '--password', 'chen-password1'], undefined, { env })
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    const login = await server.api<LoginResponse>('POST', '/api/login', { body: { name: '陈老师', password: 'chen-password1' } })
    expect(login.status).toBe(200)
    const list = await runCli(['user', 'list'], undefined, { env })
    expect(list.stdout).toContain('admin\tadmin')
    expect(list.stdout).toContain('陈老师\tmember')
  })

  it('fails with one line on stderr when the database cannot be reached', async () => {
    const cluster = await startPostgres()
    const databaseUrl = await cluster.newDatabase()
    await cluster.down()
    const run = await runCli(['user', 'list'], undefined, { env: { DATABASE_URL: databaseUrl } })
    expect(run.code).not.toBe(0)
    expect(run.stderr).toMatch(/无法连接或准备 PostgreSQL 数据库/)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })
})
