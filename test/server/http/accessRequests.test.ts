import { describe, expect, it } from 'vitest'
import type { AccessRequestInfo } from '../../../shared/api/accessRequests.ts'
import type { DocumentInfo } from '../../../shared/api/types.ts'
import { startTestServer } from '../../utils/testServer.ts'

type ErrorBody = { error: { code: string; message: string } }
type Overview = { toDecide: AccessRequestInfo[]; mine: AccessRequestInfo[] }

describe('申请权限 (access requests)', () => {
  it('a colleague without access asks with a note, the owner sees it and grants editor, and the colleague sees the outcome', async () => {
    const server = await startTestServer()
    const owner = await server.createUser('owner')
    const doc = await server.createDocument(owner.token)
    const asker = await server.createUser('asker')
    const asked = await server.api<AccessRequestInfo>('POST', `/api/documents/${doc.id}/access-requests`, { token: asker.token, body: { note: '我负责德育部分' } })
    expect(asked.status).toBe(201)
    expect(asked.body).toMatchObject({ state: 'pending', note: '我负责德育部分' })
    expect(asked.body.docTitle).toBeUndefined()

    const overview = await server.api<Overview>('GET', '/api/access-requests', { token: owner.token })
    expect(overview.body.toDecide.map((r) => [r.name, r.docTitle])).toEqual([['asker', doc.title]])
    const pending = await server.api<AccessRequestInfo[]>('GET', `/api/documents/${doc.id}/access-requests`, { token: owner.token })
    expect(pending.body).toHaveLength(1)

    const granted = await server.api<AccessRequestInfo>('POST', `/api/documents/${doc.id}/access-requests/${asker.user.id}`, { token: owner.token, body: { decision: 'grant', role: 'editor' } })
    expect(granted.body).toMatchObject({ state: 'granted', role: 'editor' })
    expect((await server.api<DocumentInfo>('GET', `/api/documents/${doc.id}`, { token: asker.token })).body.role).toBe('editor')
    const mine = await server.api<Overview>('GET', '/api/access-requests', { token: asker.token })
    expect(mine.body.mine).toMatchObject([{ state: 'granted', docTitle: doc.title }])
    const again = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/access-requests/${asker.user.id}`, { token: owner.token, body: { decision: 'decline' } })
    expect(again.status).toBe(409)
    expect((await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/access-requests`, { token: asker.token, body: {} })).status).toBe(409)
  })

  it('declines without telling the title, and checks roles and bodies', async () => {
    const server = await startTestServer()
    const owner = await server.createUser('owner')
    const doc = await server.createDocument(owner.token)
    const asker = await server.createUser('asker')
    const editor = await server.createUser('editor')
    await server.share(doc.id, editor.user.id, 'editor')
    expect((await server.api('POST', '/api/documents/nosuchdoc/access-requests', { token: asker.token, body: {} })).status).toBe(404)
    expect((await server.api('POST', `/api/documents/${doc.id}/access-requests`, { body: {} })).status).toBe(401)
    for (const body of [{ note: 3 }, { note: '长'.repeat(201) }, []]) {
      const res = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/access-requests`, { token: asker.token, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    await server.api('POST', `/api/documents/${doc.id}/access-requests`, { token: asker.token, body: {} })
    expect((await server.api('GET', `/api/documents/${doc.id}/access-requests`, { token: editor.token })).status).toBe(403)
    expect((await server.api('GET', `/api/documents/${doc.id}/access-requests`, { token: asker.token })).status).toBe(403)
    expect((await server.api('POST', `/api/documents/${doc.id}/access-requests/${asker.user.id}`, { token: editor.token, body: { decision: 'grant' } })).status).toBe(403)
    for (const body of [{ decision: 'maybe' }, { decision: 'grant', role: 'owner' }, {}]) {
      const res = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/access-requests/${asker.user.id}`, { token: owner.token, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    const declined = await server.api<AccessRequestInfo>('POST', `/api/documents/${doc.id}/access-requests/${asker.user.id}`, { token: owner.token, body: { decision: 'decline' } })
    expect(declined.body.state).toBe('declined')
    const mine = await server.api<{ request: AccessRequestInfo }>('GET', `/api/documents/${doc.id}/access-requests/mine`, { token: asker.token })
    expect(mine.body.request).toMatchObject({ state: 'declined' })
    expect(mine.body.request.docTitle).toBeUndefined()
    expect((await server.api('GET', `/api/documents/${doc.id}`, { token: asker.token })).status).toBe(403)
  })
})
