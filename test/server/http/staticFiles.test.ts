import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../../utils/testServer.ts'

const dist = mkdtempSync(join(tmpdir(), 'plan-dist-'))
mkdirSync(join(dist, 'assets'))
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>计划</title>')
writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)')
afterAll(() => rmSync(dist, { recursive: true, force: true }))

/** Status and body of a GET with the path sent exactly as given. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
      .on('error', reject)
      .end()
  })
}

describe('serving the built client', () => {
  it('serves files, falls back to index.html for client routes and never leaves the folder', async () => {
    const server = await startTestServer({ distDir: dist })
    const get = (path: string) => fetch(server.url + path)
    const index = await get('/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toContain('text/html')
    expect(await index.text()).toContain('计划')
    expect(await (await get('/documents/dabc123')).text()).toContain('计划')
    const asset = await get('/assets/app-1234.js')
    expect(asset.headers.get('content-type')).toContain('javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await get('/assets/missing.js')).status).toBe(404)
    // Raw paths (fetch would normalise them): encoded slashes must not climb out of dist/.
    expect((await rawGet(server.port, '/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(404)
    const dotted = await rawGet(server.port, '/../../etc/passwd')
    expect(dotted.body).not.toContain('root:')
    expect(dotted.body).toContain('计划')
    expect((await get('/api/documents')).status).toBe(401)
  })

  it('says in Chinese that the client is not built yet when dist/ is empty', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'plan-nodist-'))
    const server = await startTestServer({ distDir: empty })
    const res = await fetch(server.url + '/')
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('npm run build')
    rmSync(empty, { recursive: true, force: true })
  })
})
