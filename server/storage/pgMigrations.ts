import type pg from 'pg'

/** One schema step; versions only grow and a released step is never edited, only followed by a new one. */
export interface Migration {
  version: number
  name: string
  sql: string
}

/**
 * The PostgreSQL schema of PgStorage. Keys are `COLLATE "C"` so that `ORDER BY key` is byte order,
 * the order LevelDB lists in; JSON records are `json` (kept as written, unlike jsonb).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, blobs and the update log',
    sql: `
      CREATE TABLE records (
        collection text NOT NULL,
        key text COLLATE "C" NOT NULL,
        value json NOT NULL,
        PRIMARY KEY (collection, key)
      );
      CREATE TABLE blobs (
        key text COLLATE "C" PRIMARY KEY,
        value bytea NOT NULL
      );
      CREATE TABLE updates (
        doc_id text COLLATE "C" NOT NULL,
        seq bigint NOT NULL,
        first_seq bigint NOT NULL,
        count integer NOT NULL,
        at double precision NOT NULL,
        first_at double precision NOT NULL,
        user_id text NOT NULL,
        clients bigint[] NOT NULL,
        update bytea NOT NULL,
        PRIMARY KEY (doc_id, seq)
      );`,
  },
  {
    version: 2,
    name: 'fencing numbers and the shared signing key of a cluster',
    sql: `
      CREATE TABLE fences (
        doc_id text COLLATE "C" PRIMARY KEY,
        fence bigint NOT NULL
      );
      CREATE TABLE shared_keys (
        name text PRIMARY KEY,
        value bytea NOT NULL
      );`,
  },
]

/** Advisory lock key that serialises migrations when several servers start at once ('plan' in ASCII). */
const MIGRATION_LOCK = 0x706c616e

/** Thrown when the database was migrated by a newer server than this one. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`数据库结构版本为 ${found}，本服务器只认识到版本 ${known}：请升级服务器程序后再启动`)
    this.name = 'SchemaTooNewError'
  }
}

/**
 * Brings the database's schema up to date in one transaction under an advisory lock: creates the
 * `schema_migrations` table, then runs every step it does not list yet. Running it again does
 * nothing; two servers starting together wait for each other. Returns the versions it applied.
 */
export async function migrate(client: pg.ClientBase, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = []
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const done = new Set(rows.map((r) => r.version))
    const known = Math.max(0, ...migrations.map((m) => m.version))
    const newest = Math.max(0, ...done)
    if (newest > known) throw new SchemaTooNewError(newest, known)
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue
      await client.query(m.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
      applied.push(m.version)
    }
    await client.query('COMMIT')
    return applied
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  }
}
