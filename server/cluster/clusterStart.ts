import { randomBytes } from 'node:crypto'
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Log } from '../log.ts'
import type { PgStorage } from '../storage/PgStorage.ts'
import type { Storage } from '../storage/Storage.ts'

/** Name of the token signing key in PostgreSQL's shared_keys table. */
const SIGNING_KEY = 'token-signing'

/** What a cluster process starts from: its PostgreSQL storage and the signing key all processes share. */
export interface ClusterStorage {
  storage: PgStorage
  secret: Buffer
}

/**
 * Prepares a process to join a cluster: the storage must be PostgreSQL (REDIS_URL needs
 * DATABASE_URL); tokens are signed with one key kept in the database, so that a token issued by
 * one process works on all; and this process's write-ahead log from a previous run is dropped
 * rather than replayed, because its entries carry sequence numbers that a newer owner may have
 * used since. What it held reached clients before the crash, and they send it again on reconnecting.
 */
export async function startClusterStorage(base: Storage, dataDir: string, log: Log): Promise<ClusterStorage> {
  // Loaded here, not with the server: a single server never needs pg.
  const { PgStorage } = await import('../storage/PgStorage.ts')
  if (!(base instanceof PgStorage)) throw new Error('REDIS_URL 需要同时设置 DATABASE_URL：多台服务器共用 PostgreSQL 中的文档')
  const secret = await base.sharedSecret(SIGNING_KEY, () => randomBytes(32))
  const walPath = join(dataDir, 'wal.log')
  const leftBytes = fileSize(walPath)
  if (leftBytes) log.warn('cluster.wal.dropped', { bytes: leftBytes, reason: 'clients resend what was not stored' })
  rmSync(walPath, { force: true })
  return { storage: base, secret }
}

/** Bytes in a file, 0 when it does not exist. */
function fileSize(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0
}
