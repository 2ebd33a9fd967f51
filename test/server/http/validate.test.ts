import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../server/AppError.ts'
import { addressKey, clientAddress } from '../../../server/http/clientAddress.ts'
import { bool, nullable, object, oneOf, optional, text } from '../../../server/http/validate.ts'

const patch = object({
  title: optional(text({ max: 10 })),
  archived: optional(bool),
  priorId: optional(nullable(text())),
  role: optional(oneOf(['viewer', 'editor'] as const)),
})

/** The Chinese message of the AppError 400 that `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).status).toBe(400)
    return (err as AppError).message
  }
  throw new Error('was not refused')
}

describe('request body checks', () => {
  it('returns only the declared fields, leaving out missing optional ones', () => {
    expect(patch({ title: '标题', archived: false, priorId: null, extra: 1 }, '')).toEqual({ title: '标题', archived: false, priorId: null })
    expect(Object.keys(patch({}, ''))).toEqual([])
  })

  it('refuses wrong types, long strings and non-objects with a Chinese message naming the field', () => {
    expect(refusal(() => patch({ title: 5 }, ''))).toBe('字段“title”必须是文字')
    expect(refusal(() => patch({ title: 'x'.repeat(11) }, ''))).toBe('字段“title”最多 10 个字符')
    expect(refusal(() => patch({ archived: 'yes' }, ''))).toBe('字段“archived”只能是 true 或 false')
    expect(refusal(() => patch([], ''))).toBe('请求内容必须是一个 JSON 对象')
    expect(refusal(() => patch(null, ''))).toBe('请求内容必须是一个 JSON 对象')
    expect(refusal(() => object({ name: text() })({}, ''))).toBe('缺少字段“name”')
  })

  it('never takes a value from the prototype: constructor, toString or __proto__ are not roles, and inherited fields are missing', () => {
    for (const role of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      expect(refusal(() => patch({ role }, ''))).toBe('字段“role”只能是 viewer、editor')
    }
    const parsed = JSON.parse('{"__proto__": {"title": "injected"}}') as unknown
    expect(patch(parsed, '')).toEqual({})
    expect(refusal(() => object({ toString: text() })({}, ''))).toBe('缺少字段“toString”')
  })
})

describe('client address keys', () => {
  it('counts IPv4 addresses alone, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64 network', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe(addressKey('2001:db8:1:2::1'))
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'))
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('')).toBe('unknown')
  })
})

describe('client addresses behind a proxy', () => {
  const req = (remote: string, forwarded?: string) => ({ socket: { remoteAddress: remote }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage

  it('ignores X-Forwarded-For unless the proxy is declared, then takes only the entry the proxy wrote', () => {
    expect(clientAddress(req('10.0.0.1', '198.51.100.9'), false)).toBe('10.0.0.1')
    expect(clientAddress(req('10.0.0.1', '1.2.3.4, 198.51.100.9'), true)).toBe('198.51.100.9')
    expect(clientAddress(req('10.0.0.1'), true)).toBe('10.0.0.1')
  })
})
