import { describe, expect, it } from 'vitest'
import type { StatusResponse } from '../../../shared/api/status.ts'
import type { DocumentInfo, VersionInfo } from '../../../shared/api/types.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { breakdownPlan } from '../export/breakdownPlan.ts'

type ErrorBody = { error: { code: string; message: string } }

describe('a plan status (起草 → 征求意见 → 审核 → 定稿)', () => {
  it('starts as drafting and moves forward one step at a time, each move recorded with who and when and saved as a named version', async () => {
    const server = await startTestServer()
    // Every item has 牵头科室 and 完成时限, so 定稿 is not held back by the 任务分解 gate.
    const doc = await server.createDocument(undefined, breakdownPlan(6))
    const { user, token } = await server.createUser('zhangsan')
    await server.share(doc.id, user.id, 'owner')
    const first = await server.api<StatusResponse>('GET', `/api/documents/${doc.id}/status`, { token })
    expect(first.body).toEqual({ status: 'drafting', changes: [] })

    for (const status of ['consultation', 'review', 'final'] as const) {
      const res = await server.api<StatusResponse>('POST', `/api/documents/${doc.id}/status`, { token, body: { status } })
      expect(res.status).toBe(200)
      expect(res.body.status).toBe(status)
    }
    const history = await server.api<StatusResponse>('GET', `/api/documents/${doc.id}/status`, { token })
    expect(history.body.changes.map((c) => [c.from, c.to, c.by.id])).toEqual([
      ['drafting', 'consultation', user.id],
      ['consultation', 'review', user.id],
      ['review', 'final', user.id],
    ])
    expect(history.body.changes.every((c) => !Number.isNaN(Date.parse(c.at)))).toBe(true)
    const versions = await server.api<VersionInfo[]>('GET', `/api/documents/${doc.id}/versions`, { token })
    expect(versions.body.map((v) => v.name)).toEqual(['征求意见稿', '送审稿', '定稿'])
    expect(history.body.changes.map((c) => c.versionId)).toEqual(versions.body.map((v) => v.id))
    const info = await server.api<DocumentInfo>('GET', `/api/documents/${doc.id}`, { token })
    expect(info.body.status).toBe('final')
  })

  it('refuses to skip a status and to move back without a reason, in Chinese, and keeps the reason of a move back', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    const skip = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'final' } })
    expect(skip.status).toBe(400)
    expect(skip.body.error.message).toContain('不能跳过')
    await server.api('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'consultation' } })
    const noReason = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'drafting', reason: '  ' } })
    expect(noReason.status).toBe(400)
    expect(noReason.body.error.message).toContain('需要填写原因')
    const back = await server.api<StatusResponse>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'drafting', reason: '意见较多，重新起草' } })
    expect(back.status).toBe(200)
    expect(back.body.status).toBe('drafting')
    expect(back.body.changes.at(-1)).toMatchObject({ from: 'consultation', to: 'drafting', reason: '意见较多，重新起草' })
    expect(back.body.changes.at(-1)?.versionId).toBeUndefined()
  })

  it('answers bad bodies with 400 and a Chinese message', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    for (const body of [{}, { status: 'done' }, { status: '__proto__' }, { status: 3 }, { status: 'consultation', reason: 5 }, { status: 'consultation', reason: '长'.repeat(501) }, []]) {
      const res = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/status`, { token, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    const same = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'drafting' } })
    expect(same.status).toBe(409)
    expect(same.body.error.message).toContain('已经是')
  })

  it('lets only owners change the status: no role 403, editor 403, signed out 401; any role may read it', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const stranger = await server.createUser('stranger')
    const editor = await server.createUser('editor1')
    const viewer = await server.createUser('viewer1')
    await server.share(doc.id, editor.user.id, 'editor')
    await server.share(doc.id, viewer.user.id, 'viewer')
    const body = { status: 'consultation' }
    expect((await server.api('POST', `/api/documents/${doc.id}/status`, { token: stranger.token, body })).status).toBe(403)
    expect((await server.api('POST', `/api/documents/${doc.id}/status`, { token: editor.token, body })).status).toBe(403)
    expect((await server.api('POST', `/api/documents/${doc.id}/status`, { body })).status).toBe(401)
    expect((await server.api('GET', `/api/documents/${doc.id}/status`, { token: stranger.token })).status).toBe(403)
    expect((await server.api('GET', `/api/documents/${doc.id}/status`, { token: viewer.token })).status).toBe(200)
    expect((await server.api<StatusResponse>('GET', `/api/documents/${doc.id}/status`, { token: viewer.token })).body.status).toBe('drafting')
  })

  it('answers HTTP writes to a 定稿 document with 409 in Chinese until an owner reopens it with a reason', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument(undefined, breakdownPlan(6))
    const token = server.admin.token
    const saved = await server.api<VersionInfo>('POST', `/api/documents/${doc.id}/versions`, { token, body: { name: '初稿' } })
    for (const status of ['consultation', 'review', 'final']) await server.api('POST', `/api/documents/${doc.id}/status`, { token, body: { status } })

    const restore = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/versions/${saved.body.id}/restore`, { token })
    expect(restore.status).toBe(409)
    expect(restore.body.error).toMatchObject({ code: 'final' })
    expect(restore.body.error.message).toContain('已定稿')
    const rename = await server.api<ErrorBody>('PATCH', `/api/documents/${doc.id}`, { token, body: { title: '新标题' } })
    expect(rename.status).toBe(409)

    const reopen = await server.api<StatusResponse>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'review', reason: '局长要求补充双减内容' } })
    expect(reopen.body.status).toBe('review')
    expect((await server.api('POST', `/api/documents/${doc.id}/versions/${saved.body.id}/restore`, { token })).status).toBe(200)
  })
})
