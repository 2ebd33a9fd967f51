import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ApiError, CreateDocumentResponse, DocumentInfo } from '../../../shared/api/types.ts'
import { municipalSeed, SEED_PATHS } from '../../utils/seeds.ts'
import { startTestServer } from '../../utils/testServer.ts'

describe('结转 over HTTP', () => {
  it('links the new draft to last year’s plan always, and to the municipal plan only when asked', async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('陈静')
    const municipal = await server.createDocument(token, municipalSeed())
    const prior = await server.createDocument(token)
    expect((await server.api('PATCH', `/api/documents/${prior.id}`, { token, body: { municipalId: municipal.id } })).status).toBe(200)

    const plain = await server.api<CreateDocumentResponse>('POST', '/api/documents', { token, body: { carryFrom: prior.id } })
    expect(plain.status).toBe(201)
    expect(plain.body.document.priorId).toBe(prior.id)
    expect(plain.body.document.municipalId).toBeUndefined()

    const asked = await server.api<CreateDocumentResponse>('POST', '/api/documents', { token, body: { carryFrom: prior.id, carryMunicipal: true } })
    expect(asked.body.document).toMatchObject({ priorId: prior.id, municipalId: municipal.id, carriedFrom: prior.id })
    expect(asked.body.document.source).toEqual({ kind: 'carry', fromTitle: prior.title })

    const bad = await server.api<ApiError>('POST', '/api/documents', { token, body: { carryFrom: prior.id, carryMunicipal: 'yes' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/carryMunicipal/)
  })
})

describe('the document list', () => {
  it('names each document’s creator, owners and source (新建, 模板, 导入, 结转)', async () => {
    const server = await startTestServer()
    const chen = await server.createUser('陈静')
    const wang = await server.createUser('王芳')
    const create = async (body: unknown): Promise<DocumentInfo> => {
      const res = await server.api<CreateDocumentResponse>('POST', '/api/documents', { token: chen.token, body })
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(201)
      return res.body.document
    }
    const blank = await create({ template: 'blank', title: '2026年空白计划' })
    const templated = await create({ template: 'district-annual', title: '2026年区教育工作要点' })
    const imported = await create({ import: { filename: '闵行要点.txt', base64: readFileSync(SEED_PATHS.district).toString('base64') }, kind: 'prior' })
    const carried = await create({ carryFrom: imported.id })
    // A second owner is named beside the first; the creator stays the one who made it.
    expect((await server.api('PUT', `/api/documents/${carried.id}/members/${wang.user.id}`, { token: chen.token, body: { role: 'owner' } })).status).toBe(200)

    const list = await server.api<DocumentInfo[]>('GET', '/api/documents', { token: wang.token })
    expect(list.body.map((d) => d.id)).toEqual([carried.id])
    const byId = new Map((await server.api<DocumentInfo[]>('GET', '/api/documents', { token: chen.token })).body.map((d) => [d.id, d]))
    expect(byId.get(blank.id)?.source).toEqual({ kind: 'new' })
    expect(byId.get(templated.id)?.source).toMatchObject({ kind: 'template', template: 'district-annual' })
    expect(byId.get(imported.id)?.source).toEqual({ kind: 'import', filename: '闵行要点.txt' })
    expect(byId.get(carried.id)?.source).toEqual({ kind: 'carry', fromTitle: '2021年下半年闵行教育工作要点' })
    expect(byId.get(blank.id)).toMatchObject({ creatorName: '陈静', ownerNames: ['陈静'] })
    expect(byId.get(carried.id)?.creatorName).toBe('陈静')
    expect([...(byId.get(carried.id)?.ownerNames ?? [])].sort()).toEqual(['王芳', '陈静'].sort())
  })
})
