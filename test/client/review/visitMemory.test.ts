import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rememberVisit, visitBefore } from '../../../client/review/visitMemory.ts'

/** A sessionStorage stand-in for Node: the module only uses getItem and setItem. */
function fakeSessionStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() {
      return data.size
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  }
}

beforeEach(() => {
  Object.defineProperty(globalThis, 'sessionStorage', { value: fakeSessionStorage(), configurable: true })
})
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'sessionStorage')
})

describe('visitMemory', () => {
  it('remembers the visit before the first opening in this tab and keeps it through later openings', () => {
    expect(visitBefore('u1', 'd1')).toBeUndefined()
    rememberVisit('u1', 'd1', { current: { seq: 20, at: '2026-03-05T02:00:00.000Z' }, previous: { seq: 7, at: '2026-03-01T02:00:00.000Z' } })
    rememberVisit('u1', 'd1', { current: { seq: 21, at: '2026-03-05T02:10:00.000Z' }, previous: { seq: 20, at: '2026-03-05T02:00:00.000Z' } })
    expect(visitBefore('u1', 'd1')).toEqual({ seq: 7, at: '2026-03-01T02:00:00.000Z' })
    expect(visitBefore('u2', 'd1')).toBeUndefined()
    expect(visitBefore('u1', 'd2')).toBeUndefined()
  })

  it('knows a first visit (nothing before it) and ignores answers it cannot read', () => {
    rememberVisit('u1', 'd1', { current: { seq: 3, at: '2026-03-05T02:00:00.000Z' } })
    expect(visitBefore('u1', 'd1')).toBeNull()
    rememberVisit('u1', 'd2', 'not a visit')
    rememberVisit('u1', 'd2', { current: {}, previous: { seq: 'x' } })
    expect(visitBefore('u1', 'd2')).toBeUndefined()
  })
})
