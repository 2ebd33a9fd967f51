/**
 * Runs `fn` and records how long it took as a User Timing measure named `name` (readable with
 * performance.getEntriesByName in the browser's tools and in benches). Returns the result and the time.
 */
export function measured<T>(name: string, fn: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = fn()
  const end = performance.now()
  try {
    // Only the latest entry is kept, so a long session does not pile them up; a PerformanceObserver sees them all.
    performance.clearMeasures(name)
    performance.measure(name, { start, end })
  } catch {
    // Older browsers without User Timing level 3: the figure is still returned.
  }
  return { value, ms: end - start }
}
