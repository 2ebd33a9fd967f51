import { importLimits, planLimits } from './config/limits.ts'
import { holdOptions, rateOptions } from './http/routeRates.ts'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLOSE } from '../shared/api/closeCodes.ts'
import { scryptCost } from './auth/passwords.ts'
import { loadSecret } from './auth/secret.ts'
import { Sessions } from './auth/sessions.ts'
import { Users } from './auth/users.ts'
import { attachCollab, type CollabDeps } from './collab/collabServer.ts'
import { Rooms } from './collab/Rooms.ts'
import { Documents } from './docs/documents.ts'
import { Versions } from './docs/versions.ts'
import { Visits } from './docs/visits.ts'
import { historyBoundaries } from './history/historyBoundaries.ts'
import { Router } from './http/router.ts'
import { routeModules } from './http/routes/index.ts'
import { serveStatic } from './http/staticFiles.ts'
import { createLog, type Log } from './log.ts'
import { logProcessHealth } from './processHealth.ts'
import { seedDataDir, type FirstRun } from './seed/seedDataDir.ts'
import type { Services } from './services.ts'
import { openStorage } from './storage/openStorage.ts'
import { ownerOnlyDir } from './storage/ownerOnly.ts'
import type { Storage } from './storage/Storage.ts'
import { WriteAheadLog } from './storage/WriteAheadLog.ts'
import type { ClusterNode } from './cluster/ClusterNode.ts'
import { startClusterStorage } from './cluster/clusterStart.ts'
import { watchAnchors } from './comments/anchorWatch.ts'
import { serveCommentCalls } from './comments/commentThreads.ts'
import { serveWordReturnCalls } from './comments/wordReturn.ts'
import { serveReasonCalls } from './review/suggestionReason.ts'

/** Options of startServer; only dataDir is required. */
export interface ServerOptions {
  /** Data folder: LevelDB in <dataDir>/db, the signing key in <dataDir>/secret.key. */
  dataDir: string
  /** postgres://… (DATABASE_URL): store in PostgreSQL instead of <dataDir>/db. */
  databaseUrl?: string
  /** redis://… (REDIS_URL, needs databaseUrl): share documents with other server processes (server/cluster). */
  redisUrl?: string
  /** In a cluster: the document lease period. @default DEFAULT_LEASE_MS */
  leaseMs?: number
  /** @default 1234; 0 picks a free port */
  port?: number
  /** @default '0.0.0.0' */
  host?: string
  log?: Log
  /** Built client. @default <project>/dist */
  distDir?: string
  /** On first start, load the seed documents (the administrator is always created). @default true */
  seed?: boolean
  /** First-run administrator password instead of a random one. */
  adminPassword?: string
  /** Session lifetime. @default 7 days */
  tokenTtlMs?: number
  /** How long an unused document stays in memory. @default 10 s */
  roomIdleMs?: number
  /** Wraps the storage (tests inject slow or failing storage through it). */
  wrapStorage?: (storage: Storage) => Storage
  /** Milliseconds between websocket pings; a socket that misses one is dropped. @default 4 s */
  pingMs?: number
  /** Milliseconds between `process.health` log lines (memory, event-loop delay, rooms, sockets). @default 60 s */
  healthLogMs?: number
}

/** A running server. */
export interface RunningServer {
  port: number
  /** http://host:port (loopback when listening on every interface). */
  url: string
  services: Services
  /** Set on the first start of an empty data folder: the administrator's one-time credentials. */
  firstRun: FirstRun | null
  /** Stops accepting, closes sockets with 1012, stores everything and closes the database. */
  close(): Promise<void>
}

/** Default location of the built client. */
export const DIST_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../dist')

