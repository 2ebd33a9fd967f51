import { describe, expect, it } from 'vitest'
import { PING_SLICES, startPingRounds, type Pingable } from '../../../server/collab/pingRounds.ts'
import { waitFor } from '../../utils/waitFor.ts'

/** Numbers the timer callbacks that ping: pings in one callback share a number. */
let batch = 0
let batchOpen = false
function currentBatch(): number {
  if (!batchOpen) {
    batchOpen = true
    batch++
    queueMicrotask(() => (batchOpen = false))
  }
  return batch
}

/** A connection that records in which callback and when it was pinged; answers unless told not to. */
function fake(id: number, answers = true): Pingable & { pings: number[]; batches: number[]; dropped: string | null } {
  const conn = {
    id,
    alive: true,
    pings: [] as number[],
    batches: [] as number[],
    dropped: null as string | null,
    ping() {
      conn.pings.push(performance.now())
      conn.batches.push(currentBatch())
      if (answers) conn.alive = true
    },
    terminate(reason: string) {
      conn.dropped = reason
    },
  }
  return conn
}

describe('ping rounds', () => {
  it('pings only a slice of the connections at each tick, each connection once per period', async () => {
    const conns = Array.from({ length: 4 * PING_SLICES }, (_, i) => fake(i))
    const stop = startPingRounds(conns, 200)
    await waitFor(() => conns.every((c) => c.pings.length >= 2))
    stop()
    // Connections of one slice are pinged together, those of different slices at different ticks.
    const firstBatches = new Set(conns.map((c) => c.batches[0]))
    expect(firstBatches.size).toBe(PING_SLICES)
    for (const c of conns) expect(c.batches[0]).toBe(conns[c.id % PING_SLICES].batches[0])
    // Each connection's pings are a period apart, not a tick apart.
    for (const c of conns) expect(c.pings[1] - c.pings[0]).toBeGreaterThan(100)
  })

  it('drops a connection that did not answer its previous ping, at its next turn, and keeps the others', async () => {
    const silent = fake(3, false)
    const others = [fake(1), fake(2), fake(PING_SLICES + 3)]
    const stop = startPingRounds([silent, ...others], 100)
    await waitFor(() => silent.dropped !== null)
    stop()
    expect(silent.dropped).toBe('no answer to ping')
    expect(silent.pings).toHaveLength(1)
    expect(others.map((c) => c.dropped)).toEqual([null, null, null])
  })
})
