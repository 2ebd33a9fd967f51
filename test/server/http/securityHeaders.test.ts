import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { SECURITY_HEADERS } from '../../../server/http/securityHeaders.ts'
import { launchBrowser, openDocument, signIn } from '../../e2e/browser.ts'
import { ensureClientBuilt } from '../../e2e/clientBuild.ts'
import { startTestServer, TEST_PASSWORD } from '../../utils/testServer.ts'

/** The response headers of a request, with the path sent exactly as given. */
function headersOf(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('security headers', () => {
  it('sends CSP, frame-ancestors, Referrer-Policy and nosniff on every kind of response', async () => {
    await ensureClientBuilt()
    const server = await startTestServer()
    const doc = await server.createDocument()
    const auth = { Authorization: `Bearer ${server.admin.token}` }
    const cases: Array<[string, string, Record<string, string>?]> = [
      ['GET', '/'],
      ['GET', '/documents/abc'],
      ['GET', '/missing.js'],
      ['POST', '/'],
      ['GET', '/api/me', auth],
      ['GET', '/api/me'],
      ['GET', '/api/nothing'],
      ['POST', '/api/login', { 'Content-Length': String(64 * 1024 * 1024) }],
      ['GET', `/api/documents/${doc.id}/export.docx`, auth],
      ['GET', '/api/health'],
    ]
    for (const [method, path, headers] of cases) {
      const res = await headersOf(server.port, method, path, headers)
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()], `${method} ${path} (${res.status}) ${name}`).toBe(value)
    }
    const csp = SECURITY_HEADERS['Content-Security-Policy']
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe/)
  })

  it('lets the built client sign in, list and edit under its Content-Security-Policy without a violation', async () => {
    await ensureClientBuilt()
    const server = await startTestServer()
    const doc = await server.createDocument()
    const browser = await launchBrowser()
    try {
      const violations: string[] = []
      const window = await signIn(browser, server.url, 'admin', TEST_PASSWORD)
      window.page.on('console', (m) => {
        if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text())
      })
      await window.page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`))
      })
      await openDocument(window.page, doc.id)
      await window.page.locator('[data-type=item-title]').first().click()
      await window.page.keyboard.type('安全')
      await window.page.reload()
      await openDocument(window.page, doc.id)
      expect(violations).toEqual([])
      expect(window.errors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
