// Fencing: an owner that stalls (SIGSTOP) past its lease comes back believing it still owns the
// document; its database writes carry an old fencing number and are refused, its room fails and
// its clients reconnect to the new owner. The history keeps every edit once.
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PgStorage } from '../../../server/storage/PgStorage.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { seededRandom } from '../../utils/seededRandom.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { waitFor } from '../../utils/waitFor.ts'
import { adminToken, firstDraft, startCluster, type TestCluster } from './clusterProcesses.ts'
import { duplicateStructs, marks, ownerIndex, typist } from './editing.ts'

const ROUNDS = Number(process.env.FENCING_ROUNDS ?? 5)
// When each round's stall comes; replay a failure with TEST_SEED=<the seed in the test's name>.
const random = seededRandom()

let cluster: TestCluster
let token: string
let docId: string
beforeAll(async () => {
  cluster = await startCluster(3)
  token = await adminToken(cluster.servers[0])
  docId = (await firstDraft(cluster.servers[0], token)).id
}, 120_000)

describe('fencing a stalled owner', () => {
  it(`refuses the writes of an owner that stalled past its lease and keeps every edit once (${ROUNDS} rounds, TEST_SEED=${random.seed})`, { timeout: 600_000 }, async () => {
    const clients = await Promise.all(cluster.servers.map((server) => connectClient(server, docId, token, { timeout: 30_000 })))
    const typed: string[] = []
    let fenced = 0
    for (let round = 0; round < ROUNDS; round++) {
      const owner = ownerIndex(cluster, docId)
      expect(owner).toBeGreaterThanOrEqual(0)
      const typists = clients.map((c, i) => typist(c, i, round))
      const stallAfter = 1 + random.int(30)
      const seen = (): number => marks(clients[(owner + 1) % clients.length].doc, clients.length).size
      const start = seen()
      await waitFor(() => seen() >= start + stallAfter, { timeout: 60_000, message: `edits before the stall in round ${round} (TEST_SEED=${random.seed})` })
      cluster.servers[owner].child.kill('SIGSTOP')
      // Another process takes over and stores edits while the owner sleeps.
      await waitFor(() => ownerIndex(cluster, docId) !== owner, { timeout: 60_000, message: `a new owner in round ${round} (TEST_SEED=${random.seed})` })
      const during = seen()
      await waitFor(() => seen() > during + 5, { timeout: 60_000, message: `edits under the new owner in round ${round} (TEST_SEED=${random.seed})` })
      cluster.servers[owner].child.kill('SIGCONT')
      typists.forEach((t) => t.stop())
      typed.push(...typists.flatMap((t) => t.typed))
      await waitFor(() => clients.every((c) => marks(c.doc, clients.length).size === typed.length), {
        timeout: 60_000,
        message: `clients to converge after round ${round} (TEST_SEED=${random.seed})`,
      })
      fenced += cluster.servers[owner].output.filter((l) => l.includes('FencedOutError') || l.includes('cluster.lease.lost')).length
    }
    clients.forEach((c) => c.close())
    await Promise.all(cluster.servers.map((s) => s.kill('SIGTERM')))

    const storage = await PgStorage.open(cluster.env.DATABASE_URL)
    try {
      const stored = marks(await storedDoc(storage, docId), clients.length)
      const rows = (await storage.readUpdates(docId)).map((e) => e.update)
      const history = new Y.Doc()
      for (const row of rows) Y.applyUpdate(history, row)
      const inHistory = marks(history, clients.length)
      const duplicates = duplicateStructs(rows)
      console.log(`fencing: ${ROUNDS} rounds, ${typed.length} typed, fenced or lost leases ${fenced}, duplicate structs ${duplicates}`)
      expect(
        typed.filter((m) => !stored.has(m)),
        `TEST_SEED=${random.seed}`,
      ).toEqual([])
      expect(
        typed.filter((m) => !inHistory.has(m)),
        `TEST_SEED=${random.seed}`,
      ).toEqual([])
      expect(duplicates, `TEST_SEED=${random.seed}`).toBe(0)
      expect(fenced).toBeGreaterThan(0)
    } finally {
      await storage.close()
    }
  })
})
