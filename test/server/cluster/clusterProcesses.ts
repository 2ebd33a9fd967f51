// Three server processes sharing one PostgreSQL database and one redis-server, for the cluster tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { atFileEnd } from '../../utils/fileEnd.ts'
import type { DocumentInfo, LoginResponse } from '../../../shared/api/types.ts'
import { startPostgres } from '../../utils/postgres.ts'
import { startRedis } from '../../utils/redis.ts'
import { killServerProcesses, startServerProcess, type ServerProcess } from '../../utils/serverProcess.ts'
import { TEST_PASSWORD } from '../../utils/testPassword.ts'

/** Lease period of the test processes: short, so that failover rounds stay quick. */
export const TEST_LEASE_MS = 1000

const dirs: string[] = []
/** Kills the server processes and removes their data folders (after each test file; benches call TestCluster.stop). */
function cleanUp(): void {
  killServerProcesses()
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
}

/** A cluster of server processes and the means to restart one of them on its port. */
export interface TestCluster {
  servers: ServerProcess[]
  env: Record<string, string>
  databaseUrl: string
  /** Starts process `i` again (same port and data folder) after it ended. */
  restart(i: number): Promise<ServerProcess>
  /** Stops everything: the processes, redis-server and PostgreSQL (tests need not: it happens after the file). */
  stop(): Promise<void>
}

/** Starts PostgreSQL, redis-server and `count` server processes on them (the first seeds the database). */
export async function startCluster(count = 3, leaseMs = TEST_LEASE_MS): Promise<TestCluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const databaseUrl = await postgres.newDatabase()
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, PLAN_LEASE_MS: String(leaseMs) }
  const dataDirs = Array.from({ length: count }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-cluster-'))
    dirs.push(dir)
    return dir
  })
  if (process.env.VITEST) atFileEnd(cleanUp)
  const servers: ServerProcess[] = [await startServerProcess({ dataDir: dataDirs[0], env })]
  servers.push(...(await Promise.all(dataDirs.slice(1).map((dataDir) => startServerProcess({ dataDir, env })))))
  return {
    servers,
    env,
    databaseUrl,
    async restart(i) {
      servers[i] = await startServerProcess({ dataDir: dataDirs[i], port: servers[i].port, env })
      return servers[i]
    },
    async stop() {
      cleanUp()
      await Promise.all([redis.stop(), postgres.stop()])
    },
  }
}

/** One JSON API call to a server process. */
export async function api<T>(server: ServerProcess, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

/** Signs the administrator in on a process. */
export async function adminToken(server: ServerProcess): Promise<string> {
  const res = await api<LoginResponse>(server, 'POST', '/api/login', undefined, { name: 'admin', password: TEST_PASSWORD })
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`)
  return res.body.token
}

/** The first seeded draft document. */
export async function firstDraft(server: ServerProcess, token: string): Promise<DocumentInfo> {
  const list = await api<DocumentInfo[]>(server, 'GET', '/api/documents', token)
  const draft = list.body.find((d) => d.kind === 'draft')
  if (!draft) throw new Error('no seeded draft')
  return draft
}
