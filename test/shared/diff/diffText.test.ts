import { describe, expect, it } from 'vitest'
import { cleanupSpans } from '../../../shared/diff/cleanupSpans.ts'
import { diffText } from '../../../shared/diff/diffText.ts'
import { tokenize } from '../../../shared/diff/tokenize.ts'
import type { TextSpan } from '../../../shared/diff/types.ts'

function side(spans: TextSpan[], which: 'old' | 'new'): string {
  return spans
    .filter((s) => s.op === 'equal' || s.op === (which === 'old' ? 'delete' : 'insert'))
    .map((s) => s.text)
    .join('')
}

function show(spans: TextSpan[]): string {
  return spans.map((s) => (s.op === 'equal' ? s.text : s.op === 'insert' ? `[+${s.text}]` : `[-${s.text}]`)).join('')
}

describe('tokenize', () => {
  it('keeps digit runs, decimals and percentages whole and splits Han characters', () => {
    expect(tokenize('覆盖率达到60%，平台2.0版')).toEqual(['覆', '盖', '率', '达', '到', '60%', '，', '平', '台', '2.0', '版'])
  })

  it('gives the text back when joined', () => {
    const text = '推进“5+2”模式 and AI教育，确保50%以上幼儿园开设托班。\n第二段'
    expect(tokenize(text).join('')).toBe(text)
  })
})

describe('diffText', () => {
  it('shows a changed figure as a whole number', () => {
    expect(show(diffText('覆盖率达到60%。', '覆盖率达到65%。').spans)).toBe('覆盖率达到[-60%][+65%]。')
    expect(show(diffText('新开办6所', '新开办16所').spans)).toBe('新开办[-6][+16]所')
  })

  it('folds single shared characters between changes into one replacement', () => {
    const { spans } = diffText('加强校园保安队伍配备', '强化校园安保队伍建设')
    expect(show(spans)).toBe('[-加强][+强化]校园[-保安][+安保]队伍[-配备][+建设]')
  })

  it('keeps the whole of both texts in the spans', () => {
    const a = '加强学校安全管理。强化校园安全管理，落实常态化安全监管。'
    const b = '做好学校安全工作。落实校园安全责任，强化常态化安全监管，开展专项检查。'
    const { spans } = diffText(a, b)
    expect(side(spans, 'old')).toBe(a)
    expect(side(spans, 'new')).toBe(b)
  })

  it('returns one equal span for equal texts and nothing for two empty ones', () => {
    expect(diffText('相同', '相同').spans).toEqual([{ op: 'equal', text: '相同' }])
    expect(diffText('', '').spans).toEqual([])
    expect(diffText('', '新增').spans).toEqual([{ op: 'insert', text: '新增' }])
  })

  it('falls back to one replacement between the common head and tail when past its edit limit', () => {
    const { spans, timedOut } = diffText('开头甲乙丙丁戊己结尾', '开头子丑寅卯辰巳结尾', { maxEditLength: 2 })
    expect(timedOut).toBe(true)
    expect(spans).toEqual([
      { op: 'equal', text: '开头' },
      { op: 'delete', text: '甲乙丙丁戊己' },
      { op: 'insert', text: '子丑寅卯辰巳' },
      { op: 'equal', text: '结尾' },
    ])
  })

  it('stops at its work limit with the head and tail kept and the middle as one replacement', () => {
    const a = '开头' + '甲乙丙丁戊己庚辛壬癸'.repeat(3) + '结尾'
    const b = '开头' + '子丑寅卯辰巳午未申酉'.repeat(3) + '结尾'
    const limited = diffText(a, b, { maxWork: 10, maxEditLength: 1000 })
    expect(limited.timedOut).toBe(true)
    expect(limited.work).toBe(10)
    expect(show(limited.spans)).toBe(`开头[-${a.slice(2, -2)}][+${b.slice(2, -2)}]结尾`)
  })

  it('gives the full diff when the same texts get enough work, and says how much it spent', () => {
    const a = '加强学校安全管理，落实常态化安全监管。'
    const b = '做好学校安全工作，落实常态化安全监管和专项检查。'
    const full = diffText(a, b)
    expect(full.timedOut).toBe(false)
    expect(full.work).toBeGreaterThan(0)
    expect(diffText(a, b, { maxWork: full.work })).toEqual(full)
    expect(diffText(a, b, { maxWork: full.work - 1 }).timedOut).toBe(true)
  })

  it('keeps both long unrelated texts whole within its default limit', () => {
    let a = ''
    let b = ''
    for (let i = 0; i < 3000; i++) {
      a += String.fromCharCode(0x4e00 + ((i * 7919) % 5000))
      b += String.fromCharCode(0x4e00 + ((i * 104729 + 13) % 5000))
    }
    const result = diffText(a, b)
    expect(result.timedOut).toBe(true)
    expect(side(result.spans, 'old')).toBe(a)
    expect(side(result.spans, 'new')).toBe(b)
  })
})

describe('cleanupSpans', () => {
  it('joins neighbours of one kind and puts deletions before insertions', () => {
    expect(
      cleanupSpans([
        { op: 'insert', text: '乙' },
        { op: 'delete', text: '甲' },
        { op: 'equal', text: '丙' },
        { op: 'equal', text: '丁' },
      ]),
    ).toEqual([
      { op: 'delete', text: '甲' },
      { op: 'insert', text: '乙' },
      { op: 'equal', text: '丙丁' },
    ])
  })

  it('keeps an equal stretch longer than the changes around it', () => {
    const spans: TextSpan[] = [
      { op: 'delete', text: '甲' },
      { op: 'equal', text: '共同的部分' },
      { op: 'insert', text: '乙' },
    ]
    expect(cleanupSpans(spans)).toEqual(spans)
  })

  it('collapses many fragments with little in common into one replacement', () => {
    const spans: TextSpan[] = [
      { op: 'equal', text: '开头相同的部分' },
      { op: 'delete', text: '甲甲甲' },
      { op: 'insert', text: '乙乙乙' },
      { op: 'equal', text: '同' },
      { op: 'delete', text: '丙丙丙丙' },
      { op: 'insert', text: '丁丁丁丁' },
      { op: 'equal', text: '结尾' },
    ]
    expect(show(cleanupSpans(spans))).toBe('开头相同的部分[-甲甲甲同丙丙丙丙][+乙乙乙同丁丁丁丁]结尾')
  })
})
