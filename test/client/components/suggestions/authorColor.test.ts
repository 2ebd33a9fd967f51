import { describe, expect, it } from 'vitest'
import { authorColor, stampColor } from '../../../../client/components/suggestions/authorColor.ts'

describe('authorColor and stampColor', () => {
  it('use the account colour the server stamped, so a person’s 修订 match their caret', () => {
    expect(stampColor({ author: { id: 'u1', name: '王芳', color: '#1d4ed8' }, createdAt: '2026-12-02T00:00:00Z' })).toBe('#1d4ed8')
    expect(authorColor('u1', '#b91c1c')).toBe('#b91c1c')
  })

  it('fall back to a stable colour from the id for stamps without one, and never put a non-colour into a style', () => {
    const fromId = authorColor('u1')
    expect(fromId).toMatch(/^#[0-9a-f]{6}$/)
    expect(authorColor('u1', 'red;background:url(x)')).toBe(fromId)
    expect(stampColor({ author: { id: 'u1', name: '王芳' }, createdAt: '2026-12-02T00:00:00Z' })).toBe(fromId)
  })

  it('give Word authors imported by one account colours of their own names', () => {
    const stamp = (wordAuthor: string) => ({ author: { id: 'importer', name: '李四', color: '#1d4ed8' }, createdAt: '2026-12-02T00:00:00Z', wordAuthor })
    expect(stampColor(stamp('张三（基教科）'))).toBe(authorColor('word:张三（基教科）'))
    expect(stampColor(stamp('张三（基教科）'))).not.toBe('#1d4ed8')
  })
})
