// Continuous edits by clients on several processes, and what the stored log says about them.
import * as Y from 'yjs'
import type { TestClient } from '../../utils/collabClient.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import type { TestCluster } from './clusterProcesses.ts'

/** Items each client types into (its own, so that the marks never interleave). */
export const ITEMS_PER_CLIENT = 5

/** Index of the process holding the document's lease: the one that logged the highest fencing number for it. */
export function ownerIndex(cluster: TestCluster, docId: string): number {
  let best = -1
  let fence = 0
  cluster.servers.forEach((server, i) => {
    for (const line of server.output) {
      const m = /cluster\.lease\.taken .*fence=(\d+)/.exec(line)
      if (m && line.includes(docId) && Number(m[1]) > fence) {
        fence = Number(m[1])
        best = i
      }
    }
  })
  return best
}

/** Every mark 〔round-client-n〕 in the document's titles of the items the clients edit. */
export function marks(doc: Y.Doc, clients: number): Set<string> {
  const text = Array.from({ length: clients * ITEMS_PER_CLIENT }, (_, i) => textOf(doc, 'itemTitle', i)).join('')
  return new Set(text.match(/〔[^〕]+〕/g) ?? [])
}

/** Marks each client types per round (the items' text must stay within the plan limits over all rounds). */
export const MARKS_PER_ROUND = 80

/** A client typing a mark into one of its own items every 20 ms, through the failover, until stopped or done. */
export function typist(client: TestClient, index: number, round: number): { stop(): void; typed: string[] } {
  const typed: string[] = []
  const timer = setInterval(() => {
    if (typed.length >= MARKS_PER_ROUND) return clearInterval(timer)
    const mark = `〔${round}-${index}-${typed.length}〕`
    textIn(client.doc, 'itemTitle', index * ITEMS_PER_CLIENT + (typed.length % ITEMS_PER_CLIENT)).insert(0, mark)
    typed.push(mark)
  }, 20)
  return { stop: () => clearInterval(timer), typed }
}

/** Overlapping struct ranges across the stored log's rows: an update recorded twice shows up here. */
export function duplicateStructs(rows: Uint8Array[]): number {
  const ranges = new Map<number, Array<[number, number]>>()
  for (const row of rows) {
    for (const struct of Y.decodeUpdate(row).structs) {
      if (struct instanceof Y.Skip) continue
      const list = ranges.get(struct.id.client) ?? []
      list.push([struct.id.clock, struct.id.clock + struct.length])
      ranges.set(struct.id.client, list)
    }
  }
  let overlaps = 0
  for (const list of ranges.values()) {
    list.sort((a, b) => a[0] - b[0])
    for (let i = 1; i < list.length; i++) if (list[i][0] < list[i - 1][1]) overlaps++
  }
  return overlaps
}
