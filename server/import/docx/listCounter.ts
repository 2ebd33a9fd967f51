import { formatNumber } from './formatNumber.ts'
import type { LevelDef, NumberingDefs } from './numberingDefinitions.ts'

const MAX_LEVELS = 9

/**
 * Counts numbered paragraphs the way Word does and returns the number text each one shows:
 * counters belong to the abstract numbering (so lists that share one continue each other), a
 * level restarts when a higher level is used (unless w:lvlRestart says otherwise), and a list
 * with w:startOverride restarts its levels the first time one of its paragraphs appears.
 */
export class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>()
  private readonly started = new Set<string>()

  constructor(private readonly defs: NumberingDefs) {}

  /** The number text of the next paragraph in list numId at level ilvl ("3.", "二、", "（一）"); undefined when it shows none (bullets, unknown lists). */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.defs.nums.get(numId)
    if (!num || ilvl < 0 || ilvl >= MAX_LEVELS) return undefined
    const level = (k: number): LevelDef | undefined => num.overrides.get(k)?.level ?? this.defs.abstracts.get(num.abstractId)?.get(k)
    const own = level(ilvl)
    if (!own || own.numFmt === 'bullet') return undefined
    const counters = this.countersOf(num.abstractId)
    // A list with startOverride is a restarted list: its overridden levels count again from the override.
    const startOf = (k: number): number => num.overrides.get(k)?.start ?? level(k)?.start ?? 1
    if (!this.started.has(numId)) {
      this.started.add(numId)
      const first = Math.min(MAX_LEVELS, ...[...num.overrides].filter(([, o]) => o.start !== undefined).map(([k]) => k))
      for (let m = first; m < MAX_LEVELS; m++) counters[m] = undefined
    }
    const current = counters[ilvl]
    counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1
    for (let m = ilvl + 1; m < MAX_LEVELS; m++) {
      const restart = level(m)?.restart
      if (restart === undefined || (restart > 0 && ilvl < restart)) counters[m] = undefined
    }
    return own.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1
      return formatNumber(counters[k] ?? startOf(k), own.isLgl ? 'decimal' : level(k)?.numFmt) ?? ''
    })
  }

  private countersOf(abstractId: string): (number | undefined)[] {
    let c = this.counters.get(abstractId)
    if (!c) {
      c = new Array<number | undefined>(MAX_LEVELS).fill(undefined)
      this.counters.set(abstractId, c)
    }
    return c
  }
}
