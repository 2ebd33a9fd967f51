import { describe, expect, it } from 'vitest'
import type { StatusResponse } from '../../../shared/api/status.ts'
import { readBreakdowns, setBreakdownField } from '../../../shared/breakdown/store.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { breakdownPlan } from '../export/breakdownPlan.ts'

type ErrorBody = { error: { code: string; message: string; items?: Array<{ itemId: string; number: number; title: string; missing: string[] }> } }

/** The 12-item plan with 牵头科室 removed from items 3 and 9 and 完成时限 from item 9. */
function planWithGaps(): Plan {
  const plan = breakdownPlan(12)
  const items = plan.sections.flatMap((s) => [...s.items, ...s.subsections.flatMap((u) => u.items)])
  delete items[2].breakdown?.lead
  items[8].breakdown = { support: ['德育科'] }
  return plan
}

async function toReview(server: TestServer, docId: string, token: string): Promise<void> {
  for (const status of ['consultation', 'review']) expect((await server.api('POST', `/api/documents/${docId}/status`, { token, body: { status } })).status).toBe(200)
}

describe('定稿 waits for every item’s 牵头科室 and 完成时限', () => {
  it('refuses 定稿 with a Chinese 409 naming the items to fix, and allows it once a collaborator has filled them', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument(undefined, planWithGaps())
    const token = server.admin.token
    await toReview(server, doc.id, token)
    const refused = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'final' } })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('breakdown-incomplete')
    expect(refused.body.error.message).toBe(
      '还有 2 条未填牵头科室或完成时限，不能定稿：第3条“第3项重点任务要加强统筹推进”缺牵头科室；第9条“第9项重点任务要加强统筹推进”缺牵头科室、完成时限。请在“分解”中补齐；所有者也可以填写原因后强制定稿。',
    )
    expect(refused.body.error.items).toEqual([
      { itemId: 'i2', number: 3, title: '第3项重点任务要加强统筹推进。', missing: ['牵头科室'] },
      { itemId: 'i8', number: 9, title: '第9项重点任务要加强统筹推进。', missing: ['牵头科室', '完成时限'] },
    ])
    expect((await server.api<StatusResponse>('GET', `/api/documents/${doc.id}/status`, { token })).body.status).toBe('review')

    // The live document counts: fields typed a moment ago in an open editor lift the refusal.
    const editor = await connectClient(server, doc.id, token)
    setBreakdownField(editor.doc, 'i2', 'lead', ['基教科'])
    setBreakdownField(editor.doc, 'i8', 'lead', ['计财科'])
    setBreakdownField(editor.doc, 'i8', 'deadline', '第四季度')
    const watcher = await connectClient(server, doc.id, token)
    await waitForDoc(watcher.doc, (d) => readBreakdowns(d).get('i8')?.deadline === '第四季度')
    const allowed = await server.api<StatusResponse>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'final' } })
    expect(allowed.status).toBe(200)
    expect(allowed.body.status).toBe('final')
    expect(allowed.body.changes.at(-1)).not.toHaveProperty('override')
    editor.close()
    watcher.close()
  })

  it('lets an owner override with a reason, which the status history keeps; an override without a reason is refused', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument(undefined, planWithGaps())
    const token = server.admin.token
    await toReview(server, doc.id, token)
    const noReason = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'final', override: true, reason: '  ' } })
    expect(noReason.status).toBe(400)
    expect(noReason.body.error.message).toBe('强制定稿需要填写原因')
    const forced = await server.api<StatusResponse>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'final', override: true, reason: '第9条由局长办公会另行分工' } })
    expect(forced.status).toBe(200)
    expect(forced.body.changes.at(-1)).toMatchObject({ from: 'review', to: 'final', override: true, reason: '第9条由局长办公会另行分工' })

    // A plan with nothing missing is not recorded as forced, even when the owner asked to override.
    const complete = await server.createDocument(undefined, breakdownPlan(4))
    await toReview(server, complete.id, token)
    const plain = await server.api<StatusResponse>('POST', `/api/documents/${complete.id}/status`, { token, body: { status: 'final', override: true, reason: '以防万一' } })
    expect(plain.status).toBe(200)
    expect(plain.body.changes.at(-1)).not.toHaveProperty('override')
  })

  it('holds back a plan nobody has broken down too, listing every item, and refuses an override from someone who is not an owner', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('lina')
    await server.share(doc.id, user.id, 'editor')
    const notOwner = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/status`, { token, body: { status: 'consultation', override: true, reason: 'x' } })
    expect(notOwner.status).toBe(403)
    await toReview(server, doc.id, server.admin.token)
    const refused = await server.api<ErrorBody>('POST', `/api/documents/${doc.id}/status`, { token: server.admin.token, body: { status: 'final' } })
    expect(refused.status).toBe(409)
    const items = refused.body.error.items ?? []
    expect(items.length).toBeGreaterThan(5)
    expect(items.every((i) => i.missing.join() === '牵头科室,完成时限')).toBe(true)
    expect(items.map((i) => i.number)).toEqual(items.map((_, n) => n + 1))
    expect(refused.body.error.message).toContain(`等 ${items.length} 条`)
  })
})
