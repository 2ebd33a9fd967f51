// Failover with clients moving: the owner is killed and its clients are sent to the other process
// (as a load balancer does), not back to a restarted one. The survivor takes the lease and serves
// the room; nothing a client saw acknowledged is lost and nothing is recorded twice.
import { beforeAll, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { seededRandom } from '../../utils/seededRandom.ts'
import { adminToken, firstDraft, startCluster, type TestCluster } from './clusterProcesses.ts'
import { failoverRound, storedAfter, type FailoverRound } from './failoverRounds.ts'

const ROUNDS = Number(process.env.FAILOVER_MOVE_ROUNDS ?? 4)
// How many acknowledged edits come before each kill; replay with TEST_SEED=<the seed in the test's name>.
const random = seededRandom()

let cluster: TestCluster
let token: string
let docId: string
beforeAll(async () => {
  cluster = await startCluster(2)
  token = await adminToken(cluster.servers[0])
  docId = (await firstDraft(cluster.servers[0], token)).id
}, 120_000)

describe('failover when the killed owner’s clients move to the other process', () => {
  it(`lets the other process serve the document and loses no acknowledged edit, recording none twice (${ROUNDS} rounds, TEST_SEED=${random.seed})`, { timeout: 600_000 }, async () => {
    let anchor: TestClient = await connectClient(cluster.servers[0], docId, token)
    const rounds: FailoverRound[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const next = await failoverRound(cluster, docId, token, round, anchor, 1 + random.int(20))
      anchor = next.anchor
      rounds.push(next.result)
      // The other process served the document: each round's owner is the one that survived the last.
      if (round > 0) expect(next.result.owner, `TEST_SEED=${random.seed}`).toBe(1 - rounds[round - 1].owner)
    }
    anchor.close()
    await Promise.all(cluster.servers.map((s) => s.kill('SIGTERM')))
    const after = await storedAfter(cluster.databaseUrl, docId, rounds)
    console.log(
      `failover with moving clients: ${ROUNDS} rounds, ${rounds.flatMap((r) => r.acknowledged).length} acknowledged, ${rounds.flatMap((r) => r.typed).length} typed, ` +
        `missing ${after.missingAcknowledged.length}, not in history ${after.notInHistory.length}, duplicate structs ${after.duplicates}`,
    )
    expect(after.missingAcknowledged, `TEST_SEED=${random.seed}`).toEqual([])
    expect(after.missingTyped, `TEST_SEED=${random.seed}`).toEqual([])
    expect(after.notInHistory, `TEST_SEED=${random.seed}`).toEqual([])
    expect(after.duplicates, `TEST_SEED=${random.seed}`).toBe(0)
    expect(rounds.every((r) => r.acknowledged.length > 0)).toBe(true)
  })
})
