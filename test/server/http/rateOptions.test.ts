import { describe, expect, it } from 'vitest'
import { DEFAULT_RATES, rateOptions } from '../../../server/http/routeRates.ts'

describe('the document-creation rate from the environment', () => {
  it('keeps the defaults without PLAN_RATE_CREATE_DOCUMENT and reads <burst>/<ms> when it is set', () => {
    expect(rateOptions({})).toBe(DEFAULT_RATES)
    expect(rateOptions({ PLAN_RATE_CREATE_DOCUMENT: '100/50' })['create-document']).toEqual({ account: { burst: 100, everyMs: 50 }, address: { burst: 200, everyMs: 25 } })
  })

  it('stops the server on a value it cannot read, naming the variable', () => {
    for (const bad of ['fast', '10', '0/100', '10/0', '-1/5']) expect(() => rateOptions({ PLAN_RATE_CREATE_DOCUMENT: bad })).toThrow(/PLAN_RATE_CREATE_DOCUMENT/)
  })
})
