import { describe, expect, it } from 'vitest'
import { highlightSegments, termNeedles } from '../../../client/analysis/highlightSegments.ts'

const marked = (text: string, terms: string[]): string =>
  highlightSegments(text, terms)
    .map((s) => (s.hit ? `[${s.text}]` : s.text))
    .join('')

describe('highlightSegments', () => {
  it('marks quoted terms without their quotes, wherever the text quotes them', () => {
    expect(marked('落实“双减”实施意见，推进"双减"工作。', ['“双减”'])).toBe('落实“[双减]”实施意见，推进"[双减]"工作。')
  })

  it('looks for both spellings of a concept the two texts name differently', () => {
    expect(termNeedles(['托班/托育', '《上海市学前教育条例》'])).toEqual(['上海市学前教育条例', '托班', '托育'])
    expect(marked('幼儿园开设托班，发展托育服务。', ['托班/托育'])).toBe('幼儿园开设[托班]，发展[托育]服务。')
  })

  it('prefers the longer term where two overlap and keeps every character', () => {
    const text = '全面规范校外培训机构管理，减轻校外培训负担。'
    expect(marked(text, ['校外培训', '校外培训机构'])).toBe('全面规范[校外培训机构]管理，减轻[校外培训]负担。')
    expect(
      highlightSegments(text, ['校外培训'])
        .map((s) => s.text)
        .join(''),
    ).toBe(text)
    expect(highlightSegments(text, [])).toEqual([{ text, hit: false }])
  })
})
