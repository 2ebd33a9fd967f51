import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { VersionInfo } from '../../../shared/api/types.ts'
import { readBreakdowns, setBreakdownField } from '../../../shared/breakdown/store.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { breakdownPlan } from '../export/breakdownPlan.ts'
import { download } from './exportDownload.ts'

describe('任务分解 changes in the 修改对照表', () => {
  it('lists an item whose 牵头科室 changed since a version, with the old and new department, and no other item', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument(undefined, breakdownPlan(12))
    const token = server.admin.token
    const version = await server.api<VersionInfo>('POST', `/api/documents/${doc.id}/versions`, { token, body: { name: '征求意见稿' } })
    expect(version.status).toBe(201)
    const editor = await connectClient(server, doc.id, token)
    setBreakdownField(editor.doc, 'i4', 'lead', ['安全科'])
    const watcher = await connectClient(server, doc.id, token)
    await waitForDoc(watcher.doc, (d) => readBreakdowns(d).get('i4')?.lead?.[0] === '安全科')
    const table = await download(server.url, `/api/documents/${doc.id}/review.docx?base=${encodeURIComponent(`version:${version.body.id}`)}`, token)
    expect(table.status).toBe(200)
    const xml = (await (await JSZip.loadAsync(table.bytes)).file('word/document.xml')?.async('string')) ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('第5项重点任务要加强统筹推进')
    expect(text).toMatch(/牵头科室：.*教研室/)
    expect(text).toContain('安全科')
    expect(text).not.toContain('第4项重点任务要加强统筹推进')
    editor.close()
    watcher.close()
  })
})
