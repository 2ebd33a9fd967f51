import { maxWeightAssignment } from './assignment.ts'
import { headingSimilarity } from './headingSimilarity.ts'

/** A section or sub-section as the matcher sees it. */
export interface Container {
  id: string
  heading: string
  /** How many items it holds. */
  size: number
}

/** A matched pair of containers, or one side alone. */
export interface ContainerMatch {
  old?: number
  new?: number
  matchedBy: 'id' | 'content' | 'none'
}

/** Least score (heading similarity and shared items, half each) for a content match of two sections. */
export const MIN_SECTION_SCORE = 0.3

/**
 * Matches sections (or the sub-sections of one matched section): by id, then by an optimal
 * assignment on heading similarity and the share of items that went from one to the other, so a
 * renamed section that kept its items is found, and so is a section whose items all changed but
 * whose heading stayed. `flow(o, n)` counts matched items from old container o to new container n.
 */
export function matchSections(olds: Container[], news: Container[], flow: (o: number, n: number) => number, useIds = true): ContainerMatch[] {
  const oldTo = new Array<number>(olds.length).fill(-1)
  const newFrom = new Array<number>(news.length).fill(-1)
  const by = new Map<number, 'id' | 'content'>()
  if (useIds) {
    const newById = new Map(news.map((c, n) => [c.id, n]))
    olds.forEach((c, o) => {
      const n = newById.get(c.id)
      if (n === undefined || newFrom[n] >= 0) return
      oldTo[o] = n
      newFrom[n] = o
      by.set(o, 'id')
    })
  }
  const rows = olds.map((_, o) => o).filter((o) => oldTo[o] < 0)
  const cols = news.map((_, n) => n).filter((n) => newFrom[n] < 0)
  const weight = rows.map((o) =>
    cols.map((n) => {
      const shared = olds[o].size + news[n].size ? (2 * flow(o, n)) / (olds[o].size + news[n].size) : 0
      const score = 0.5 * headingSimilarity(olds[o].heading, news[n].heading) + 0.5 * shared
      return score >= MIN_SECTION_SCORE ? score : 0
    }),
  )
  maxWeightAssignment(weight).forEach((c, r) => {
    if (c < 0) return
    oldTo[rows[r]] = cols[c]
    newFrom[cols[c]] = rows[r]
    by.set(rows[r], 'content')
  })
  const out: ContainerMatch[] = []
  news.forEach((_, n) => out.push(newFrom[n] >= 0 ? { old: newFrom[n], new: n, matchedBy: by.get(newFrom[n]) ?? 'content' } : { new: n, matchedBy: 'none' }))
  olds.forEach((_, o) => {
    if (oldTo[o] < 0) out.push({ old: o, matchedBy: 'none' })
  })
  return out
}
