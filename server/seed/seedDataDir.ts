import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { carryForward } from '../../shared/plan/carryForward.ts'
import { randomPassword } from '../auth/passwords.ts'
import type { DocumentRecord } from '../docs/documents.ts'
import { importFile } from '../import/importFile.ts'
import type { Services } from '../services.ts'
import type { WriteOp } from '../storage/Storage.ts'

/** The seeds folder at the top of the project. */
export const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../seeds')

/** Name of the first-run administrator. */
export const FIRST_ADMIN = 'admin'

/** What the first start did: the administrator's credentials (shown once) and the documents it loaded. */
export interface FirstRun {
  adminName: string
  /** Absent when an administrator already existed (made with `plan user add` before the first start). */
  adminPassword?: string
  documents: DocumentRecord[]
}

/**
 * On the first start of a data folder: creates the administrator `admin` (unless `plan user add`
 * already made one) and, from the seeds, last year's district plan (kind prior, seed 000), the
 * municipal plan (kind reference, seed 001) and next year's draft carried forward from the
 * district plan, linked to both. Everything is one atomic write together with the first-run
 * mark, so a crash leaves either a complete first run or none. Returns null on later starts.
 */
export async function seedDataDir(services: Services, options: { adminPassword?: string; seedsDir?: string; documents?: boolean } = {}): Promise<FirstRun | null> {
  if (await services.storage.get('config', 'firstRun')) return null
  const all: WriteOp[] = []
  let admin = (await services.users.list()).find((u) => u.role === 'admin')
  let adminPassword: string | undefined
  if (!admin) {
    adminPassword = options.adminPassword ?? randomPassword()
    const prepared = await services.users.prepare({ name: FIRST_ADMIN, password: adminPassword, role: 'admin', displayName: '管理员' })
    // A printed password has been seen by whoever read the console: the admin is asked to change it at first sign-in.
    if (!options.adminPassword) prepared.record.mustChangePassword = true
    admin = prepared.record
    all.push(...prepared.ops)
  }
  const documents: DocumentRecord[] = []
  const seeds = options.documents === false ? null : findSeeds(options.seedsDir ?? SEEDS_DIR)
  if (seeds) {
    const district = await importFile(readFileSync(seeds.district), seeds.district)
    const municipal = await importFile(readFileSync(seeds.municipal), seeds.municipal)
    // Sources as the list's 来源 column shows them: the two seeds were imported files, the draft was carried.
    const prior = services.documents.prepare({ plan: district.plan, kind: 'prior', everyone: 'viewer', source: { kind: 'import', filename: basename(seeds.district) } }, admin)
    const reference = services.documents.prepare({ plan: municipal.plan, kind: 'reference', everyone: 'viewer', source: { kind: 'import', filename: basename(seeds.municipal) } }, admin)
    const carried = { priorId: prior.doc.id, municipalId: reference.doc.id, carriedFrom: prior.doc.id, source: { kind: 'carry', fromTitle: prior.doc.title } } as const
    const draft = services.documents.prepare({ plan: carryForward(district.plan), kind: 'draft', ...carried }, admin)
    for (const d of [prior, reference, draft]) {
      all.push(...d.ops)
      documents.push(d.doc)
    }
  } else if (options.documents !== false) {
    services.log.warn('seed.missing', { dir: options.seedsDir ?? SEEDS_DIR })
  }
  all.push({ type: 'put', collection: 'config', key: 'firstRun', value: { at: new Date().toISOString(), admin: admin.id } })
  await services.storage.write(all)
  services.log.info('seed.done', { admin: admin.id, documents: documents.length })
  return adminPassword ? { adminName: admin.name, adminPassword, documents } : { adminName: admin.name, documents }
}

function findSeeds(dir: string): { district: string; municipal: string } | null {
  let files: string[]
  try {
    files = readdirSync(dir)
  } catch {
    return null
  }
  const district = files.find((f) => /^000_.*\.txt$/.test(f))
  const municipal = files.find((f) => /^001_.*\.txt$/.test(f))
  return district && municipal ? { district: join(dir, district), municipal: join(dir, municipal) } : null
}
