// The storage implementations the interface-level tests run against: LevelDB in a temporary folder
// and PostgreSQL in a new database of one throwaway cluster per test file (started on first use).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'
import { LevelStorage } from '../../../server/storage/LevelStorage.ts'
import { PgStorage } from '../../../server/storage/PgStorage.ts'
import type { Storage } from '../../../server/storage/Storage.ts'
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

const opened: Storage[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()))
})
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

let cluster: Promise<TestPostgres> | undefined

/** This file's PostgreSQL cluster, started on first use and stopped after the file. */
export function testCluster(): Promise<TestPostgres> {
  return (cluster ??= startPostgres())
}

/** Closes `storage` after the current test. */
export function closeAfterTest<S extends Storage>(storage: S): S {
  opened.push(storage)
  return storage
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-storage-'))
  dirs.push(dir)
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
