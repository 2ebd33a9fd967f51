// Three server processes on one PostgreSQL and one redis-server: a document has one owner, and
// clients on any process edit it together, see each other, and are signed out everywhere.
import { createClient } from 'redis'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse, UserInfo } from '../../../shared/api/types.ts'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { TEST_PASSWORD } from '../../utils/testServer.ts'
import { waitFor, waitForDoc, waitForEvent } from '../../utils/waitFor.ts'
import { adminToken, api, firstDraft, startCluster, type TestCluster } from './clusterProcesses.ts'
import { ownerIndex } from './editing.ts'

let cluster: TestCluster
let token: string
let docId: string
beforeAll(async () => {
  cluster = await startCluster(3)
  token = await adminToken(cluster.servers[0])
  docId = (await firstDraft(cluster.servers[0], token)).id
}, 120_000)

/** A member with a token issued by `server` (another process than the ones it will be used on). */
async function member(name: string, role: 'editor' | 'viewer', on = 0): Promise<{ user: UserInfo; token: string }> {
  const [a] = cluster.servers
  const created = await api<UserInfo>(a, 'POST', '/api/users', token, { name, password: TEST_PASSWORD, role: 'member' })
  expect(created.status).toBe(201)
  expect((await api(a, 'PUT', `/api/documents/${docId}/members/${created.body.id}`, token, { role })).status).toBe(200)
  const login = await api<LoginResponse>(cluster.servers[on], 'POST', '/api/login', undefined, { name, password: TEST_PASSWORD })
  return { user: created.body, token: login.body.token }
}

describe('several server processes sharing documents through Redis', () => {
  it('lets clients on three processes edit one document together and see each other', { timeout: 60_000 }, async () => {
    const clients = await Promise.all(cluster.servers.map((server) => connectClient(server, docId, token)))
    clients.forEach((c, i) => textIn(c.doc, 'itemTitle', i).insert(0, `〔进程${i}〕`))
    for (const c of clients) {
      await waitForDoc(c.doc, (d) => [0, 1, 2].every((i) => textIn(d, 'itemTitle', i).toString().startsWith(`〔进程${i}〕`)))
    }
    clients[0].provider.awareness.setLocalStateField('marker', 'a')
    await waitFor(() => [...clients[2].provider.awareness.getStates().values()].some((s) => s.marker === 'a'))
    // Exactly one process took the document's lease; the others relay to it.
    const owners = cluster.servers.filter((s) => s.output.some((l) => l.includes('cluster.lease.taken') && l.includes(docId)))
    expect(owners).toHaveLength(1)
    expect(cluster.servers.filter((s) => s.output.some((l) => l.includes('cluster.relay.open') && l.includes(docId)))).toHaveLength(2)
    clients.forEach((c) => c.close())
  })

  it('closes a user’s sockets on every process when the user signs out on one that does not own the document', { timeout: 60_000 }, async () => {
    const watcher = await connectClient(cluster.servers[0], docId, token)
    const other = (ownerIndex(cluster, docId) + 1) % cluster.servers.length
    const lisi = await member('lisi', 'editor', other)
    const clients = await Promise.all(cluster.servers.map((server) => connectClient(server, docId, lisi.token)))
    expect((await api(cluster.servers[other], 'POST', '/api/logout', lisi.token)).status).toBeLessThan(300)
    for (const c of clients) expect((await c.closed).code).toBe(CLOSE.unauthenticated)
    clients.forEach((c) => c.close())
    watcher.close()
  })

  it('closes a member’s sockets on every process when an owner changes the member’s role on one that does not own the document', { timeout: 60_000 }, async () => {
    const watcher = await connectClient(cluster.servers[0], docId, token)
    const other = (ownerIndex(cluster, docId) + 1) % cluster.servers.length
    const wangwu = await member('wangwu', 'editor', other)
    const clients = await Promise.all(cluster.servers.map((server) => connectClient(server, docId, wangwu.token)))
    expect((await api(cluster.servers[other], 'PUT', `/api/documents/${docId}/members/${wangwu.user.id}`, token, { role: 'viewer' })).status).toBe(200)
    for (const c of clients) expect((await c.closed).code).toBe(CLOSE.roleChanged)
    clients.forEach((c) => c.close())
    watcher.close()
  })

  it('makes relayed clients reconnect and resync when the processes’ Redis subscriptions were cut (frames published meanwhile are lost)', { timeout: 60_000 }, async () => {
    const owner = ownerIndex(cluster, docId)
    const clients = await Promise.all(cluster.servers.map((server) => connectClient(server, docId, token)))
    const relayed = clients.filter((_, i) => i !== owner)
    const closes = relayed.map((c) => waitForEvent<[CloseEvent | null]>(c.provider, 'connection-close', (event) => event?.code === 1012, { timeout: 20_000 }))
    const admin = createClient({ url: cluster.env.REDIS_URL })
    await admin.connect()
    try {
      expect(Number(await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']))).toBeGreaterThanOrEqual(cluster.servers.length)
    } finally {
      await admin.quit()
    }
    await Promise.all(closes)
    clients.forEach((c, i) => textIn(c.doc, 'itemTitle', i).insert(0, `〔重连${i}〕`))
    for (const c of clients) await waitForDoc(c.doc, (d) => [0, 1, 2].every((i) => textIn(d, 'itemTitle', i).toString().startsWith(`〔重连${i}〕`)), { timeout: 20_000 })
    clients.forEach((c) => c.close())
  })
})
