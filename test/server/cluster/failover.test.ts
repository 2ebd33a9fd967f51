// Failover: the owner of a document is killed with SIGKILL while clients on all three processes
// edit; another process takes the lease after it expires and loads from PostgreSQL, the clients
// reconnect and bring what was not stored. Nothing acknowledged is lost, nothing recorded twice.
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PgStorage } from '../../../server/storage/PgStorage.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { elementsNamed } from '../../utils/planText.ts'
import { seededRandom } from '../../utils/seededRandom.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { waitFor } from '../../utils/waitFor.ts'
import { adminToken, firstDraft, startCluster, type TestCluster } from './clusterProcesses.ts'
import { duplicateStructs, ITEMS_PER_CLIENT, marks, ownerIndex, typist } from './editing.ts'

const ROUNDS = Number(process.env.FAILOVER_ROUNDS ?? 20)
// When each round's kill comes; replay a failure with TEST_SEED=<the seed in the test's name>.
const random = seededRandom()

let cluster: TestCluster
let token: string
let docId: string
beforeAll(async () => {
  cluster = await startCluster(3)
  token = await adminToken(cluster.servers[0])
  docId = (await firstDraft(cluster.servers[0], token)).id
}, 120_000)

describe('failover between server processes', () => {
  it(`loses no acknowledged update and records none twice when the owner is killed during edits on all processes (${ROUNDS} rounds, TEST_SEED=${random.seed})`, { timeout: 900_000 }, async () => {
    const clients = await Promise.all(cluster.servers.map((server) => connectClient(server, docId, token, { timeout: 30_000 })))
    expect(elementsNamed(clients[0].doc, 'item').length).toBeGreaterThanOrEqual(clients.length * ITEMS_PER_CLIENT)
    const acknowledged = new Set<string>()
    const typed: string[] = []
    const failovers: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const owner = ownerIndex(cluster, docId)
      expect(owner, `an owner in round ${round} (TEST_SEED=${random.seed})`).toBeGreaterThanOrEqual(0)
      const typists = clients.map((c, i) => typist(c, i, round))
      // Kill once another process's client has seen a random number of this round's marks.
      const killAfter = 1 + random.int(30)
      const seenElsewhere = (): string[] => clients.flatMap((c, i) => [...marks(c.doc, clients.length)].filter((m) => m.startsWith(`〔${round}-`) && !m.startsWith(`〔${round}-${i}-`)))
      await waitFor(() => seenElsewhere().length >= killAfter, { timeout: 60_000, message: `${killAfter} marks seen in round ${round} (TEST_SEED=${random.seed})` })
      const killedAt = Date.now()
      await cluster.servers[owner].kill('SIGKILL')
      // Acknowledged: a client on another process than its author's had it, so the owner accepted and relayed it.
      for (const m of seenElsewhere()) acknowledged.add(m)
      // Half the rounds restart the killed process only once another has taken over and stored edits.
      if (random.int(2) === 1) {
        const before = seenElsewhere().length
        await waitFor(() => ownerIndex(cluster, docId) !== owner && seenElsewhere().length > before + 5, {
          timeout: 60_000,
          message: `a new owner in round ${round} (TEST_SEED=${random.seed})`,
        })
      }
      await cluster.restart(owner)
      typists.forEach((t) => t.stop())
      typed.push(...typists.flatMap((t) => t.typed))
      await waitFor(() => clients.every((c) => marks(c.doc, clients.length).size === typed.length), {
        timeout: 60_000,
        message: `clients to converge after round ${round} (TEST_SEED=${random.seed})`,
      })
      failovers.push(Date.now() - killedAt)
    }
    clients.forEach((c) => c.close())
    await Promise.all(cluster.servers.map((s) => s.kill('SIGTERM')))

    const storage = await PgStorage.open(cluster.env.DATABASE_URL)
    try {
      const stored = marks(await storedDoc(storage, docId), clients.length)
      const missing = [...acknowledged].filter((m) => !stored.has(m))
      const rows = (await storage.readUpdates(docId)).map((e) => e.update)
      const duplicates = duplicateStructs(rows)
      // The history alone (every row, no snapshot) holds every edit: no row was overwritten.
      const history = new Y.Doc()
      for (const row of rows) Y.applyUpdate(history, row)
      const inHistory = marks(history, clients.length)
      const notInHistory = typed.filter((m) => !inHistory.has(m))
      console.log(
        `failover: ${ROUNDS} rounds, ${acknowledged.size} acknowledged, ${typed.length} typed, missing ${missing.length}, not in history ${notInHistory.length}, duplicate structs ${duplicates}, kill→converged ms ${failovers.join(' ')}`,
      )
      expect(missing, `TEST_SEED=${random.seed}`).toEqual([])
      expect(
        [...typed].filter((m) => !stored.has(m)),
        `TEST_SEED=${random.seed}`,
      ).toEqual([])
      expect(duplicates, `TEST_SEED=${random.seed}`).toBe(0)
      expect(notInHistory.length, `TEST_SEED=${random.seed}`).toBe(0)
      expect(acknowledged.size).toBeGreaterThan(ROUNDS)
    } finally {
      await storage.close()
    }
  })
})
