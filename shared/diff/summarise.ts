import type { DiffSummary, ItemDiff, SectionDiff } from './types.ts'

/** Counts of a diff's entries by kind (each entry counted once, under its kind) and of its sections and targets. */
export function summarise(items: ItemDiff[], sections: SectionDiff[], oldItems: number, newItems: number): DiffSummary {
  const count = (k: ItemDiff['kind']): number => items.filter((d) => d.kind === k).length
  const top = sections.filter((s) => s.level === 'section')
  return {
    oldItems,
    newItems,
    unchanged: count('unchanged'),
    reworded: count('reworded'),
    moved: count('moved'),
    merged: count('merged'),
    split: count('split'),
    added: count('added'),
    removed: count('removed'),
    changed: items.filter((d) => d.kind !== 'unchanged').length,
    sectionsAdded: top.filter((s) => s.kind === 'added').length,
    sectionsRemoved: top.filter((s) => s.kind === 'removed').length,
    sectionsRenamed: top.filter((s) => s.kind === 'renamed').length,
    targetsChanged: items.reduce((n, d) => n + d.targets.length, 0),
  }
}
