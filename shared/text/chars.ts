/** Han characters (CJK unified ideographs and extensions A, compatibility). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/

/** Full-width and CJK punctuation, including the curly quotes and book-title marks Chinese text uses. */
export const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]/

/** Characters that end a sentence in Chinese text. */
export const SENTENCE_END = /[。！？]/

/** Characters a complete paragraph may end with (sentence ends and closing quotes/brackets). */
export const PARAGRAPH_END = /[。！？…”’」』）)》]$/

/** True when the character is Han or CJK punctuation. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_PUNCT.test(ch))
}
