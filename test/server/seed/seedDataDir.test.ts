import { describe, expect, it } from 'vitest'
import type { DocumentInfo } from '../../../shared/api/types.ts'
import type { PlanJson } from '../../../shared/plan/planJson.ts'
import { startTestServer } from '../../utils/testServer.ts'

describe('first start of an empty data folder', () => {
  it("loads last year's district plan, the municipal plan and a carried-forward draft linked to both, once", async () => {
    const server = await startTestServer({ seed: true })
    const token = server.admin.token
    const docs = (await server.api<DocumentInfo[]>('GET', '/api/documents', { token })).body
    const byKind = Object.fromEntries(docs.map((d) => [d.kind, d]))
    expect(Object.keys(byKind).sort()).toEqual(['draft', 'prior', 'reference'])
    expect(byKind.prior).toMatchObject({ title: '2021年下半年闵行教育工作要点', level: 'district', year: 2021, everyone: 'viewer' })
    expect(byKind.reference).toMatchObject({ level: 'municipal', year: 2024, everyone: 'viewer' })
    expect(byKind.reference.title).toContain('上海市教育委员会')
    expect(byKind.draft).toMatchObject({ title: '2022年下半年闵行教育工作要点', priorId: byKind.prior.id, municipalId: byKind.reference.id, carriedFrom: byKind.prior.id, role: 'owner' })
    expect([byKind.prior.source?.kind, byKind.reference.source?.kind, byKind.draft.source]).toEqual(['import', 'import', { kind: 'carry', fromTitle: '2021年下半年闵行教育工作要点' }])
    expect(byKind.draft.everyone).toBeUndefined()

    const prior = (await server.api<PlanJson>('GET', `/api/documents/${byKind.prior.id}/plan`, { token })).body
    const draft = (await server.api<PlanJson>('GET', `/api/documents/${byKind.draft.id}/plan`, { token })).body
    expect(prior.sections).toHaveLength(8)
    expect(prior.sections.flatMap((s) => s.items)).toHaveLength(30)
    expect(draft.sections.flatMap((s) => s.items.map((i) => i.id))).toEqual(prior.sections.flatMap((s) => s.items.map((i) => i.id)))
    expect(draft.sections.flatMap((s) => s.items).every((i) => i.carried)).toBe(true)

    // A newcomer sees the two references (readable by everyone) but not the admin's draft.
    const { token: newcomer } = await server.createUser('newcomer')
    const visible = (await server.api<DocumentInfo[]>('GET', '/api/documents', { token: newcomer })).body
    expect(visible.map((d) => d.kind).sort()).toEqual(['prior', 'reference'])
    expect(visible.every((d) => d.role === 'viewer')).toBe(true)

    await server.restart()
    expect((await server.api<DocumentInfo[]>('GET', '/api/documents', { token })).body).toHaveLength(3)
  })
})
