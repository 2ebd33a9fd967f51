import { joinWords } from '../../../shared/import/structure/joinWords.ts'
import { boldLead } from '../../../shared/import/boldLead.ts'
import type { DocxParagraph } from './collectParagraphs.ts'

const TITLE_STYLE = /^(title|标题|文档标题|公文标题)$/i

/** The plain text of a .docx (one paragraph per line) and what its formatting tells the text importer. */
export interface DocxText {
  text: string
  /** Bold lead sentences of item paragraphs, without their numbers. */
  leads: string[]
  /** Paragraphs styled as the document title. */
  titleHints: string[]
}

/** Turns the paragraphs of a .docx into text for importText, with the lead sentences its bold runs mark. */
export function docxText(paragraphs: DocxParagraph[]): DocxText {
  const lines: string[] = []
  const leads: string[] = []
  const titleHints: string[] = []
  for (const p of paragraphs) {
    const text = titleLinesJoined(p, p.segments.map((s) => s.text).join(''))
    lines.push(text)
    const lead = boldLead(p.segments)
    if (lead) leads.push(lead)
    if (p.styleName && TITLE_STYLE.test(p.styleName.trim()) && text.trim()) titleHints.push(text.trim())
  }
  return { text: lines.join('\n'), leads, titleHints }
}

/**
 * A title shaped over several lines (GB/T 9704: trapezoid or diamond) is one centred or title-styled
 * paragraph whose lines end in line breaks; its lines are one title. Lines ending a sentence are not a title.
 */
function titleLinesJoined(p: DocxParagraph, text: string): string {
  const titleLike = p.alignment === 'center' || (p.styleName !== undefined && TITLE_STYLE.test(p.styleName.trim()))
  if (!titleLike || !text.includes('\n') || /[。！？]\s*\n/.test(text)) return text
  return text.split(/\s*\n\s*/).reduce(joinWords)
}
