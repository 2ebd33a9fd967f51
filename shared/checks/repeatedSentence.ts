import { splitTasks } from '../align/splitTasks.ts'
import type { Check, Finding } from './types.ts'

/** Sentences shorter than this (in characters, without punctuation) may repeat harmlessly. */
const MIN_LENGTH = 10

/** The same sentence in two items (加快筹建1所闵行区属职业技术学院 under both 9 and 19): one of them is probably stale. */
export const repeatedSentence: Check = {
  kinds: ['repeated-sentence'],
  label: '重复语句',
  run(ctx) {
    const firstSeen = new Map<string, number>()
    const findings: Finding[] = []
    for (const { item, number } of ctx.places) {
      const seenHere = new Set<string>()
      for (const sentence of splitTasks(item.body)) {
        const key = sentence.replace(/[\s，。；、：！？]/g, '')
        if (key.length < MIN_LENGTH || seenHere.has(key)) continue
        seenHere.add(key)
        const first = firstSeen.get(key)
        if (first === undefined) firstSeen.set(key, number)
        else if (first !== number) {
          findings.push({ kind: 'repeated-sentence', itemId: item.id, number, severity: 'info', message: `第${number}条中的“${clip(sentence)}”与第${first}条重复` })
        }
      }
    }
    return findings
  },
}

function clip(s: string): string {
  const t = s.replace(/[。；]$/, '')
  return t.length > 24 ? `${t.slice(0, 24)}…` : t
}
