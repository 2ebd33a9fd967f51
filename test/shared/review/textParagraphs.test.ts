import { describe, expect, it } from 'vitest'
import { inlineParagraphs, sideParagraphs, textParagraphs, type Paragraph } from '../../../shared/review/textParagraphs.ts'
import type { ItemRef, TextSpan } from '../../../shared/diff/types.ts'

const section = { id: 's1', number: 1, label: '一、', heading: '部分' }
const ref = (number: number, title: string, body: string): ItemRef => ({ id: `i${number}`, number, label: `${number}.`, section, title, body })

/** A paragraph as text: number, then each segment as [+…] inserted, [-…] deleted, *…* lead, plain otherwise. */
function show(paragraphs: Paragraph[]): string[] {
  return paragraphs.map(
    (p) =>
      (p.label ?? '') +
      p.segments
        .map((s) => {
          const t = s.lead ? `*${s.text}*` : s.text
          return s.op === 'insert' ? `[+${t}]` : s.op === 'delete' ? `[-${t}]` : t
        })
        .join(''),
  )
}

describe('sideParagraphs', () => {
  it('prints one side: its own changes marked, numbers at item starts, lead sentences marked, body paragraphs apart', () => {
    const old = [ref(3, '加强安全。', '开展检查。\n完成演练。')]
    const neu = [ref(2, '加强安全。', '开展专项检查。\n完成演练。')]
    const spans: TextSpan[] = [
      { op: 'equal', text: '加强安全。开展' },
      { op: 'insert', text: '专项' },
      { op: 'equal', text: '检查。\n完成演练。' },
    ]
    expect(show(sideParagraphs(old, spans, 'old'))).toEqual(['3.*加强安全。*开展检查。', '完成演练。'])
    expect(show(sideParagraphs(neu, spans, 'new'))).toEqual(['2.*加强安全。*开展[+专项]检查。', '完成演练。'])
  })

  it('shows an added or removed item plain when asked, and each item of several with its own number', () => {
    const items = [ref(6, '甲。', '一'), ref(7, '乙。', '二')]
    const spans: TextSpan[] = [{ op: 'delete', text: '甲。一\n乙。二' }]
    expect(show(sideParagraphs(items, spans, 'old', false))).toEqual(['6.*甲。*一', '7.*乙。*二'])
    expect(show(sideParagraphs(items, spans, 'old'))).toEqual(['6.[-*甲。*][-一]', '7.[-*乙。*][-二]'])
  })
})

describe('inlineParagraphs', () => {
  it('shows two merged items as the new item with the second lead sentence struck out where it was', () => {
    const old = [ref(6, '甲。', '一'), ref(7, '乙。', '二')]
    const neu = [ref(6, '甲乙。', '一二')]
    const spans: TextSpan[] = [
      { op: 'equal', text: '甲' },
      { op: 'insert', text: '乙' },
      { op: 'equal', text: '。一' },
      { op: 'delete', text: '\n乙。' },
      { op: 'equal', text: '二' },
    ]
    expect(show(inlineParagraphs(old, neu, spans))).toEqual(['6.*甲*[+*乙*]*。*一[-*乙。*]二'])
  })

  it('starts the second half of a split item as a numbered paragraph of its own', () => {
    const old = [ref(12, '体育。', '跑步游泳')]
    const neu = [ref(12, '体育。', '跑步'), ref(13, '艺术。', '游泳')]
    const spans: TextSpan[] = [
      { op: 'equal', text: '体育。跑步' },
      { op: 'insert', text: '\n艺术。' },
      { op: 'equal', text: '游泳' },
    ]
    expect(show(inlineParagraphs(old, neu, spans))).toEqual(['12.*体育。*跑步', '13.[+*艺术。*]游泳'])
  })
})

describe('textParagraphs', () => {
  it('breaks paragraphs where the new text breaks and never numbers them', () => {
    const spans: TextSpan[] = [
      { op: 'equal', text: '第一段。' },
      { op: 'insert', text: '\n第二段。' },
      { op: 'delete', text: '\n旧段。' },
    ]
    expect(show(textParagraphs(spans))).toEqual(['第一段。', '[+第二段。][-旧段。]'])
  })
})
