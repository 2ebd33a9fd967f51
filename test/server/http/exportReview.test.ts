import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DocumentInfo, VersionInfo } from '../../../shared/api/types.ts'
import { readStamps } from '../../../shared/review/suggestStamps.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { download } from './exportDownload.ts'

/** document.xml and settings.xml of a downloaded export. */
async function xmlOf(bytes: Uint8Array): Promise<{ document: string; settings: string }> {
  const zip = await JSZip.loadAsync(bytes)
  return { document: (await zip.file('word/document.xml')?.async('string')) ?? '', settings: (await zip.file('word/settings.xml')?.async('string')) ?? '' }
}

describe('export of a document under review (review=1, accepted=1)', () => {
  let server: TestServer
  let doc: DocumentInfo
  let author: string
  let base: string
  beforeAll(async () => {
    server = await startTestServer()
    doc = await server.createDocument()
    base = `/api/documents/${doc.id}`
    const reviewer = await server.createUser('export-reviewer')
    await server.share(doc.id, reviewer.user.id, 'reviewer')
    // The reviewer suggests words in item 1's lead sentence, as the editor's 修订 mode writes them; the server stamps them.
    const client = await connectClient(server, doc.id, reviewer.token)
    textIn(client.doc, 'itemTitle', 0).insert(0, '（建议新增）', { insertion: { id: 'gHttpExport' } })
    await waitForDoc(client.doc, (d) => readStamps(d).has('gHttpExport'))
    author = readStamps(client.doc).get('gHttpExport')?.author.name ?? ''
    client.close()
  })

  it('downloads the 修订和批注 file for the owner: the suggestion as w:ins by the reviewer, 修订 on', async () => {
    const res = await download(server.url, `${base}/export.docx?notice=0&review=1`, server.admin.token)
    expect(res.status).toBe(200)
    const { document, settings } = await xmlOf(res.bytes)
    expect(author).not.toBe('')
    expect(document).toMatch(new RegExp(`<w:ins w:id="\\d+" w:author="${author}" w:date="[^"]+"><w:r>(?:(?!</w:r>).)*（建议新增）`))
    expect(settings).toContain('<w:trackRevisions/>')
  })

  it('downloads the plan as if all were accepted with accepted=1, and as if all were rejected by default', async () => {
    const accepted = await xmlOf((await download(server.url, `${base}/export.docx?notice=0&accepted=1`, server.admin.token)).bytes)
    expect(accepted.document).toContain('1.（建议新增）')
    expect(accepted.document).not.toContain('<w:ins ')
    const clean = await xmlOf((await download(server.url, `${base}/export.docx?notice=0`, server.admin.token)).bytes)
    expect(clean.document).not.toContain('（建议新增）')
    expect(clean.settings).not.toContain('trackRevisions')
  })

  it('exports a named version with its suggestions as revisions', async () => {
    const saved = await server.api<VersionInfo>('POST', `${base}/versions`, { token: server.admin.token, body: { name: '征求意见稿' } })
    expect(saved.status).toBe(201)
    const res = await download(server.url, `${base}/versions/${saved.body.id}/export.docx?notice=0&review=1`, server.admin.token)
    expect(res.status).toBe(200)
    expect((await xmlOf(res.bytes)).document).toContain('（建议新增）</w:t></w:r></w:ins>')
  })

  it('refuses bad values and both readings at once with 400 and a Chinese message', async () => {
    for (const query of ['review=2', 'accepted=yes', 'review=']) {
      const res = await download(server.url, `${base}/export.docx?${query}`, server.admin.token)
      expect(res.status, query).toBe(400)
      expect(res.error?.code).toBe('bad-request')
      expect(res.error?.message, query).toMatch(/^(review|accepted) 参数只能是 1（.+）或 0（.+）$/)
    }
    const both = await download(server.url, `${base}/export.docx?review=1&accepted=1`, server.admin.token)
    expect([both.status, both.error?.message]).toEqual([400, 'review 和 accepted 只能选一个：带修订和批注导出，或按全部接受导出'])
  })
})
