// One failover of a document between two server processes, as a load balancer would see it: the
// owner is killed (SIGKILL) while a client on each process types; the killed process's client is
// sent to the other process (its unacknowledged edits with it); the survivor takes the lease once
// it expires and serves the room. The test checks what is kept; the bench times it.
import * as Y from 'yjs'
import { PgStorage } from '../../../server/storage/PgStorage.ts'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { waitFor } from '../../utils/waitFor.ts'
import type { TestCluster } from './clusterProcesses.ts'
import { duplicateStructs, marks, ownerIndex, typist } from './editing.ts'

/** Clients that type (one per process); marks() reads their items. */
const TYPISTS = 2

/** What one failover showed, times in ms from the kill. */
export interface FailoverRound {
  owner: number
  /** The survivor logged that it took the document's lease. */
  servedMs: number
  /** A reader on the survivor received an edit typed after the kill. */
  acceptedMs: number
  /** The killed process's client was synced on the survivor. */
  movedMs: number
  /** Every client had every mark typed in the round. */
  convergedMs: number
  typed: string[]
  /** Marks a reader on the survivor had before the kill: the owner had accepted and relayed them. */
  acknowledged: string[]
}

/**
 * Kills the owner of `docId` (one of two processes) during edits and restarts it after the
 * failover. `anchor` is a client that keeps the document open between rounds (so that the owner
 * is known); the next round's anchor is returned. `killAfter`: marks acknowledged before the kill.
 */
export async function failoverRound(
  cluster: TestCluster,
  docId: string,
  token: string,
  round: number,
  anchor: TestClient,
  killAfter: number,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<{ result: FailoverRound; anchor: TestClient }> {
  const owner = ownerIndex(cluster, docId)
  if (owner < 0) throw new Error(`no owner in round ${round}`)
  const survivor = 1 - owner
  const connect = (i: number, doc?: Y.Doc): Promise<TestClient> => connectClient(cluster.servers[i], docId, token, { doc, timeout: 30_000 })
  const [writer, reader, doomed] = [await connect(survivor), await connect(survivor), await connect(owner)]
  anchor.close()
  const ofRound = (doc: Y.Doc): string[] => [...marks(doc, TYPISTS)].filter((m) => m.startsWith(`〔${round}-`))
  const typists = [typist(writer, 0, round), typist(doomed, 1, round)]
  await waitFor(() => ofRound(reader.doc).filter((m) => m.startsWith(`〔${round}-1-`)).length >= killAfter, { timeout: 30_000, message: `edits before the kill in round ${round}` })

  const out = cluster.servers[survivor].output
  const before = out.length
  const killedAt = performance.now()
  const since = (): number => performance.now() - killedAt
  let servedMs = NaN
  const served = waitFor(() => out.slice(before).some((l) => l.includes('cluster.lease.taken') && l.includes(docId)), { timeout: 60_000, message: `the survivor to take the lease in round ${round}` }).then(
    () => {
      servedMs = since()
    },
  )
  const exited = cluster.servers[owner].kill(signal)
  // Marks typed from here on come after the kill (a stopping process may take a while to exit).
  const typedBefore = typists[0].typed.length
  await exited
  const acknowledged = ofRound(reader.doc)
  // The load balancer sends the killed process's client to the survivor; it brings what was not stored.
  doomed.provider.destroy()
  const moving = connect(survivor, doomed.doc).then((moved) => ({ moved, ms: since() }))
  await waitFor(() => ofRound(reader.doc).some((m) => m.startsWith(`〔${round}-0-`) && Number(m.slice(0, -1).split('-')[2]) >= typedBefore), {
    timeout: 60_000,
    message: `an edit typed after the kill to be accepted in round ${round}`,
  })
  const acceptedMs = since()
  const { moved, ms: movedMs } = await moving
  await served
  typists.forEach((t) => t.stop())
  const typed = typists.flatMap((t) => t.typed)
  await waitFor(() => [writer, reader, moved].every((c) => ofRound(c.doc).length === typed.length), { timeout: 60_000, message: `clients to converge in round ${round}` })
  const convergedMs = since()
  await cluster.restart(owner)
  reader.close()
  moved.close()
  return { result: { owner, servedMs, acceptedMs, movedMs, convergedMs, typed, acknowledged }, anchor: writer }
}

/** What PostgreSQL holds after the rounds: marks missing from the stored document and from the history rows, and structs recorded twice. */
export async function storedAfter(databaseUrl: string, docId: string, rounds: FailoverRound[]): Promise<{ missingAcknowledged: string[]; missingTyped: string[]; notInHistory: string[]; duplicates: number }> {
  const storage = await PgStorage.open(databaseUrl)
  try {
    const stored = marks(await storedDoc(storage, docId), TYPISTS)
    const rows = (await storage.readUpdates(docId)).map((e) => e.update)
    const history = new Y.Doc()
    for (const row of rows) Y.applyUpdate(history, row)
    const inHistory = marks(history, TYPISTS)
    const typed = rounds.flatMap((r) => r.typed)
    return {
      missingAcknowledged: rounds.flatMap((r) => r.acknowledged).filter((m) => !stored.has(m)),
      missingTyped: typed.filter((m) => !stored.has(m)),
      notInHistory: typed.filter((m) => !inHistory.has(m)),
      duplicates: duplicateStructs(rows),
    }
  } finally {
    await storage.close()
  }
}
