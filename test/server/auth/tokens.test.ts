import { describe, expect, it } from 'vitest'
import { readToken, signToken } from '../../../server/auth/tokens.ts'
import { closeCodeFor } from '../../utils/rawSocket.ts'
import { startTestServer } from '../../utils/testServer.ts'

const SECRET = Buffer.alloc(32, 3)
const CLAIMS = { sid: 's1', uid: 'u1', exp: 4_102_444_800_000 }

/** Variants of a valid token that must all be refused. */
function malformed(token: string): Record<string, string> {
  const [version, body, sig] = token.split('.')
  return {
    'a fourth segment': `${token}.x`,
    'an empty fourth segment': `${token}.`,
    'padding on the signature': `${token}=`,
    'padding on the claims': `${version}.${body}=.${sig}`,
    'a leading space': ` ${token}`,
    'a trailing space': `${token} `,
    'a trailing newline': `${token}\n`,
    'a space inside': `${version}. ${body}.${sig}`,
    'another version': `v2.${body}.${sig}`,
    'standard base64 characters': `${version}.${body}.${sig.slice(0, -1)}+`,
    'a shortened signature': `${version}.${body}.${sig.slice(0, -1)}`,
    'no claims': `${version}..${sig}`,
  }
}

describe('session tokens', () => {
  it('reads back the claims of the token it signed', () => {
    expect(readToken(signToken(CLAIMS, SECRET), SECRET)).toEqual(CLAIMS)
  })

  it('refuses anything but the exact shape v1.<claims>.<signature>', () => {
    for (const [what, variant] of Object.entries(malformed(signToken(CLAIMS, SECRET)))) {
      expect(readToken(variant, SECRET), what).toBeNull()
    }
  })

  it('refuses signed claims that are not exactly sid, uid and a whole-number expiry', () => {
    const extra = signToken({ ...CLAIMS, role: 'admin' } as typeof CLAIMS, SECRET)
    expect(readToken(extra, SECRET)).toBeNull()
    expect(readToken(signToken({ ...CLAIMS, exp: 1.5 }, SECRET), SECRET)).toBeNull()
  })

  it('answers 401 over HTTP and 4401 on a socket for a real token with a fourth segment', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    expect((await server.api('GET', '/api/me', { token })).status).toBe(200)
    for (const [what, variant] of Object.entries(malformed(token))) {
      if (/space|newline/.test(what)) continue // fetch trims header values; covered by readToken above
      expect((await server.api('GET', '/api/me', { token: variant })).status, what).toBe(401)
    }
    expect(await closeCodeFor(server, doc.id, `${token}.x`)).toBe(4401)
    expect(await closeCodeFor(server, doc.id, `${token} `)).toBe(4401)
  })
})
