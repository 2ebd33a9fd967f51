/** A stretch of a paragraph's text and whether it is bold (a .docx run, a pasted <b> or <strong>). */
export interface TextSegment {
  text: string
  bold: boolean
}

/** An item number at the start of a paragraph: 1. 1 . 1． 1、 1） （1） */
const ITEM_START = /^\s*(?:\d{1,3}\s*[.．、）)]|[（(]\s*\d{1,3}\s*[）)])\s*/

/**
 * The bold text right after an item number, with a sentence end that directly follows it; none when
 * the paragraph is not an item, starts with plain text, or is bold throughout (then bold says nothing).
 * Both the .docx import and paste read lead sentences this way.
 */
export function boldLead(segments: TextSegment[]): string | undefined {
  const text = segments.map((s) => s.text).join('')
  const marker = ITEM_START.exec(text)
  if (!marker) return undefined
  let lead = ''
  let offset = 0
  for (const s of segments) {
    const from = Math.max(0, marker[0].length - offset)
    offset += s.text.length
    const part = s.text.slice(from)
    if (!part) continue
    if (s.bold) {
      lead += part
      continue
    }
    if (!lead.trim()) {
      if (part.trim()) return undefined
      continue
    }
    const end = /^\s*[。！？]”?/.exec(part)
    return (lead + (end ? end[0] : '')).trim()
  }
  return undefined
}
