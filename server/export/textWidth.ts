import { titleUnits } from './titleUnits.ts'

/**
 * Printed width of text in ems of its font size: Chinese characters, full-width punctuation, dashes,
 * ellipses, curly quotes and characters outside the BMP take one em; ASCII digits, letters and spaces,
 * which the GB2312 fonts set half-width, take half an em; combining marks, format controls (bidi
 * isolates, joiners) and the rest of a joined emoji take none. Linear in the text.
 */
export function textWidth(text: string): number {
  let width = 0
  for (const unit of titleUnits(text)) width += unit.width
  return width
}
