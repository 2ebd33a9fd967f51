import { toChineseNumeral } from '../plan/chineseNumerals.ts'

/** One level of a Word list as its clipboard HTML defines it in `@list l0:level1 {…}`. */
interface ListLevel {
  format: string
  text: string
  start: number
}

/** Gives a Word list paragraph its number from the `@list` definitions; used when Word left the number out of the paragraph. */
export type ListNumberer = (list: string, instance: string, level: number) => string

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

/**
 * Reads the `@list` rules of Word's or WPS's clipboard styles (mso-level-number-format, mso-level-text,
 * mso-level-start-at) and numbers paragraphs as Word shows them: one counter per list instance (lfo),
 * deeper levels restarting under a shallower one. Without a rule a level counts as 1. 2. 3.
 */
export function listNumberer(styles: string): ListNumberer {
  const levels = new Map<string, ListLevel>()
  for (const m of styles.matchAll(/@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/g)) {
    const prop = (name: string): string | undefined => new RegExp(`${name}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|[^;]*)`).exec(m[3])?.[1].trim()
    const text = prop('mso-level-text')
    levels.set(`${m[1]}:${m[2]}`, {
      format: prop('mso-level-number-format') ?? 'decimal',
      text: text ? cssString(text) : `%${m[2]}.`,
      start: Number(prop('mso-level-start-at') ?? 1) || 1,
    })
  }
  const counters = new Map<string, number[]>()
  return (list, instance, level) => {
    const def = (l: number): ListLevel => levels.get(`${list}:${l}`) ?? { format: 'decimal', text: `%${l}.`, start: 1 }
    const counts = counters.get(instance) ?? []
    counts[level] = (counts[level] ?? def(level).start - 1) + 1
    counts.length = level + 1
    counters.set(instance, counts)
    const own = def(level)
    if (own.format === 'bullet' || own.format === 'none') return ''
    return own.text.replace(/%(\d)/g, (_, k: string) => formatNumber(counts[Number(k)] ?? def(Number(k)).start, def(Number(k)).format))
  }
}

function formatNumber(n: number, format: string): string {
  if (/chinese|ideograph|japanese-counting/.test(format) && n < 10000) return toChineseNumeral(n)
  if (format.startsWith('decimal-enclosed-circle') && n <= CIRCLED.length) return CIRCLED[n - 1]
  return String(n)
}

/** A CSS string value: quotes off, \3001 and \( escapes read. */
function cssString(value: string): string {
  return value
    .replace(/^"|"$/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => {
      const code = parseInt(hex, 16)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    })
    .replace(/\\(.)/g, '$1')
}
