// The storage implementations the interface-level tests run against: LevelDB in a temporary folder
// and PostgreSQL in a new database of one throwaway cluster per test file (started on first use).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { LevelStorage } from '../../../server/storage/LevelStorage.ts'
import { PgStorage } from '../../../server/storage/PgStorage.ts'
import type { Storage } from '../../../server/storage/Storage.ts'
import { atFileEnd } from '../../utils/fileEnd.ts'
import { startPostgres, type TestPostgres } from '../../utils/postgres.ts'

/** A fresh, empty storage, its own temporary folder (for files beside it), and a way to open the same data again after close. */
export interface FreshStorage {
  storage: Storage
  dir: string
  reopen(): Promise<Storage>
}

/** One implementation under test. */
export interface StorageFactory {
  name: string
  fresh(): Promise<FreshStorage>
}

let cluster: Promise<TestPostgres> | undefined

/** This file's PostgreSQL cluster, started on first use and stopped after the file (postgres.ts). */
export function testCluster(): Promise<TestPostgres> {
  if (!cluster) {
    cluster = startPostgres()
    // The next file of a reused worker starts its own.
    atFileEnd(() => (cluster = undefined))
  }
  return cluster
}

/** Closes `storage` after the current test (after the file when opened outside a test). */
export function closeAfterTest<S extends Storage>(storage: S): S {
  try {
    // A test may have closed it already (closing twice is allowed to fail).
    onTestFinished(() => storage.close().catch(() => undefined))
  } catch {
    atFileEnd(() => storage.close().catch(() => undefined))
  }
  return storage
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-storage-'))
  atFileEnd(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** LevelDB and PostgreSQL, for describe.each. */
export const storageFactories: StorageFactory[] = [
  {
    name: 'LevelDB',
    async fresh() {
      const dir = tempDir()
      const open = async (): Promise<Storage> => closeAfterTest(await LevelStorage.open(join(dir, 'db')))
      return { storage: await open(), dir, reopen: open }
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const url = await (await testCluster()).newDatabase()
      const open = async (): Promise<Storage> => closeAfterTest(await PgStorage.open(url))
      return { storage: await open(), dir: tempDir(), reopen: open }
    },
  },
]
