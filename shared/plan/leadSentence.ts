/** Longest lead sentence taken as an item's title; a longer first sentence is body text. */
export const MAX_LEAD_LENGTH = 80

/** Splits an item's first paragraph into its lead sentence (title, with its 。) and the rest. */
export function splitLeadSentence(text: string, knownLead?: string): { title: string; body: string } {
  if (knownLead && text.startsWith(knownLead)) return { title: knownLead, body: text.slice(knownLead.length).trim() }
  const end = text.search(/[。！？]/)
  if (end < 0 || end >= MAX_LEAD_LENGTH) return { title: '', body: text }
  // Keep a closing quote that belongs to the sentence: 落实“双减”。” is rare but "……。”" is not.
  const cut = text[end + 1] === '”' ? end + 2 : end + 1
  return { title: text.slice(0, cut), body: text.slice(cut).trim() }
}
