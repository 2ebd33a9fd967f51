// The whole server on PostgreSQL (databaseUrl, as DATABASE_URL sets it): collaboration, restarts and
// versions work as on LevelDB, and everything lives in the database, not in the data folder.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { HistoryEntry, VersionInfo } from '../../../shared/api/types.ts'
import type { PlanJson } from '../../../shared/plan/planJson.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { startPostgres, type TestPostgres } from '../../utils/postgres.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'

let cluster: TestPostgres
beforeAll(async () => {
  cluster = await startPostgres()
})

const firstTitle = (plan: PlanJson): string => plan.sections[0].items[0].title

async function count(url: string, sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return Number((await client.query<{ n: string }>(sql, params)).rows[0].n)
  } finally {
    await client.end()
  }
}

describe('the server on PostgreSQL', () => {
  it('lets two clients converge, stores their edits in the database and reopens them after a restart', async () => {
    const databaseUrl = await cluster.newDatabase()
    const server = await startTestServer({ databaseUrl })
    const token = server.admin.token
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, token)
    const b = await connectClient(server, doc.id, token)
    textIn(a.doc, 'itemTitle', 0).insert(0, '甲写的')
    textIn(b.doc, 'itemTitle', 1).insert(0, '乙写的')
    await waitForDoc(a.doc, (d) => textIn(d, 'itemTitle', 1).toString().startsWith('乙写的'))
    await waitForDoc(b.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('甲写的'))
    a.close()
    b.close()
    await server.restart()

    const plan = (await server.api<PlanJson>('GET', `/api/documents/${doc.id}/plan`, { token })).body
    expect(plan.sections[0].items.slice(0, 2).map((i) => i.title.slice(0, 3))).toEqual(['甲写的', '乙写的'])
    const c = await connectClient(server, doc.id, token)
    expect(textIn(c.doc, 'itemTitle', 0).toString()).toMatch(/^甲写的/)
    c.close()
    // The creation and both edits are in the update log (compaction may have merged rows); LevelDB was never opened.
    expect(await count(databaseUrl, 'SELECT sum(count) AS n FROM updates WHERE doc_id = $1', [doc.id])).toBeGreaterThanOrEqual(3)
    expect(existsSync(join(server.dataDir, 'db'))).toBe(false)
  })

  it('saves, reads and restores named versions, and keeps them over a restart', async () => {
    const server = await startTestServer({ databaseUrl: await cluster.newDatabase() })
    const token = server.admin.token
    const doc = await server.createDocument()
    const base = `/api/documents/${doc.id}`
    const editor = await connectClient(server, doc.id, token)
    const watcher = await connectClient(server, doc.id, token)
    textIn(editor.doc, 'itemTitle', 0).insert(0, '征求意见稿：')
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('征求意见稿：'))
    const saved = await server.api<VersionInfo>('POST', `${base}/versions`, { token, body: { name: '征求意见稿' } })
    expect(saved.status).toBe(201)
    textIn(editor.doc, 'itemTitle', 0).delete(0, 6)
    await waitForDoc(watcher.doc, (d) => !textIn(d, 'itemTitle', 0).toString().startsWith('征求意见稿：'))
    const restored = await server.api<{ autosave: VersionInfo }>('POST', `${base}/versions/${saved.body.id}/restore`, { token })
    expect(restored.status).toBe(200)
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('征求意见稿：'))
    editor.close()
    watcher.close()
    await server.restart()

    expect(firstTitle((await server.api<PlanJson>('GET', `${base}/plan`, { token })).body)).toMatch(/^征求意见稿：/)
    const list = await server.api<VersionInfo[]>('GET', `${base}/versions`, { token })
    expect(list.body.map((v) => v.name)).toEqual(['征求意见稿', restored.body.autosave.name])
    expect(firstTitle((await server.api<PlanJson>('GET', `${base}/versions/${saved.body.id}/plan`, { token })).body)).toMatch(/^征求意见稿：/)
  })

  it('serves the same documents, accounts and history to a server with a new, empty data folder', async () => {
    const databaseUrl = await cluster.newDatabase()
    const first = await startTestServer({ databaseUrl })
    const doc = await first.createDocument()
    const lisi = await first.createUser('lisi')
    await first.share(doc.id, lisi.user.id, 'editor')
    const client = await connectClient(first, doc.id, lisi.token)
    textIn(client.doc, 'itemTitle', 0).insert(0, '李四改的')
    const check = await connectClient(first, doc.id, first.admin.token)
    await waitForDoc(check.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('李四改的'))
    client.close()
    check.close()
    await first.stop()

    const second = await startTestServer({ databaseUrl })
    expect(second.dataDir).not.toBe(first.dataDir)
    const token = second.admin.token
    expect(firstTitle((await second.api<PlanJson>('GET', `/api/documents/${doc.id}/plan`, { token })).body)).toMatch(/^李四改的/)
    const history = await second.api<HistoryEntry[]>('GET', `/api/documents/${doc.id}/history`, { token })
    expect(history.body.some((e) => e.userId === lisi.user.id)).toBe(true)
    const login = await second.api('POST', '/api/login', { body: { name: 'lisi', password: 'x'.repeat(3) } })
    expect(login.status).toBe(401)
    expect((await second.createUser('wangwu')).user.name).toBe('wangwu')
  })

  it('survives a PostgreSQL outage while a client types: the edits made meanwhile are stored once the database is back', async () => {
    const outage = await startPostgres()
    const databaseUrl = await outage.newDatabase()
    const server = await startTestServer({ databaseUrl })
    const token = server.admin.token
    const doc = await server.createDocument()
    const writer = await connectClient(server, doc.id, token)
    textIn(writer.doc, 'itemTitle', 0).insert(0, '断库前')
    const room = server.services.rooms.get(doc.id)
    if (!room) throw new Error('the document is not open')
    await waitFor(() => room.seq >= 2)
    await room.flushed()

    await outage.down()
    textIn(writer.doc, 'itemTitle', 1).insert(0, '断库时写的')
    // The room cannot store it: it fails and closes its sockets (1011); the client keeps its change and retries.
    await waitFor(() => room.failed)
    await outage.up()

    const reader = await connectClient(server, doc.id, token, { timeout: 30_000 })
    await waitForDoc(reader.doc, (d) => textIn(d, 'itemTitle', 1).toString().startsWith('断库时写的'), { timeout: 30_000 })
    writer.close()
    reader.close()
    await server.restart()
    const plan = (await server.api<PlanJson>('GET', `/api/documents/${doc.id}/plan`, { token })).body
    expect(plan.sections[0].items[0].title).toMatch(/^断库前/)
    expect(plan.sections[0].items[1].title).toMatch(/^断库时写的/)
    expect(JSON.stringify(plan).split('断库时写的').length - 1).toBe(1)
    expect(await count(databaseUrl, 'SELECT count(*) AS n FROM (SELECT seq FROM updates WHERE doc_id = $1 GROUP BY seq HAVING count(*) > 1) d', [doc.id])).toBe(0)
  })
})
