// Failover time between two server processes (issue 15): the owner of a document is killed
// (SIGKILL) while a client on each process types, the killed process's client moves to the other
// one, which takes the lease after it expires and loads the document from PostgreSQL. Printed, from
// the kill: the survivor takes the lease, the first edit typed after the kill is accepted, the moved
// client is synced, every client has every edit. Target: the first accepted edit under 2 lease periods.
// Last, a planned stop (SIGTERM, as for an upgrade): the owner hands the document over at once.
import { loadavg } from 'node:os'
import { adminToken, firstDraft, startCluster } from '../server/cluster/clusterProcesses.ts'
import { failoverRound, storedAfter, type FailoverRound } from '../server/cluster/failoverRounds.ts'
import { connectClient, type TestClient } from '../utils/collabClient.ts'
import { summarise } from './timing.ts'

/** Lease periods, rounds and how the owner ends: the tests' short lease, the default, and a planned stop. */
const RUNS: Array<{ leaseMs: number; rounds: number; signal: NodeJS.Signals }> = [
  { leaseMs: 1000, rounds: 10, signal: 'SIGKILL' },
  { leaseMs: 5000, rounds: 3, signal: 'SIGKILL' },
  { leaseMs: 5000, rounds: 3, signal: 'SIGTERM' },
]

export async function run(): Promise<void> {
  for (const { leaseMs, rounds: count, signal } of RUNS) {
    const cluster = await startCluster(2, leaseMs)
    try {
      const token = await adminToken(cluster.servers[0])
      const docId = (await firstDraft(cluster.servers[0], token)).id
      let anchor: TestClient = await connectClient(cluster.servers[0], docId, token)
      const rounds: FailoverRound[] = []
      for (let round = 0; round < count; round++) {
        // The kill comes after a varying number of acknowledged edits (the same schedule every run).
        const next = await failoverRound(cluster, docId, token, round, anchor, 1 + ((round * 7) % 20), signal)
        anchor = next.anchor
        rounds.push(next.result)
      }
      anchor.close()
      await Promise.all(cluster.servers.map((s) => s.kill('SIGTERM')))
      const after = await storedAfter(cluster.databaseUrl, docId, rounds)
      const line = (name: string, ms: number[]): string => {
        const t = summarise(ms)
        return `  ${name.padEnd(44)} median ${t.median.toFixed(0).padStart(5)} ms, max ${Math.max(...ms)
          .toFixed(0)
          .padStart(5)} ms (${(Math.max(...ms) / leaseMs).toFixed(2)} lease periods)`
      }
      const accepted = rounds.map((r) => r.acceptedMs)
      const how = signal === 'SIGKILL' ? 'kill -9 of the owner' : 'the owner stopped with SIGTERM'
      console.log(`failover, lease ${leaseMs} ms, ${count} rounds (${how}; target: first accepted edit < 2 lease periods = ${2 * leaseMs} ms):`)
      console.log(
        line(
          'kill → survivor holds the lease',
          rounds.map((r) => r.servedMs),
        ),
      )
      console.log(`${line('kill → first edit typed after it accepted', accepted)}  ${Math.max(...accepted) < 2 * leaseMs ? 'met' : 'NOT MET'}`)
      console.log(
        line(
          'kill → killed process’s client synced there',
          rounds.map((r) => r.movedMs),
        ),
      )
      console.log(
        line(
          'kill → every client has every edit',
          rounds.map((r) => r.convergedMs),
        ),
      )
      console.log(
        `  ${rounds.flatMap((r) => r.acknowledged).length} acknowledged edits, ${rounds.flatMap((r) => r.typed).length} typed: missing ${after.missingAcknowledged.length} acknowledged, ` +
          `${after.missingTyped.length} typed, ${after.notInHistory.length} not in the history; duplicate structs ${after.duplicates}; load average ${loadavg()[0].toFixed(1)}`,
      )
    } finally {
      await cluster.stop()
    }
  }
}
