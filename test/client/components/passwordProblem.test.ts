import { describe, expect, it } from 'vitest'
import { passwordProblem } from '../../../client/components/ChangePasswordDialog.tsx'

describe('the password rules the dialogs check before asking the server', () => {
  it('refuses short, letter-only, digit-only, name-equal and mistyped passwords with a Chinese sentence', () => {
    expect(passwordProblem('a1b2c3', 'a1b2c3', 'lina')).toBe('新密码至少需要 8 个字符')
    expect(passwordProblem('abcdefgh', 'abcdefgh', 'lina')).toBe('新密码需要同时包含字母和数字')
    expect(passwordProblem('12345678', '12345678', 'lina')).toBe('新密码需要同时包含字母和数字')
    expect(passwordProblem('lina2024', 'lina2024', 'lina2024')).toBe('新密码不能与用户名相同')
    expect(passwordProblem('xinmima2025', 'xinmima2052', 'lina')).toBe('两次输入的新密码不一致')
    expect(passwordProblem('x'.repeat(200) + '1', 'x'.repeat(200) + '1', 'lina')).toBe('新密码最多 200 个字符')
  })

  it('accepts letters and digits of 8 characters or more', () => {
    expect(passwordProblem('xinmima2025', 'xinmima2025', 'lina')).toBeNull()
  })
})
