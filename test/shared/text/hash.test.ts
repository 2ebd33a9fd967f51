import { describe, expect, it } from 'vitest'
import { fnv1a, textHash } from '../../../shared/text/hash.ts'

describe('textHash', () => {
  it('is FNV-1a over UTF-16 code units, printed as 8 hex digits', () => {
    // Published FNV-1a 32-bit test vectors.
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
    expect(textHash('a')).toBe('e40c292c')
    expect(textHash('')).toBe('811c9dc5')
  })

  it('tells a changed text from an unchanged one', () => {
    expect(textHash('加强管理。')).toBe(textHash('加强管理。'))
    expect(textHash('加强管理。')).not.toBe(textHash('加强管理！'))
  })
})
