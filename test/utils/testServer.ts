import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { atFileEnd } from './fileEnd.ts'
import { collabServerUrl } from '../../shared/api/collab.ts'
import type { CreateDocumentRequest, DocRole, DocumentInfo, GlobalRole, LoginResponse, UserInfo } from '../../shared/api/types.ts'
import { toPlanJson } from '../../shared/plan/planJson.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { createLog } from '../../server/log.ts'
import type { Services } from '../../server/services.ts'
import type { Storage } from '../../server/storage/Storage.ts'
import { startServer, type RunningServer } from '../../server/startServer.ts'
import { districtSeed } from './seeds.ts'
import { TEST_PASSWORD } from './testPassword.ts'

export { TEST_PASSWORD }

/** Options of startTestServer. */
export interface TestServerOptions {
  /** Load the seeds (3 documents) on first start. @default false (faster) */
  seed?: boolean
  /** Reuse a data folder (e.g. one a child-process server wrote). @default a new temporary folder */
  dataDir?: string
  tokenTtlMs?: number
  /** @default 50 ms, so that tests see unloads quickly */
  roomIdleMs?: number
  /** Wraps the server's storage on every (re)start: inject slow or failing storage. */
  wrapStorage?: (storage: Storage) => Storage
  /** Folder of the built client to serve. @default the project's dist/ */
  distDir?: string
  /** Websocket ping interval (dead-socket tests). @default the server's */
  pingMs?: number
  /** Interval of the process health log line. @default the server's */
  healthLogMs?: number
  /** Store in this PostgreSQL database (see postgres.ts) instead of LevelDB. */
  databaseUrl?: string
}

/** A real server on a free port with a temporary data folder, and helpers to use its API. */
export interface TestServer {
  /** http://127.0.0.1:port */
  url: string
  /** ws://127.0.0.1:port/collab: the serverUrl for y-websocket (room = document id). */
  collabUrl: string
  port: number
  dataDir: string
  /** The first-run administrator, signed in. */
  admin: { token: string; user: UserInfo }
  /** Every log line so far (current and previous runs). */
  logs: string[]
  /** The running server's services (storage, rooms …) for white-box checks. */
  readonly services: Services
  /** Calls the JSON API; never throws on HTTP errors. */
  api<T = unknown>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>
  /** Creates a member (or admin) account and signs it in. */
  createUser(name: string, options?: { role?: GlobalRole; password?: string }): Promise<{ user: UserInfo; token: string }>
  /** Creates a document from a plan (the district seed by default) or any CreateDocumentRequest; the token's user owns it. */
  createDocument(token?: string, source?: Plan | CreateDocumentRequest): Promise<DocumentInfo>
  /** Gives a user a role on a document (as the administrator). */
  share(docId: string, userId: string, role: DocRole): Promise<void>
  /** Stops and starts again on the same port and data folder (tokens stay valid). */
  restart(): Promise<void>
  /** Stops the server (also done automatically after the test or file). */
  stop(): Promise<void>
}

/**
 * Starts a real server (port 0, temporary DATA_DIR, first-run admin signed in) and registers its
 * own teardown: after the test when called inside one, else after the file.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownDir = !options.dataDir
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'plan-test-'))
  const logs: string[] = []
  const log = createLog((line) => logs.push(line))
  const boot = (port: number): Promise<RunningServer> =>
    startServer({
      dataDir,
      port,
      host: '127.0.0.1',
      log,
      seed: options.seed ?? false,
      adminPassword: TEST_PASSWORD,
      tokenTtlMs: options.tokenTtlMs,
      roomIdleMs: options.roomIdleMs ?? 50,
      wrapStorage: options.wrapStorage,
      distDir: options.distDir,
      pingMs: options.pingMs,
      healthLogMs: options.healthLogMs,
      databaseUrl: options.databaseUrl,
    })
  let running: RunningServer | null = await boot(0)
  const port = running.port
  const url = `http://127.0.0.1:${port}`

  const api = async <T>(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(url + path, {
      method,
      headers: { ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}), ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T }
  }
  const login = async (name: string, password: string): Promise<LoginResponse> => {
    const res = await api<LoginResponse>('POST', '/api/login', { body: { name, password } })
    if (res.status !== 200) throw new Error(`login ${name} failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  }
  const adminLogin = await login('admin', TEST_PASSWORD)

  const server: TestServer = {
    url,
    collabUrl: collabServerUrl(url),
    port,
    dataDir,
    admin: { token: adminLogin.token, user: adminLogin.user },
    logs,
    get services() {
      if (!running) throw new Error('server stopped')
      return running.services
    },
    api,
    async createUser(name, opts = {}) {
      const password = opts.password ?? TEST_PASSWORD
      const res = await api<UserInfo>('POST', '/api/users', { token: adminLogin.token, body: { name, password, role: opts.role ?? 'member' } })
      if (res.status !== 201) throw new Error(`create user ${name} failed: ${res.status} ${JSON.stringify(res.body)}`)
      const { token } = await login(name, password)
      return { user: res.body, token }
    },
    async createDocument(token = adminLogin.token, source = districtSeed()) {
      const body: CreateDocumentRequest = 'sections' in source ? { import: { filename: 'plan.json', base64: Buffer.from(JSON.stringify(toPlanJson(source))).toString('base64') } } : source
      const res = await api<{ document: DocumentInfo }>('POST', '/api/documents', { token, body })
      if (res.status !== 201) throw new Error(`create document failed: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.document
    },
    async share(docId, userId, role) {
      const res = await api('PUT', `/api/documents/${docId}/members/${userId}`, { token: adminLogin.token, body: { role } })
      if (res.status !== 200) throw new Error(`share failed: ${res.status} ${JSON.stringify(res.body)}`)
    },
    async restart() {
      if (running) await running.close()
      running = null
      running = await boot(port)
    },
    async stop() {
      const r = running
      running = null
      if (r) await r.close()
      if (ownDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
  try {
    onTestFinished(() => server.stop())
  } catch {
    // Called from a beforeAll hook: stopped after the file.
    atFileEnd(() => server.stop())
  }
  return server
}
