import { toChineseNumeral } from '../../plan/chineseNumerals.ts'

/**
 * Word and WPS copies often number with single enclosed characters: ⒈ ⒉ … ⒛ (U+2488–U+249B) for
 * items and ㈠ ㈡ … ㈩ (U+3220–U+3229) for sub-sections. They become 1. and （一） so that the
 * structure is found the same way as in typed text.
 */
export function expandEnclosedNumerals(text: string): string {
  return text.replace(/[\u2488-\u249b]/g, (ch) => `${ch.charCodeAt(0) - 0x2487}.`).replace(/[\u3220-\u3229]/g, (ch) => `（${toChineseNumeral(ch.charCodeAt(0) - 0x321f)}）`)
}
