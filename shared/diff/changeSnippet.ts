import type { TextSpan } from './types.ts'

/** Options of changeSnippet. */
export interface SnippetOptions {
  /** Characters of unchanged text kept on each side of a change. @default 8 */
  context?: number
  /** Longest inserted or deleted run shown before it is cut with …. @default 60 */
  maxChange?: number
}

/**
 * The changes of a text diff in one line for a terminal or a tooltip: unchanged stretches shrink
 * to a little context, deletions show as [-…] and insertions as [+…]:
 * “…校保安队伍配备与考核[-管理][+工作]，提升专业…”.
 */
export function changeSnippet(spans: TextSpan[], options: SnippetOptions = {}): string {
  const context = options.context ?? 8
  const maxChange = options.maxChange ?? 60
  const flat = (s: string): string => s.replace(/\n/g, '¶')
  const cut = (s: string): string => {
    const chars = Array.from(s)
    return chars.length > maxChange ? chars.slice(0, maxChange).join('') + '…' : s
  }
  let out = ''
  spans.forEach((s, i) => {
    if (s.op === 'delete') out += `[-${cut(flat(s.text))}]`
    else if (s.op === 'insert') out += `[+${cut(flat(s.text))}]`
    else {
      const chars = Array.from(flat(s.text))
      const first = i === 0
      const last = i === spans.length - 1
      if (first && last) return
      const keepHead = first ? 0 : context
      const keepTail = last ? 0 : context
      if (chars.length <= keepHead + keepTail + 1) out += chars.join('')
      else out += chars.slice(0, keepHead).join('') + '…' + chars.slice(chars.length - keepTail).join('')
    }
  })
  return out
}
