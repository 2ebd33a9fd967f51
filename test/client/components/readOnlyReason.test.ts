import { describe, expect, it } from 'vitest'
import { readOnlyReason } from '../../../client/components/ReadOnlyBanner.tsx'
import { avatarText } from '../../../client/components/Avatar.tsx'

describe('readOnlyReason', () => {
  it('lets owners and editors edit, tells reviewers their edits are suggestions and viewers why they cannot edit', () => {
    expect(readOnlyReason('owner', false, undefined)).toBeNull()
    expect(readOnlyReason('editor', false, undefined)).toBeNull()
    expect(readOnlyReason('reviewer', false, undefined)).toContain('您的修改都以修订建议的形式显示')
    expect(readOnlyReason('viewer', false, undefined)).toContain('查看者')
  })

  it('puts a closed connection and an archived document before the role', () => {
    expect(readOnlyReason('owner', true, undefined)).toBe('本文档已归档，只能阅读。')
    expect(readOnlyReason('editor', false, '登录已过期，请重新登录')).toBe('登录已过期，请重新登录。文档暂时只能阅读。')
  })

  it('is read-only while the role is unknown (offline, never opened online)', () => {
    expect(readOnlyReason(undefined, false, undefined)).toContain('联网后即可编辑')
  })
})

describe('avatarText', () => {
  it('shows a two-character name whole, the given name of a longer one, a title by its first character, and a Latin initial', () => {
    expect(avatarText('张伟')).toBe('张伟')
    expect(avatarText('王小明')).toBe('小明')
    expect(avatarText('alice')).toBe('A')
    expect(avatarText('管理员')).toBe('管')
    expect(avatarText('王老师')).toBe('王')
    expect(avatarText('  ')).toBe('?')
  })
})
