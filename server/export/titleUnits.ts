/** What a line of text may be broken between: one printed character with the marks and joiners that belong to it. */
export interface TitleUnit {
  text: string
  /** The first code point, which decides the 避头尾 rules and the width. */
  base: string
  /** Printed width in ems. */
  width: number
}

/**
 * One printed character: a flag (two regional indicators) or any code point, then what belongs to
 * it — a zero-width joiner with the code point it joins, combining marks and variation selectors
 * (M), format controls such as bidi isolates (Cf), skin-tone modifiers.
 */
const UNIT = /(?:[\u{1f1e6}-\u{1f1ff}]{2}|[^])(?:\u200d[^]|[\p{M}\p{Cf}\u{1f3fb}-\u{1f3ff}])*/gu

// Marks, variation selectors, zero-width joiners and spaces, bidi controls: they print nothing of their own.
const ZERO_WIDTH = /^[\p{M}\p{Cf}]$/u

/** The width of one code point in ems: none for marks and format controls, half below U+2000 (ASCII, Latin), else one. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0
  if (code < 0x300) return 0.5
  // Han has no marks: skip the property test for the characters nearly every title is made of.
  if (code >= 0x3400 && code <= 0x9fff) return 1
  if (ZERO_WIDTH.test(ch)) return 0
  return code < 0x2000 ? 0.5 : 1
}

/**
 * Splits text into printed characters in one pass: a line may break between units, never inside
 * one, so 10,000 combining marks or a joined emoji family stay on their base character and cost no
 * more than their length. A unit is as wide as its first code point.
 */
export function titleUnits(text: string): TitleUnit[] {
  const units: TitleUnit[] = []
  for (const m of text.matchAll(UNIT)) {
    const base = String.fromCodePoint(m[0].codePointAt(0) ?? 0)
    units.push({ text: m[0], base, width: charWidth(base) })
  }
  return units
}
