// Edit propagation across two server processes sharing a document through Redis (issue 15), side
// by side with the same clients on one process, in one run: 50 clients in one 60-item document,
// either all on the owning process or split 25 / 25 over the owner and a process that relays to
// it, with the sender on either side. Real PostgreSQL and redis-server on loopback.
import { loadavg } from 'node:os'
import { toPlanJson } from '../../shared/plan/planJson.ts'
import { adminToken, startCluster, type TestCluster } from '../server/cluster/clusterProcesses.ts'
import { ownerIndex } from '../server/cluster/editing.ts'
import { connectClient, type TestClient } from '../utils/collabClient.ts'
import { textIn } from '../utils/planText.ts'
import type { ServerProcess } from '../utils/serverProcess.ts'
import { sixtyItemPlan } from './server.bench.ts'
import { summarise } from './timing.ts'

/** Where each client connects (the first one sends): process indexes, 0 being the owner. */
interface Layout {
  name: string
  places: number[]
}

/** Latencies from the sender's edit to each receiver, by the receiver's process. */
interface Samples {
  all: number[]
  byProcess: number[][]
}

/** Imports the 60-item plan as a new document on a process; its id. */
async function importPlan(server: ServerProcess, token: string): Promise<string> {
  const base64 = Buffer.from(JSON.stringify(toPlanJson(sixtyItemPlan()))).toString('base64')
  const res = await fetch(server.url + '/api/documents', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ import: { filename: 'bench.json', base64 } }),
  })
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { document: { id: string } }).document.id
}

/**
 * One sender's edits and their arrival at every other client (one sample per receiver and edit);
 * the first `warmup` edits are not counted (a cold path after 50 clients join, as in server.bench).
 */
async function propagation(cluster: TestCluster, docId: string, token: string, layout: Layout, edits: number, warmup = 50): Promise<Samples> {
  const clients: TestClient[] = []
  for (const place of layout.places) clients.push(await connectClient(cluster.servers[place], docId, token, { timeout: 30_000 }))
  const [sender, ...receivers] = clients
  const text = textIn(sender.doc, 'itemTitle', 0)
  const samples: Samples = { all: [], byProcess: cluster.servers.map(() => []) }
  for (let e = 0; e < warmup + edits; e++) {
    const t0 = performance.now()
    const arrivals = receivers.map((r) => new Promise<number>((resolve) => r.doc.once('update', () => resolve(performance.now() - t0))))
    // The title stays short: insert and delete in turn, so the plan never reaches its size limits.
    if (e % 2) text.delete(0, 1)
    else text.insert(0, '改')
    const got = await Promise.all(arrivals)
    if (e < warmup) continue
    samples.all.push(...got)
    got.forEach((ms, i) => samples.byProcess[layout.places[i + 1]].push(ms))
  }
  for (const c of clients) c.close()
  return samples
}

const split = (clients: number, senderOn: number): number[] => [senderOn, ...Array.from({ length: clients - 1 }, (_, i) => (i % 2 === 0 ? 1 - senderOn : senderOn))]

export async function run(): Promise<void> {
  process.setMaxListeners(200)
  const cluster = await startCluster(2, 5000)
  try {
    const token = await adminToken(cluster.servers[0])
    const docId = await importPlan(cluster.servers[0], token)
    // Process 0 opens the document first and so owns it; this client keeps it open through the run.
    const anchor = await connectClient(cluster.servers[0], docId, token)
    if (ownerIndex(cluster, docId) !== 0) throw new Error('process 0 should own the document')
    for (const [clients, edits] of [
      [2, 800],
      [50, 800],
    ] as const) {
      const layouts: Layout[] = [
        { name: 'one process', places: Array.from({ length: clients }, () => 0) },
        { name: 'two processes, sender on the owner', places: split(clients, 0) },
        { name: 'two processes, sender on the relaying one', places: split(clients, 1) },
      ]
      const results = new Map<string, Samples>(layouts.map((l) => [l.name, { all: [], byProcess: [[], []] }]))
      // Rotate the order over the rounds so that drift in machine load hits every layout alike.
      const rounds = 8
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < layouts.length; k++) {
          const layout = layouts[(round + k) % layouts.length]
          const got = await propagation(cluster, docId, token, layout, edits / rounds)
          const into = results.get(layout.name)!
          into.all.push(...got.all)
          got.byProcess.forEach((s, i) => into.byProcess[i].push(...s))
        }
      }
      const one = summarise(results.get('one process')!.all)
      console.log(`edit propagation, ${clients} clients, one sender (p50 / p99 ms; target: two processes p99 < 2× one process${clients === 50 ? ' and < 15 ms' : ''}):`)
      for (const layout of layouts) {
        const r = results.get(layout.name)!
        const t = summarise(r.all)
        const parts = r.byProcess.map((s, i) => (s.length ? `   readers on ${i === 0 ? 'owner' : 'relay'} ${summarise(s).median.toFixed(2)} / ${summarise(s).p99.toFixed(2)}` : '')).join('')
        const ratio = t.p99 / one.p99
        const verdict = layout.places.some((p) => p === 1) ? `   p99 ${ratio.toFixed(2)}× one process (${ratio < 2 && (clients < 50 || t.p99 < 15) ? 'met' : 'NOT MET'})` : ''
        console.log(`  ${layout.name.padEnd(42)} ${t.median.toFixed(2)} / ${t.p99.toFixed(2)}${parts}${verdict}`)
      }
    }
    anchor.close()
    // The figures depend on what else the 2 shared cores run (both servers, PostgreSQL, Redis and all clients are here too).
    console.log(`  load average during the run: ${loadavg()[0].toFixed(1)}`)
  } finally {
    await cluster.stop()
  }
}
