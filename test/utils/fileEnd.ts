/** Clean-ups waiting for the end of the current test file. */
const pending: (() => unknown)[] = []

/**
 * Runs `fn` after the current test file. Test files share a worker's modules (isolate: false), so a
 * helper's module-level afterAll would be registered in the first file that imports it and never in
 * the next ones; `fileEnd.setup.ts` (a setup file, run before every file) drains this list instead.
 */
export function atFileEnd(fn: () => unknown): void {
  pending.push(fn)
}

/** Runs every clean-up registered since the last call, the latest first, and waits for them all. */
export async function runFileEnd(): Promise<void> {
  const fns = pending.splice(0).reverse()
  const results = await Promise.allSettled(fns.map(async (fn) => fn()))
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
}
