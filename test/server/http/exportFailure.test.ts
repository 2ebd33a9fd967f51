import { describe, expect, it, vi } from 'vitest'
import { startTestServer } from '../../utils/testServer.ts'
import { download } from './exportDownload.ts'

// The export itself fails (a bug in the layout code, a plan it cannot set): the route must answer, not crash.
vi.mock('../../../server/export/exportInWorker.ts', () => ({
  exportInWorker: vi.fn(() => Promise.reject(new TypeError('layout failed'))),
  exportPartsInWorker: vi.fn(() => Promise.reject(new TypeError('layout failed'))),
}))

describe('a failing export', () => {
  it('answers 500 with a Chinese sentence, logs the cause and keeps serving', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const res = await download(server.url, `/api/documents/${doc.id}/export.docx`, server.admin.token)
    expect(res.status).toBe(500)
    expect(res.contentType).toMatch(/^application\/json/)
    expect(res.error).toEqual({ code: 'export-failed', message: '生成 Word 文件时出错，请稍后重试；如果一直不成功，请联系管理员' })
    expect(server.logs.some((l) => l.includes('ERROR export.failed') && l.includes(`doc=${doc.id}`) && l.includes('layout failed'))).toBe(true)
    expect((await server.api('GET', `/api/documents/${doc.id}/plan`, { token: server.admin.token })).status).toBe(200)
  })
})
