import type { ItemChangeKind } from '../../shared/diff/types.ts'
import type { ItemView, SectionView } from '../../shared/review/reviewModel.ts'

/** What the page shows: everything, only changes (只看修改), or only one kind (a count in the summary clicked). */
export interface ReviewFilter {
  only: boolean
  kind: ItemChangeKind | null
}

/** True when the filter hides something. */
export function isFiltering(f: ReviewFilter): boolean {
  return f.only || f.kind !== null
}

/** True when an entry passes the filter. */
export function itemVisible(item: ItemView, f: ReviewFilter): boolean {
  return f.kind ? item.kind === f.kind : f.only ? item.changed : true
}

/** True when a section is shown: always without a filter; with one, when something in it passes (its own heading change counts for 只看修改). */
export function sectionVisible(s: SectionView, f: ReviewFilter): boolean {
  if (!isFiltering(f)) return true
  if (!f.kind && s.changed) return true
  return s.items.some((i) => itemVisible(i, f)) || s.subsections.some((u) => sectionVisible(u, f))
}

/** An entry to draw, or a fold standing for hidden entries: 第3—5条未修改. */
export type FoldedEntry = { type: 'item'; item: ItemView } | { type: 'fold'; key: string; label: string; count: number }

/** A section's entries with each run of hidden ones folded into one line saying what it hides. */
export function foldEntries(items: ItemView[], f: ReviewFilter): FoldedEntry[] {
  const out: FoldedEntry[] = []
  let run: ItemView[] = []
  const flush = (): void => {
    if (!run.length) return
    // Hidden by 只看修改 means unchanged, so every hidden entry has a new number; other kinds are only counted.
    const numbers = run.map((i) => i.diff.new[0]?.number).filter((n): n is number => n !== undefined)
    const range = numbers.length === run.length ? (numbers.length === 1 ? `第${numbers[0]}条` : `第${numbers[0]}—${numbers[numbers.length - 1]}条`) : ''
    const label = f.kind || !range ? `其他 ${run.length} 条已隐藏` : run.length === 1 ? `${range}未修改` : `${range}未修改（${run.length} 条）`
    out.push({ type: 'fold', key: `fold-${run[0].key}`, label, count: run.length })
    run = []
  }
  for (const item of items) {
    if (itemVisible(item, f)) {
      flush()
      out.push({ type: 'item', item })
    } else run.push(item)
  }
  flush()
  return out
}
