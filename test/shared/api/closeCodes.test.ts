import { describe, expect, it } from 'vitest'
import { CLOSE, closeReason } from '../../../shared/api/closeCodes.ts'

/** y-websocket 3.1 stops reconnecting on these codes and reconnects on every other one. */
const isPermanent = (code: number): boolean => code >= 4400 && code <= 4499

describe('close codes', () => {
  it('gives every close code the server uses a Chinese sentence', () => {
    for (const [name, code] of Object.entries(CLOSE)) expect(closeReason(code), name).toMatch(/[\u4e00-\u9fff]/)
  })

  it('keeps refusals in the range where the client stops and server trouble outside it, so the client reconnects', () => {
    const stops = [CLOSE.unauthenticated, CLOSE.forbidden, CLOSE.notFound, CLOSE.malformed, CLOSE.tooLarge]
    const reconnects = [CLOSE.restarting, CLOSE.serverError, CLOSE.tryAgainLater]
    expect(stops.every(isPermanent)).toBe(true)
    expect(reconnects.some(isPermanent)).toBe(false)
    expect(new Set(Object.values(CLOSE)).size).toBe(Object.values(CLOSE).length)
  })

  it('has the standard codes for server errors (1011) and slow readers (1013)', () => {
    expect(CLOSE.serverError).toBe(1011)
    expect(CLOSE.tryAgainLater).toBe(1013)
  })

  it('has no sentence for a code it does not use', () => {
    expect(closeReason(1000)).toBeUndefined()
  })
})
