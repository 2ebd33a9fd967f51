import { describe, expect, it, vi } from 'vitest'
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
    heard: false,
    pings: [] as number[],
    batches: [] as number[],
    dropped: null as string | null,
    ping() {
      conn.pings.push(performance.now())
      conn.batches.push(currentBatch())
      if (answers) conn.heard = true
    },
    terminate(reason: string) {
      conn.dropped = reason
    },
  }
  return conn
}

describe('ping rounds', () => {
  it('pings only a slice of the quiet connections at each tick, each connection once per period', async () => {
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

  it('does not ping a connection heard from since its last turn, and never drops it', async () => {
    const busy = fake(5)
    const quiet = fake(6)
    // A typing client: a frame arrives between every two turns of its slice.
    const frames = setInterval(() => (busy.heard = true), 5)
    const stop = startPingRounds([busy, quiet], 200)
    await waitFor(() => quiet.pings.length >= 3)
    stop()
    clearInterval(frames)
    expect(busy.pings).toHaveLength(0)
    expect(busy.dropped).toBeNull()
    expect(quiet.dropped).toBeNull()
  })

  it('drops a connection that goes silent within one and a half periods of the last thing it sent', () => {
    vi.useFakeTimers()
    try {
      const period = 400
      const conn = fake(7, false)
      const stop = startPingRounds([conn], period)
      // Slice 7's turns come every half period, the first at the 8th tick: that one pings it.
      vi.advanceTimersByTime((8 * period) / 2 / PING_SLICES)
      expect(conn.pings).toHaveLength(1)
      // The worst moment to fall silent: it answers just after its turn, then nothing more.
      conn.heard = true
      conn.pings.length = 0
      vi.advanceTimersByTime(period / 2) // a turn that finds it heard: no ping
      expect(conn.pings).toHaveLength(0)
      vi.advanceTimersByTime(period / 2) // quiet since: pinged
      expect(conn.pings).toHaveLength(1)
      vi.advanceTimersByTime(period / 2 - 1)
      expect(conn.dropped).toBeNull()
      vi.advanceTimersByTime(1) // no answer: dropped at the next turn, 1.5 periods after it last answered
      expect(conn.dropped).toBe('no answer to ping')
      stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
