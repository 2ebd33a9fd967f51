// A planned stop (SIGTERM, as for an upgrade) of the process that owns a document while clients on
// both processes edit: the owner stores everything and gives the lease back, the other process
// serves the document at once (no lease expiry to wait for), and the stopped process's client,
// sent to the other one, brings its unstored edits. Nothing is lost or recorded twice.
import { beforeAll, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { adminToken, firstDraft, startCluster, type TestCluster } from './clusterProcesses.ts'
import { failoverRound, storedAfter, type FailoverRound } from './failoverRounds.ts'

let cluster: TestCluster
let token: string
let docId: string
beforeAll(async () => {
  // A long lease: a handover that waited for the lease to expire would take longer than the test allows.
  cluster = await startCluster(2, 60_000)
  token = await adminToken(cluster.servers[0])
  docId = (await firstDraft(cluster.servers[0], token)).id
}, 120_000)

describe('a planned stop of the owning process', () => {
  it('hands the document to the other process without waiting for the lease, losing and duplicating nothing', { timeout: 50_000 }, async () => {
    let anchor: TestClient = await connectClient(cluster.servers[0], docId, token)
    const rounds: FailoverRound[] = []
    for (let round = 0; round < 2; round++) {
      const next = await failoverRound(cluster, docId, token, round, anchor, 5, 'SIGTERM')
      anchor = next.anchor
      rounds.push(next.result)
    }
    expect(rounds.map((r) => r.owner)).toEqual([0, 1])
    anchor.close()
    await Promise.all(cluster.servers.map((s) => s.kill('SIGTERM')))
    const after = await storedAfter(cluster.databaseUrl, docId, rounds)
    expect(after.missingTyped).toEqual([])
    expect(after.notInHistory).toEqual([])
    expect(after.duplicates).toBe(0)
  })
})
