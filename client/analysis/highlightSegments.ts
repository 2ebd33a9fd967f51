/** A piece of text, marked when it is one of the shared terms. */
export interface Segment {
  text: string
  hit: boolean
}

/**
 * The words to look for in a text for a list of shared terms as the aligner names them: quotes and
 * book-title marks are dropped (“双减” is found inside "双减" too) and a concept spelled differently
 * on the two sides (托班/托育) is looked for under both spellings.
 */
export function termNeedles(terms: string[]): string[] {
  const needles = new Set<string>()
  for (const term of terms) {
    for (const part of term.replace(/[“”"《》「」]/g, '').split('/')) if (part.length >= 2) needles.add(part)
  }
  return [...needles].sort((a, b) => b.length - a.length)
}

/** Cuts a text into plain and highlighted segments, the longest term winning where two overlap. */
export function highlightSegments(text: string, terms: string[]): Segment[] {
  const needles = termNeedles(terms)
  const out: Segment[] = []
  let plain = ''
  let i = 0
  while (i < text.length) {
    const hit = needles.find((n) => text.startsWith(n, i))
    if (!hit) {
      plain += text[i++]
      continue
    }
    if (plain) out.push({ text: plain, hit: false })
    plain = ''
    out.push({ text: hit, hit: true })
    i += hit.length
  }
  if (plain) out.push({ text: plain, hit: false })
  return out
}
