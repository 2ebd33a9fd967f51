import { describe, expect, it } from 'vitest'
import type { ApiError, CreateDocumentResponse, DocumentInfo, MemberInfo, TemplateInfo } from '../../../shared/api/types.ts'
import type { PlanJson } from '../../../shared/plan/planJson.ts'
import { readFileSync } from 'node:fs'
import { districtSeed, SEED_PATHS } from '../../utils/seeds.ts'
import { startTestServer } from '../../utils/testServer.ts'

describe('documents over HTTP', () => {
  it('creates documents from a template, an imported text file and by carrying one forward', async () => {
    const server = await startTestServer()
    const token = server.admin.token
    const templates = await server.api<TemplateInfo[]>('GET', '/api/templates', { token })
    expect(templates.body.map((t) => t.name)).toContain('blank')

    const fromTemplate = await server.api<CreateDocumentResponse>('POST', '/api/documents', { token, body: { template: 'blank', title: '2025年闵行教育工作要点' } })
    expect(fromTemplate.status).toBe(201)
    expect(fromTemplate.body.document).toMatchObject({ title: '2025年闵行教育工作要点', kind: 'draft', role: 'owner', archived: false })

    const base64 = readFileSync(SEED_PATHS.district).toString('base64')
    const imported = await server.api<CreateDocumentResponse>('POST', '/api/documents', { token, body: { import: { filename: '工作要点.txt', base64 }, kind: 'prior' } })
    expect(imported.status).toBe(201)
    expect(imported.body.document).toMatchObject({ title: '2021年下半年闵行教育工作要点', kind: 'prior', level: 'district', year: 2021 })
    expect(Array.isArray(imported.body.warnings)).toBe(true)
    const importedPlan = await server.api<PlanJson>('GET', `/api/documents/${imported.body.document.id}/plan`, { token })
    expect(importedPlan.body.sections.length).toBe(districtSeed().sections.length)

    const carried = await server.api<CreateDocumentResponse>('POST', '/api/documents', { token, body: { carryFrom: imported.body.document.id } })
    expect(carried.status).toBe(201)
    expect(carried.body.document).toMatchObject({ title: '2022年下半年闵行教育工作要点', priorId: imported.body.document.id, carriedFrom: imported.body.document.id, year: 2022 })
    const plan = await server.api<PlanJson>('GET', `/api/documents/${carried.body.document.id}/plan`, { token })
    const items = plan.body.sections.flatMap((s) => s.items)
    expect(items.every((i) => i.carried)).toBe(true)
    expect(items.map((i) => i.id)).toEqual(importedPlan.body.sections.flatMap((s) => s.items.map((i) => i.id)))

    const list = await server.api<DocumentInfo[]>('GET', '/api/documents', { token })
    expect(list.body.map((d) => d.id).sort()).toEqual([fromTemplate, imported, carried].map((r) => r.body.document.id).sort())
  })

  it('refuses bad create requests with clear Chinese errors and creates nothing', async () => {
    const server = await startTestServer()
    const token = server.admin.token
    const cases: Array<[unknown, number, RegExp]> = [
      [{}, 400, /新建方式/],
      [{ template: 'blank', carryFrom: 'x' }, 400, /新建方式/],
      [{ template: 'no-such-template' }, 400, /没有名为/],
      [{ import: { filename: 'a.doc', base64: 'AAAA' } }, 400, /另存为 \.docx/],
      [{ import: { filename: 'a.txt', base64: '' } }, 400, /./],
      [{ import: { filename: 'a.txt', base64: '@@@' } }, 400, /base64/],
      [{ carryFrom: 'dmissing' }, 404, /不存在/],
      [{ template: 'blank', kind: 'weird' }, 400, /文档类型/],
      [{ template: 'blank', priorId: 'dmissing' }, 400, /找不到/],
    ]
    for (const [body, status, message] of cases) {
      const res = await server.api<ApiError>('POST', '/api/documents', { token, body })
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.body.error.message).toMatch(message)
    }
    expect((await server.api<DocumentInfo[]>('GET', '/api/documents', { token })).body).toEqual([])
  })

  it('checks roles on every call: viewers read, editors rename and link, owners archive and share', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const other = await server.createDocument()
    const viewer = await server.createUser('viewer1')
    const editor = await server.createUser('editor1')
    const stranger = await server.createUser('stranger')
    await server.share(doc.id, viewer.user.id, 'viewer')
    await server.share(doc.id, editor.user.id, 'editor')
    await server.share(other.id, editor.user.id, 'viewer')
    const path = `/api/documents/${doc.id}`

    expect((await server.api('GET', path, { token: stranger.token })).status).toBe(403)
    expect((await server.api('GET', `${path}/plan`, { token: stranger.token })).status).toBe(403)
    expect((await server.api<DocumentInfo[]>('GET', '/api/documents', { token: stranger.token })).body).toEqual([])
    expect((await server.api<DocumentInfo>('GET', path, { token: viewer.token })).body.role).toBe('viewer')
    expect((await server.api('GET', `${path}/plan`, { token: viewer.token })).status).toBe(200)
    expect((await server.api('PATCH', path, { token: viewer.token, body: { title: '改名' } })).status).toBe(403)
    expect((await server.api('POST', `${path}/versions`, { token: viewer.token, body: { name: '征求意见稿' } })).status).toBe(403)

    const renamed = await server.api<DocumentInfo>('PATCH', path, { token: editor.token, body: { title: '  新标题  ', priorId: other.id } })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({ title: '新标题', priorId: other.id, role: 'editor' })
    expect((await server.api('PATCH', path, { token: editor.token, body: { archived: true } })).status).toBe(403)
    expect((await server.api('PUT', `${path}/members/${stranger.user.id}`, { token: editor.token, body: { role: 'viewer' } })).status).toBe(403)
    expect((await server.api('PATCH', path, { token: editor.token, body: { priorId: doc.id } })).status).toBe(400)

    expect((await server.api('PATCH', path, { token: server.admin.token, body: { everyone: 'viewer' } })).status).toBe(200)
    expect((await server.api<DocumentInfo>('GET', path, { token: stranger.token })).body.role).toBe('viewer')
    expect((await server.api('PATCH', path, { token: server.admin.token, body: { archived: true } })).status).toBe(200)
    expect((await server.api<DocumentInfo[]>('GET', '/api/documents', { token: viewer.token })).body).toEqual([])
    expect((await server.api<DocumentInfo[]>('GET', '/api/documents?archived=1', { token: viewer.token })).body.map((d) => d.id)).toEqual([doc.id])
  })

  it('manages members and keeps at least one owner', async () => {
    const server = await startTestServer()
    const { token: ownerToken, user: owner } = await server.createUser('owner1')
    const doc = await server.createDocument(ownerToken)
    const member = await server.createUser('member1')
    const path = `/api/documents/${doc.id}/members`
    expect((await server.api('PUT', `${path}/${member.user.id}`, { token: ownerToken, body: { role: 'boss' } })).status).toBe(400)
    expect((await server.api('PUT', `${path}/${member.user.id}`, { token: ownerToken, body: { role: 'reviewer' } })).status).toBe(200)
    const members = await server.api<MemberInfo[]>('GET', path, { token: member.token })
    expect(members.body.map((m) => [m.name, m.role]).sort()).toEqual([
      ['member1', 'reviewer'],
      ['owner1', 'owner'],
    ])
    const last = await server.api<ApiError>('PUT', `${path}/${owner.id}`, { token: ownerToken, body: { role: 'editor' } })
    expect(last.status).toBe(409)
    expect(last.body.error.message).toBe('文档至少需要一位所有者')
    expect((await server.api('DELETE', `${path}/${member.user.id}`, { token: ownerToken })).status).toBe(200)
    expect((await server.api('GET', `/api/documents/${doc.id}`, { token: member.token })).status).toBe(403)
  })

  it('records visits and returns the previous one', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    expect((await server.api('GET', `/api/documents/${doc.id}/visit`, { token })).body).toEqual({})
    const first = await server.api<{ current: { seq: number }; previous?: unknown }>('POST', `/api/documents/${doc.id}/visit`, { token })
    expect(first.body.current.seq).toBe(1)
    expect(first.body.previous).toBeUndefined()
    const second = await server.api<{ current: { seq: number }; previous?: { seq: number } }>('POST', `/api/documents/${doc.id}/visit`, { token })
    expect(second.body.previous?.seq).toBe(1)
  })
})
