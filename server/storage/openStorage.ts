import { join } from 'node:path'
import type { Log } from '../log.ts'
import { LevelStorage } from './LevelStorage.ts'
import type { Storage } from './Storage.ts'

/**
 * Opens the server's storage: PostgreSQL when `databaseUrl` is set (DATABASE_URL), else the
 * embedded LevelDB in <dataDir>/db. The URL is never logged: it may hold a password.
 */
export async function openStorage(dataDir: string, databaseUrl: string | undefined, log: Log): Promise<Storage> {
  if (!databaseUrl) return LevelStorage.open(join(dataDir, 'db'))
  // pg is loaded only when PostgreSQL is configured: the default single server never needs it.
  const { PgStorage } = await import('./PgStorage.ts')
  const storage = await PgStorage.open(databaseUrl, { onIdleError: (err) => log.warn('storage.connection.lost', { storage: 'postgresql' }, err) })
  log.info('storage.opened', { storage: 'postgresql' })
  return storage
}
