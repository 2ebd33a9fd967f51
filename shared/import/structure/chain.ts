import { toChineseNumeral } from '../../plan/chineseNumerals.ts'
import type { PlanWarning } from '../../plan/types.ts'
import { importWarning } from '../warnings.ts'
import type { MarkerCandidate } from './markers.ts'

/** The markers that really start sections, sub-sections and items, with warnings about the source numbering. */
export interface Chain {
  markers: MarkerCandidate[]
  warnings: PlanWarning[]
}

/** How the numbering chain starts. */
export interface ChainOptions {
  /**
   * For a piece of a plan (a paste): the chain starts at the first marker at a line start, and each
   * kind's numbering at its first such marker (a copied 3. 4. or 三、 is a chain of its own).
   */
  fromFirst?: boolean
}

/**
 * Chooses, among candidate markers, the ones that continue the numbering: the expected next
 * number is taken wherever a sentence has ended; a gap or a repeat is accepted only at a line
 * start or after a space, and reported. Right after a heading the expected item or sub-section
 * number is taken even without a boundary, because copies often glue "任务1 .坚持" together.
 */
export function selectMarkers(all: MarkerCandidate[], options: ChainOptions = {}): Chain {
  const candidates = options.fromFirst ? fromFirstAtLineStart(all) : all
  const first = (kind: MarkerCandidate['kind']): number => (options.fromFirst ? (candidates.find((c) => c.kind === kind && c.boundary === 'strong')?.n ?? 1) : 1)
  const st = { section: first('section'), sub: first('subsection'), item: first('item'), afterHeading: false, itemSep: '', restarted: false, lastKind: '' }
  const markers: MarkerCandidate[] = []
  const warnings: PlanWarning[] = []
  const accept = (c: MarkerCandidate): void => {
    markers.push(c)
    st.lastKind = c.kind
    st.afterHeading = c.kind !== 'item'
  }
  for (const c of candidates) {
    if (c.kind === 'section') {
      const verdict = judge(c, st.section, false)
      if (!verdict) continue
      if (verdict !== 'ok') warnings.push(numberingWarning(verdict, `第${toChineseNumeral(st.section)}部分之后是“${toChineseNumeral(c.n)}、”`))
      st.section = c.n + 1
      st.sub = 1
      accept(c)
    } else if (c.kind === 'subsection') {
      if (c.n !== st.sub || (c.boundary === 'none' && !st.afterHeading)) continue
      st.sub = c.n + 1
      accept(c)
    } else {
      if (st.itemSep && c.sep !== st.itemSep && c.boundary !== 'strong') continue
      // Some plans number items from 1 in every section; the model numbers them continuously.
      const restart = c.n === 1 && st.item > 1 && st.lastKind !== 'item' && c.boundary !== 'none'
      const verdict = restart ? 'ok' : judge(c, st.item, st.afterHeading)
      if (!verdict) continue
      if (restart) st.restarted = true
      else if (verdict !== 'ok') warnings.push(numberingWarning(verdict, `第${st.item - 1}条之后是第${c.n}条`))
      st.item = c.n + 1
      st.itemSep ||= c.sep
      accept(c)
    }
  }
  if (st.restarted) warnings.unshift(importWarning('numbering-restarts'))
  return { markers, warnings }
}

/** ok when the candidate is the expected number; gap or repeat when it is close and clearly placed; undefined to skip it. */
function judge(c: MarkerCandidate, expected: number, afterHeading: boolean): 'ok' | 'gap' | 'repeat' | undefined {
  if (c.n === expected && (c.boundary !== 'none' || afterHeading)) return 'ok'
  if (c.boundary !== 'strong') return undefined
  if (c.n > expected && c.n <= expected + 3) return 'gap'
  if (c.n === expected - 1 && expected > 1) return 'repeat'
  return undefined
}

function numberingWarning(kind: 'gap' | 'repeat', detail: string): PlanWarning {
  return importWarning(kind === 'gap' ? 'numbering-gap' : 'numbering-repeat', { detail })
}

/** The candidates from the first one at a line start: a number inside the sentence a paste starts with is text. */
function fromFirstAtLineStart(candidates: MarkerCandidate[]): MarkerCandidate[] {
  const i = candidates.findIndex((c) => c.boundary === 'strong')
  return i < 0 ? [] : candidates.slice(i)
}
