import { describe, expect, it } from 'vitest'
import { hashPassword, scryptCost, verifyPassword } from '../../../server/auth/passwords.ts'

describe('password hashes', () => {
  it('use scrypt with N = 16384 unless PASSWORD_SCRYPT_N says otherwise', () => {
    expect(scryptCost({})).toBe(16384)
    expect(scryptCost({ PASSWORD_SCRYPT_N: ' ' })).toBe(16384)
    expect(scryptCost({ PASSWORD_SCRYPT_N: '65536' })).toBe(65536)
    expect(scryptCost({ PASSWORD_SCRYPT_N: '1024' })).toBe(1024)
  })

  it('refuse a cost that is not a power of two from 1024 to 1048576, naming the variable in Chinese', () => {
    for (const bad of ['512', '1000', '2097152', 'abc', '-1024', '16384.5']) {
      expect(() => scryptCost({ PASSWORD_SCRYPT_N: bad })).toThrow(`PASSWORD_SCRYPT_N=${bad}：必须是 1024 到 1048576 之间的 2 的幂`)
    }
  })

  it('keep their own cost, so a password hashed under one setting is checked under another', async () => {
    const before = process.env.PASSWORD_SCRYPT_N
    try {
      process.env.PASSWORD_SCRYPT_N = '2048'
      const cheap = await hashPassword('甲乙丙abc123')
      expect(cheap.split('$').slice(0, 4)).toEqual(['scrypt', '2048', '8', '1'])
      process.env.PASSWORD_SCRYPT_N = '16384'
      const dear = await hashPassword('甲乙丙abc123')
      expect(dear.split('$')[1]).toBe('16384')
      process.env.PASSWORD_SCRYPT_N = '1024'
      expect(await verifyPassword('甲乙丙abc123', cheap)).toBe(true)
      expect(await verifyPassword('甲乙丙abc123', dear)).toBe(true)
      expect(await verifyPassword('甲乙丙abc124', dear)).toBe(false)
    } finally {
      if (before === undefined) delete process.env.PASSWORD_SCRYPT_N
      else process.env.PASSWORD_SCRYPT_N = before
    }
  })
})
