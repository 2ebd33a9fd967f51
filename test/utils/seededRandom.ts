// Random schedules in tests come from a seed that is printed (in the test's name), so a failure can
// be replayed: TEST_SEED=<seed> npx vitest run <file>.

/** A replayable source of random numbers. */
export interface SeededRandom {
  /** The seed it started from; put it in the test's name so a failure shows it. */
  readonly seed: number
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
}

/** The seed for this run: TEST_SEED from the environment when set (to replay a failure), otherwise a fresh one. */
export function testSeed(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const given = env.TEST_SEED
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31)
  const seed = Number(given)
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`TEST_SEED 应为 0 到 4294967295 之间的整数，收到“${given}”`)
  return seed
}

/** mulberry32 from the given seed (by default testSeed()): the same seed gives the same sequence on any machine. */
export function seededRandom(seed: number = testSeed()): SeededRandom {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { seed, next, int: (n) => Math.floor(next() * n) }
}
