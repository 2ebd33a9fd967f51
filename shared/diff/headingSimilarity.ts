import { DROP, textSimilarity } from '../text/similarity.ts'

/** Dice coefficient of the character bigrams of two headings' letters and digits, 0..1 (1 when equal). */
export function headingSimilarity(a: string, b: string): number {
  return textSimilarity(a, b, { drop: DROP.nonContent })
}
