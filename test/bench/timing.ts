/** Summary of repeated timings in milliseconds. */
export interface Timing {
  runs: number
  median: number
  p99: number
  min: number
}

/** Times fn `runs` times after `warmup` runs and returns median, p99 and min in ms. */
export async function time(fn: () => unknown, runs = 50, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  return summarise(samples)
}

/** Median, p99 and min of samples in ms. */
export function summarise(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]
  return { runs: s.length, median: at(0.5), p99: at(0.99), min: s[0] }
}

/** Prints one bench line: name, figure, target and whether it was met. */
export function report(name: string, ms: number, targetMs?: number, extra = ''): void {
  const target = targetMs === undefined ? '' : `  (target < ${targetMs} ms: ${ms < targetMs ? 'met' : 'NOT MET'})`
  console.log(`${name.padEnd(58)} ${ms.toFixed(2).padStart(9)} ms${target}${extra ? '  ' + extra : ''}`)
}
