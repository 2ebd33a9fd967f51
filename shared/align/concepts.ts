import { SYNONYM_GROUPS } from './synonyms.ts'

const entries = SYNONYM_GROUPS.flatMap((g) => g.variants.map((v) => ({ variant: v, concept: g.concept })))
const conceptOf = new Map(entries.map((e) => [e.variant, e.concept]))
// Alternation ordered longest first: JS takes the first alternative that matches, so this is leftmost-longest.
const VARIANTS = new RegExp(
  entries
    .map((e) => e.variant)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
)

/** One synonym concept found in a text, with the variants that spelled it there and how often. */
export interface ConceptHit {
  concept: string
  count: number
  variants: string[]
}

/** The domain concepts a text mentions (托班 → 托育, 德育 → 思政, …), from the synonym data. */
export function conceptHits(text: string): Map<string, ConceptHit> {
  const hits = new Map<string, ConceptHit>()
  for (const m of text.matchAll(VARIANTS)) {
    const concept = conceptOf.get(m[0])
    if (!concept) continue
    const hit = hits.get(concept)
    if (!hit) hits.set(concept, { concept, count: 1, variants: [m[0]] })
    else {
      hit.count++
      if (!hit.variants.includes(m[0])) hit.variants.push(m[0])
    }
  }
  return hits
}
