import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { killServerProcesses, startServerProcess } from '../../utils/serverProcess.ts'
import { startTestServer } from '../../utils/testServer.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
afterAll(() => killServerProcesses())

/** A fresh parent folder; the data folder inside it does not exist yet. */
function freshParent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-perm-'))
  dirs.push(dir)
  return dir
}

/** The permission bits of a path, e.g. 0o700. */
function mode(path: string): number {
  return statSync(path).mode & 0o777
}

describe('the data folder is readable by its owner only', () => {
  it('creates the data folder and db 0700, the secret key and write-ahead log 0600', async () => {
    const dataDir = join(freshParent(), 'data')
    const server = await startTestServer({ dataDir })
    expect(mode(dataDir)).toBe(0o700)
    expect(mode(join(dataDir, 'db'))).toBe(0o700)
    expect(mode(join(dataDir, 'secret.key'))).toBe(0o600)
    expect(mode(join(dataDir, 'wal.log'))).toBe(0o600)
    await server.stop()
  })

  it('narrows a data folder, key and log that an older version left readable by others, and says so in the log', async () => {
    const dataDir = join(freshParent(), 'data')
    mkdirSync(dataDir, { mode: 0o755 })
    chmodSync(dataDir, 0o755)
    writeFileSync(join(dataDir, 'secret.key'), 'ab'.repeat(32) + '\n', { mode: 0o644 })
    chmodSync(join(dataDir, 'secret.key'), 0o644)
    writeFileSync(join(dataDir, 'wal.log'), '', { mode: 0o644 })
    chmodSync(join(dataDir, 'wal.log'), 0o644)
    const server = await startTestServer({ dataDir })
    expect(mode(dataDir)).toBe(0o700)
    expect(mode(join(dataDir, 'secret.key'))).toBe(0o600)
    expect(mode(join(dataDir, 'wal.log'))).toBe(0o600)
    expect(server.logs.some((l) => l.includes('data.permissions'))).toBe(true)
    await server.stop()
  })

  it('npm start writes every database file owner-only too', async () => {
    const dataDir = join(freshParent(), 'data')
    const proc = await startServerProcess({ dataDir })
    await proc.kill('SIGTERM')
    const files = readdirSync(join(dataDir, 'db'))
    expect(files.length).toBeGreaterThan(0)
    expect(files.map((f) => [f, mode(join(dataDir, 'db', f)) & 0o077]).filter(([, shared]) => shared !== 0)).toEqual([])
    expect(mode(dataDir)).toBe(0o700)
  })
})