/** Starts the whole server: static client, JSON API under /api and collaboration rooms under /collab. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? createLog()
  // A bad PLAN_LIMIT_*, IMPORT_LIMIT_* or PASSWORD_SCRYPT_N value stops the server here, naming the variable, not at first use.
  planLimits()
  importLimits()
  scryptCost()
  const dataDir = resolve(options.dataDir)
  // Owner-only before anything is written into it: it holds the signing key, the log and the database.
  if (ownerOnlyDir(dataDir)) log.warn('data.permissions', { dataDir, narrowedTo: '0700' })
  const base = await openStorage(dataDir, options.databaseUrl, log)
  const storage = options.wrapStorage ? options.wrapStorage(base) : base
  let cluster: ClusterNode | undefined
  try {
    const clustered = options.redisUrl ? await startClusterStorage(base, dataDir, log) : undefined
    // The redis client is loaded only in a cluster: a single server never needs it.
    if (clustered) cluster = await (await import('./cluster/ClusterNode.ts')).ClusterNode.connect(options.redisUrl ?? '', clustered.storage, log, options.leaseMs)
    const users = new Users(storage)
    const sessions = new Sessions(storage, users, clustered ? clustered.secret : loadSecret(dataDir), options.tokenTtlMs)
    const documents = new Documents(storage, users)
    const wal = await WriteAheadLog.open(join(dataDir, 'wal.log'), storage, log)
    const rooms = new Rooms(storage, wal, log, { idleMs: options.roomIdleMs, boundaries: (docId) => historyBoundaries(storage, docId), lease: cluster?.roomLease(), onLoad: (room) => watchAnchors(room, log) })
    const services: Services = {
      storage,
      users,
      sessions,
      documents,
      rooms,
      versions: new Versions(storage, rooms, cluster?.calls),
      visits: new Visits(storage, rooms),
      log,
      dataDir,
      calls: cluster?.calls,
    }
    serveCommentCalls(services)
    serveWordReturnCalls(services)
    serveReasonCalls(services)

    const firstRun = await seedDataDir(services, { adminPassword: options.adminPassword, documents: options.seed !== false })
    const router = new Router(routeModules.flat(), services, { rates: rateOptions(), hold: holdOptions() })
    const distDir = options.distDir ?? DIST_DIR
    const http = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) void router.handle(req, res, url)
      else serveStatic(req, res, url, distDir)
    })
    const collab = attachCollab(http, { sessions, documents, rooms, log, pingMs: options.pingMs, route: clusterRoute(cluster) })
    cluster?.attach({ collab, sessions, documents, rooms })
    const host = options.host ?? '0.0.0.0'
    await new Promise<void>((resolveListen, reject) => {
      http.once('error', reject)
      http.listen(options.port ?? 1234, host, () => {
        http.off('error', reject)
        resolveListen()
      })
    })
    const port = (http.address() as AddressInfo).port
    const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`
    log.info('server.listening', { url, port, dataDir })
    const stopHealthLog = logProcessHealth(log, () => countOpen(rooms), options.healthLogMs ?? 60_000)

    let closing: Promise<void> | undefined
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        log.info('server.stopping', { connections: collab.connections.size })
        cluster?.stopServing()
        stopHealthLog()
        collab.close()
        const stopped = new Promise<void>((r) => http.close(() => r()))
        await rooms.closeAll(CLOSE.restarting, 'server restarting')
        await collab.drain(2000)
        await cluster?.close()
        http.closeAllConnections()
        await stopped
        wal.close()
        await storage.close()
        log.info('server.stopped', {})
      })())
    return { port, url, services, firstRun, close }
  } catch (err) {
    await cluster?.close()
    await base.close()
    throw err
  }
}

/** The collaboration server's router in a cluster (undefined: every socket is served here). */
function clusterRoute(node: ClusterNode | undefined): CollabDeps['route'] {
  return node && ((docId, url) => node.route(docId, url))
}

/** Open documents and the sockets in them, for the health log line. */
function countOpen(rooms: Rooms): { rooms: number; connections: number } {
  const all = rooms.all()
  return { rooms: all.length, connections: all.reduce((n, room) => n + room.peers.size, 0) }
}
