// A process that relays clients to a document's owner dies (SIGKILL): nothing tells the owner that
// those sockets closed, so its keep-alive pings (relayed, never answered) must drop them; their
// collaborators leave the presence list as when a connection drops, and the owner keeps serving.
import { beforeAll, describe, expect, it } from 'vitest'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'
import { adminToken, firstDraft, startCluster, type TestCluster } from './clusterProcesses.ts'
import { ownerIndex } from './editing.ts'

let cluster: TestCluster
let token: string
let docId: string
beforeAll(async () => {
  cluster = await startCluster(2)
  token = await adminToken(cluster.servers[0])
  docId = (await firstDraft(cluster.servers[0], token)).id
}, 120_000)

describe('a relaying process that dies', () => {
  it('drops its clients from the owner’s presence list within two ping intervals, and the owner keeps serving', { timeout: 60_000 }, async () => {
    const watcher = await connectClient(cluster.servers[0], docId, token)
    const owner = ownerIndex(cluster, docId)
    expect(owner).toBe(0)
    const relayed = await connectClient(cluster.servers[1], docId, token)
    relayed.provider.awareness.setLocalStateField('marker', 'relayed')
    const present = (): boolean => [...watcher.provider.awareness.getStates().values()].some((s) => s.marker === 'relayed')
    await waitFor(present)
    await cluster.servers[1].kill('SIGKILL')
    relayed.close()
    // The default ping interval is 4 s: gone within 8 s, as for a dropped connection.
    await waitFor(() => !present(), { timeout: 20_000, message: 'the relayed collaborator to leave the presence list' })
    textIn(watcher.doc, 'itemTitle', 0).insert(0, '〔仍在服务〕')
    const again = await connectClient(cluster.servers[0], docId, token)
    await waitForDoc(again.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('〔仍在服务〕'))
    // The owner dropped the stand-in itself: its ping went unanswered.
    await waitFor(() => cluster.servers[0].output.some((l) => l.includes('ws.timeout conn=2')))
    watcher.close()
    again.close()
  })
})
