import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { VersionInfo } from '../../../shared/api/types.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { districtSeed } from '../../utils/seeds.ts'

/** GET a .docx route as the admin: status, download name and document text. */
async function download(server: TestServer, path: string): Promise<{ status: number; filename: string; text: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${server.admin.token}` } })
  if (res.status !== 200) return { status: res.status, filename: '', text: await res.text() }
  const disposition = res.headers.get('content-disposition') ?? ''
  const xml = (await (await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()))).file('word/document.xml')?.async('string')) ?? ''
  return { status: 200, filename: decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? ''), text: xml.replace(/<[^>]+>/g, '') }
}

describe('a document whose title holds a lone surrogate', () => {
  it('exports as Word and as a 修改对照表, with U+FFFD where the half character was', async () => {
    const server = await startTestServer()
    const title = '2022年\ud83d闵行教育工作要点\udc00'
    const doc = await server.createDocument(undefined, { ...districtSeed(), title })
    const version = await server.api<VersionInfo>('POST', `/api/documents/${doc.id}/versions`, { token: server.admin.token, body: { name: '征求意见稿' } })
    expect(version.status).toBe(201)

    const table = await download(server, `/api/documents/${doc.id}/review.docx?base=version:${version.body.id}`)
    expect(table.status, table.text).toBe(200)
    expect(table.filename).toMatch(/^修改对照表-[^\ud800-\udfff]*\.docx$/)
    expect(table.text).not.toMatch(/[\ud800-\udfff]/)
    const word = await download(server, `/api/documents/${doc.id}/export.docx`)
    expect(word.status, word.text).toBe(200)
    expect(word.filename).not.toMatch(/[\ud800-\udfff]/)
    expect(word.text).not.toMatch(/[\ud800-\udfff]/)
  })
})
