// A throwaway PostgreSQL cluster for tests: Debian's packages, a temporary folder, a free loopback
// port, trust authentication. Never skipped: a machine without PostgreSQL fails with the install command.
import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { atFileEnd } from './fileEnd.ts'

const run = promisify(execFile)

/** The command that installs what these tests need (also in .ci/run). */
export const POSTGRES_INSTALL = 'apt-get update && apt-get install -y postgresql'

/** A running test cluster. */
export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:port/postgres */
  url: string
  port: number
  /** A new empty database on this cluster (`t1`, `t2` …): its connection URL. */
  newDatabase(): Promise<string>
  /** Stops the database server (fast shutdown: open connections are cut), keeping its data, to test an outage. */
  down(): Promise<void>
  /** Starts it again after down(), on the same port. */
  up(): Promise<void>
  /** Stops the cluster (immediately) and deletes its folder; also done after the file. */
  stop(): Promise<void>
}

/** Starts a cluster (initdb + pg_ctl, as the postgres user when running as root); throws with the install command when it cannot. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin()
  const asRoot = process.getuid?.() === 0
  const owner = asRoot ? await postgresAccount() : undefined
  const dir = mkdtempSync(join(tmpdir(), 'plan-pg-'))
  if (owner) chownSync(dir, owner.uid, owner.gid)
  const data = join(dir, 'data')
  // PostgreSQL refuses to run as root, so every program runs as the postgres account then.
  const sh = (command: string): Promise<unknown> => (owner ? run('su', ['postgres', '-s', '/bin/sh', '-c', command]) : run('/bin/sh', ['-c', command]))
  try {
    await sh(`${bin}/initdb -D ${data} -A trust -U postgres -E UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US -N >/dev/null`)
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`PostgreSQL test cluster: initdb failed (${POSTGRES_INSTALL}): ${(err as Error).message}`, { cause: err })
  }
  // fsync off: a throwaway cluster need not survive a power cut, and tests run faster.
  const start = (onPort: number): Promise<unknown> =>
    sh(`${bin}/pg_ctl -D ${data} -o '-p ${onPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off' -l ${dir}/log -w -t 30 start >/dev/null`)
  let port = 0
  let lastError: unknown
  // A free port can be taken between finding and binding it: try a few.
  for (let attempt = 0; attempt < 3 && !port; attempt++) {
    const candidate = await freePort()
    try {
      await start(candidate)
      port = candidate
    } catch (err) {
      lastError = err
    }
  }
  if (!port) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`PostgreSQL test cluster did not start (${POSTGRES_INSTALL}): ${(lastError as Error).message}\n${log}`)
  }
  const postmasterPid = (): number => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
  let pid = postmasterPid()
  // If the test process dies without afterAll, do not leave the cluster running.
  const killOnExit = (): void => {
    try {
      process.kill(pid, 'SIGQUIT')
    } catch {
      // already gone
    }
  }
  process.once('exit', killOnExit)

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let databases = 0
  let stopping: Promise<void> | undefined
  const cluster: TestPostgres = {
    url,
    port,
    async newDatabase() {
      const name = `t${++databases}`
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    async down() {
      await sh(`${bin}/pg_ctl -D ${data} -m fast -w stop >/dev/null`)
    },
    async up() {
      await start(port)
      pid = postmasterPid()
    },
    stop() {
      return (stopping ??= (async () => {
        process.off('exit', killOnExit)
        await sh(`${bin}/pg_ctl -D ${data} -m immediate -w stop >/dev/null`).catch(() => killOnExit())
        rmSync(dir, { recursive: true, force: true })
      })())
    },
  }
  // Benches (outside vitest) stop what they start themselves.
  if (process.env.VITEST) atFileEnd(() => cluster.stop())
  return cluster
}

/** Folder of the newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  if (!majors.length) throw new Error(`PostgreSQL is not installed (${POSTGRES_INSTALL}); the storage tests need a real server and never skip`)
  majors.sort((a, b) => Number(b) - Number(a))
  return join(root, majors[0], 'bin')
}

/** uid and gid of the postgres account the Debian package creates. */
async function postgresAccount(): Promise<{ uid: number; gid: number }> {
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim())
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim())
    return { uid, gid }
  } catch {
    throw new Error(`no postgres account (${POSTGRES_INSTALL})`)
  }
}

/** A TCP port that was free on loopback a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
