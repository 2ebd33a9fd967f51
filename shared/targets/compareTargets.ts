import { formatTarget, targetLabel } from './formatTarget.ts'
import { subjectSimilarity } from './subjectSimilarity.ts'
import type { Target, TargetChange, TargetChangeKind } from './types.ts'

/** Below this subject similarity two targets are different targets, not one target changed. */
export const SAME_SUBJECT = 0.3

/**
 * Pairs the targets of an old and a new text (same unit, most alike subjects first) and says how
 * each changed: 公办幼儿园覆盖率 60% → 65%（提高）. Every target appears in exactly one change; unchanged
 * ones are included with kind 'unchanged' so callers can count them.
 */
export function compareTargets(oldTargets: Target[], newTargets: Target[]): TargetChange[] {
  const pairs: { o: number; n: number; score: number }[] = []
  oldTargets.forEach((o, i) =>
    newTargets.forEach((n, j) => {
      const sim = subjectSimilarity(o, n)
      // Same figure and comparator is strong evidence of the same target even when its wording moved.
      const score = sim + (o.value === n.value && o.comparator === n.comparator ? 0.2 : 0)
      if (sim >= SAME_SUBJECT || (sim > 0 && score >= SAME_SUBJECT + 0.1)) pairs.push({ o: i, n: j, score })
    }),
  )
  pairs.sort((a, b) => b.score - a.score || a.o - b.o || a.n - b.n)
  const oldUsed = new Set<number>()
  const newUsed = new Set<number>()
  const byNew = new Map<number, TargetChange>()
  for (const p of pairs) {
    if (oldUsed.has(p.o) || newUsed.has(p.n)) continue
    oldUsed.add(p.o)
    newUsed.add(p.n)
    byNew.set(p.n, changeOf(oldTargets[p.o], newTargets[p.n]))
  }
  const changes: TargetChange[] = []
  newTargets.forEach((n, j) => changes.push(byNew.get(j) ?? added(n)))
  oldTargets.forEach((o, i) => {
    if (!oldUsed.has(i)) changes.push(removed(o))
  })
  return changes
}

/** How one target changed, given that both sides measure the same thing. */
export function changeOf(o: Target, n: Target): TargetChange {
  const delta = middle(n) - middle(o)
  let kind: TargetChangeKind = delta > 0 ? 'raised' : delta < 0 ? 'lowered' : 'unchanged'
  if (kind === 'unchanged' && (o.comparator !== n.comparator || o.aspirational !== n.aspirational || o.upper !== n.upper)) kind = 'changed'
  const ceiling = n.comparator === 'max'
  const weaker =
    (kind === 'raised' && ceiling) ||
    (kind === 'lowered' && !ceiling) ||
    (kind === 'changed' && ((n.aspirational && !o.aspirational) || (o.comparator === 'min' && (n.comparator === 'approx' || n.comparator === 'max'))))
  const same = o.comparator === n.comparator && o.aspirational === n.aspirational
  const from = same ? formatTarget(o) : (o.aspirational ? '力争' : '') + o.text
  const to = same ? formatTarget(n) : (n.aspirational ? '力争' : '') + n.text
  const subject = n.subject || o.subject
  const label = targetLabel(n) || targetLabel(o)
  const word = { raised: '提高', lowered: '降低', changed: '表述变化', unchanged: '未变' }[kind]
  return { kind, subject, old: o, new: n, weaker, description: `${label} ${from} → ${to}（${word}${weaker ? '，要求放宽' : ''}）` }
}

function added(n: Target): TargetChange {
  return { kind: 'added', subject: n.subject, new: n, weaker: false, description: `${targetLabel(n)} ${formatTarget(n)}（新增）` }
}

function removed(o: Target): TargetChange {
  return { kind: 'removed', subject: o.subject, old: o, weaker: true, description: `${targetLabel(o)} ${formatTarget(o)}（删除）` }
}

/** The middle of a range, or the value itself; what "higher" and "lower" compare. */
function middle(t: Target): number {
  return t.upper === undefined ? t.value : (t.value + t.upper) / 2
}
