import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import type { Log } from './log.ts'

/** Event-loop delay percentiles in milliseconds. */
export interface LoopDelay {
  p50: number
  p99: number
  max: number
}

/** The process's memory and event-loop delay (over the last 10–20 s). */
export interface ProcessFigures {
  rssBytes: number
  heapUsedBytes: number
  eventLoopDelayMs: LoopDelay
}

/** Event-loop delay is read in windows this long, so that one stall shows for 10–20 s, not for ever. */
const WINDOW_MS = 10_000
/** A stall this long is logged as a warning. */
const WARN_DELAY_MS = 1_000

/**
 * One per process: the event loop is the process's, whatever number of servers a test starts.
 * The histogram samples every 20 ms; its timers do not keep the process alive.
 */
let monitor: Monitor | null = null

interface Monitor {
  histogram: IntervalHistogram
  /** The previous window's figures. */
  last: LoopDelay | null
}

function started(): Monitor {
  if (monitor) return monitor
  const histogram = monitorEventLoopDelay({ resolution: 20 })
  histogram.enable()
  const m: Monitor = { histogram, last: null }
  const roll = setInterval(() => {
    m.last = histogram.count > 0 ? delayOf(histogram) : m.last
    histogram.reset()
  }, WINDOW_MS)
  roll.unref()
  monitor = m
  return m
}

/** Memory and event-loop delay now: the worse of the current and the previous window. */
export function processFigures(): ProcessFigures {
  const m = started()
  const current = m.histogram.count > 0 ? delayOf(m.histogram) : null
  const last = m.last
  const eventLoopDelayMs =
    current && last ? { p50: Math.max(current.p50, last.p50), p99: Math.max(current.p99, last.p99), max: Math.max(current.max, last.max) } : (current ?? last ?? { p50: 0, p99: 0, max: 0 })
  const { rss, heapUsed } = process.memoryUsage()
  return { rssBytes: rss, heapUsedBytes: heapUsed, eventLoopDelayMs }
}

/**
 * Logs one line with the process figures and the server's counts every `everyMs` (a warning when
 * the event loop stalled for a second or more); returns the function that stops it.
 */
export function logProcessHealth(log: Log, counts: () => { rooms: number; connections: number }, everyMs: number): () => void {
  started()
  const timer = setInterval(() => {
    const { rssBytes, heapUsedBytes, eventLoopDelayMs: d } = processFigures()
    const fields = { rssMB: mb(rssBytes), heapMB: mb(heapUsedBytes), loopP50Ms: d.p50, loopP99Ms: d.p99, loopMaxMs: d.max, ...counts() }
    if (d.max >= WARN_DELAY_MS) log.warn('process.health', fields)
    else log.info('process.health', fields)
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

function delayOf(h: IntervalHistogram): LoopDelay {
  // The histogram counts nanoseconds and includes the 20 ms sampling interval itself.
  const ms = (ns: number): number => Math.max(0, Math.round((ns / 1e6 - 20) * 10) / 10)
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) }
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024)
}
