import type { Check, Finding } from './types.ts'

/** A number typed at the start of a text: 10. 10、 10． （三） 三、 (numbers come from order, never from text). */
const TYPED_NUMBER = /^\s*(?:\d{1,3}\s*[.．、](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*/

/**
 * Numbers typed by hand: at the start of a lead sentence (bureau staff type "10." out of habit,
 * which prints "10.10.") — fixed by removing it — and body paragraphs that start with one, which
 * are usually items pasted into another item's body: they carry a false number and are not counted.
 */
export const typedNumber: Check = {
  kinds: ['typed-number'],
  label: '手写编号',
  run(ctx) {
    const findings: Finding[] = []
    for (const { item, number } of ctx.places) {
      const typed = TYPED_NUMBER.exec(item.title)?.[0]
      if (typed && item.title.length > typed.length) {
        findings.push({
          kind: 'typed-number',
          itemId: item.id,
          number,
          severity: 'warning',
          message: `第${number}条的主题句以手写编号“${typed.trim()}”开头；编号按位置自动生成，会重复打印`,
          fix: { label: '删除手写编号', itemId: item.id, field: 'title', index: 0, remove: typed, insert: '' },
        })
      }
      const pasted = item.body.split('\n').find((p) => TYPED_NUMBER.test(p))
      if (pasted) {
        findings.push({
          kind: 'typed-number',
          itemId: item.id,
          number,
          severity: 'warning',
          message: `第${number}条的正文里有以编号开头的段落（“${pasted.trim().slice(0, 16)}…”），可能是粘贴进来的条目：请用“新增条目”（Ctrl+Enter）把它们拆成条目`,
        })
      }
    }
    return findings
  },
}
