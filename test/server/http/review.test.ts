import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { ReviewBasesResponse, ReviewResponse } from '../../../shared/api/review.ts'
import type { ApiError } from '../../../shared/api/types.ts'
import type { VisitResponse } from '../../../shared/api/visits.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { parsePlanJson, type PlanJson } from '../../../shared/plan/planJson.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { elementsNamed } from '../../utils/planText.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { carryForward, createPrior, prependToItem, saveVersion, type Person } from '../review/reviewFixture.ts'

const plan = (json: PlanJson): Plan => parsePlanJson(json).plan

function review(server: TestServer, token: string, docId: string, base: string) {
  return server.api<ReviewResponse & ApiError>('GET', `/api/documents/${docId}/review?base=${encodeURIComponent(base)}`, { token })
}

/** Owner 赵敏 with seed 000 as prior plan and a carried-forward draft; editors 张伟 and 李娜, reviewer 周静 on the draft. */
async function team(server: TestServer) {
  const owner: Person = await server.createUser('赵敏')
  const zhang: Person = await server.createUser('张伟')
  const li: Person = await server.createUser('李娜')
  const reviewer: Person = await server.createUser('周静')
  const prior = await createPrior(server, owner)
  const draft = await carryForward(server, owner, prior)
  await server.share(draft.id, zhang.user.id, 'editor')
  await server.share(draft.id, li.user.id, 'editor')
  await server.share(draft.id, reviewer.user.id, 'reviewer')
  return { owner, zhang, li, reviewer, prior, draft }
}

describe('GET /api/documents/:id/review', () => {
  it('compares a carried-forward draft with its prior-year plan: both texts, no attribution', async () => {
    const server = await startTestServer()
    const { owner, zhang, reviewer, prior, draft } = await team(server)
    const a = await connectClient(server, draft.id, zhang.token)
    const watcher = await connectClient(server, draft.id, owner.token)
    await prependToItem(a, watcher, 1, '进一步')
    await server.share(prior.id, reviewer.user.id, 'viewer')

    const res = await review(server, reviewer.token, draft.id, 'prior')
    expect(res.status).toBe(200)
    expect(res.body.base).toEqual({ kind: 'prior', label: `上年计划《${prior.title}》`, docId: prior.id })
    expect(res.body.authors).toBeUndefined()
    expect(res.body.old.title).toBe('2021年下半年闵行教育工作要点')
    expect(res.body.new.title).toBe('2022年下半年闵行教育工作要点')
    const d = diffPlans(plan(res.body.old), plan(res.body.new))
    // Only item 2 changed; ids carried forward match every item to itself.
    expect(d.items.filter((e) => e.kind !== 'unchanged').map((e) => [e.kind, e.old[0]?.number, e.new[0]?.number])).toEqual([['reworded', 2, 2]])
    expect(d.items.every((e) => e.matchedBy === 'id')).toBe(true)
    a.close()
    watcher.close()
  })

  it('names who changed each item since a version: two editors through their own clients', async () => {
    const server = await startTestServer()
    const { owner, zhang, li, reviewer, draft } = await team(server)
    const a = await connectClient(server, draft.id, zhang.token)
    const b = await connectClient(server, draft.id, li.token)
    const watcher = await connectClient(server, draft.id, owner.token)
    const ids = elementsNamed(watcher.doc, 'item').map((el) => el.getAttribute('id') as string)
    await prependToItem(a, watcher, 0, '张：')
    const version = await saveVersion(server, owner.token, draft.id, '征求意见稿')

    await prependToItem(a, watcher, 2, '张：')
    await prependToItem(b, watcher, 4, '李：')
    await prependToItem(a, watcher, 4, '张：')
    // 李娜 deletes item 8 as a whole.
    const eighth = elementsNamed(b.doc, 'item')[7]
    const parent = eighth.parent as import('yjs').XmlElement
    parent.delete(parent.toArray().indexOf(eighth), 1)
    await waitForDoc(watcher.doc, () => elementsNamed(watcher.doc, 'item').length === ids.length - 1)

    const res = await review(server, reviewer.token, draft.id, `version:${version.id}`)
    expect(res.status).toBe(200)
    expect(res.body.base).toMatchObject({ kind: 'version', label: '版本“征求意见稿”', versionId: version.id, by: '赵敏', at: version.createdAt })
    // The base is the text the version holds: item 1 already edited, item 3 not yet.
    const old = plan(res.body.old)
    expect(old.sections[0].items[0].title).toMatch(/^张：/)
    const authors = res.body.authors ?? {}
    const names = (id: string): string[] => (authors[id] ?? []).map((x) => x.name).sort()
    // Item 1 was edited before the version: not in the range.
    expect(names(ids[0])).toEqual([])
    expect(names(ids[2])).toEqual(['张伟'])
    expect(names(ids[4])).toEqual(['张伟', '李娜'].sort())
    expect(names(ids[7])).toEqual(['李娜'])
    expect(names(ids[3])).toEqual([])
    const zhangOn3 = authors[ids[2]][0]
    expect(zhangOn3).toMatchObject({ userId: zhang.user.id, color: zhang.user.color, updates: 1 })
    expect(Date.parse(zhangOn3.last)).toBeGreaterThanOrEqual(Date.parse(version.createdAt))
    // Latest change first: 张伟 edited item 5 after 李娜.
    expect(authors[ids[4]].map((x) => x.name)).toEqual(['张伟', '李娜'])

    const d = diffPlans(old, plan(res.body.new))
    expect(
      d.items
        .filter((e) => e.kind !== 'unchanged')
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['removed', 'reworded', 'reworded'])
    for (const c of [a, b, watcher]) c.close()
  })

  it('shows what changed since the user’s last visit, or since a visit position the page remembered', async () => {
    const server = await startTestServer()
    const { owner, li, reviewer, draft } = await team(server)
    const b = await connectClient(server, draft.id, li.token)
    const watcher = await connectClient(server, draft.id, owner.token)
    expect((await review(server, reviewer.token, draft.id, 'visit')).body.error).toEqual({
      code: 'no-visit',
      message: '还没有您上次访问这份文档的记录，无法列出上次访问以来的修改。',
    })
    const first = await server.api<VisitResponse>('POST', `/api/documents/${draft.id}/visit`, { token: reviewer.token })
    await prependToItem(b, watcher, 5, '李：')

    const res = await review(server, reviewer.token, draft.id, 'visit')
    expect(res.status).toBe(200)
    expect(res.body.base).toEqual({ kind: 'visit', label: '上次访问', seq: first.body.current.seq, at: first.body.current.at })
    expect(res.body.seq).toBeGreaterThan(first.body.current.seq)
    expect(
      Object.values(res.body.authors ?? {})
        .flat()
        .map((x) => x.name),
    ).toEqual(['李娜'])
    const d = diffPlans(plan(res.body.old), plan(res.body.new))
    expect(d.items.filter((e) => e.kind !== 'unchanged').map((e) => [e.kind, e.new[0].number])).toEqual([['reworded', 6]])

    // A second visit moves "last visit" on; the page can still ask for the position it remembered.
    await server.api('POST', `/api/documents/${draft.id}/visit`, { token: reviewer.token })
    expect(Object.keys((await review(server, reviewer.token, draft.id, 'visit')).body.authors ?? {})).toEqual([])
    const remembered = await review(server, reviewer.token, draft.id, `visit:${first.body.current.seq}`)
    expect(remembered.body.base).toEqual({ kind: 'visit', label: '上次访问', seq: first.body.current.seq })
    expect(
      Object.values(remembered.body.authors ?? {})
        .flat()
        .map((x) => x.name),
    ).toEqual(['李娜'])
    b.close()
    watcher.close()
  })

  it('lets every role read the review and refuses others, with plain Chinese reasons', async () => {
    const server = await startTestServer()
    const { owner, zhang, reviewer, prior, draft } = await team(server)
    const viewer: Person = await server.createUser('陈晨')
    const stranger: Person = await server.createUser('路人')
    await server.share(draft.id, viewer.user.id, 'viewer')
    await server.share(prior.id, reviewer.user.id, 'viewer')
    await server.share(prior.id, zhang.user.id, 'viewer')

    for (const who of [owner, zhang, reviewer]) expect((await review(server, who.token, draft.id, 'prior')).status).toBe(200)
    // 陈晨 may read the draft but not the prior plan.
    const refused = await review(server, viewer.token, draft.id, 'prior')
    expect(refused.status).toBe(403)
    expect(refused.body.error.message).toBe('您没有查看上年计划的权限，无法与上年对照。请联系上年计划的所有者为您开通查看权限。')
    const stranger403 = await review(server, stranger.token, draft.id, 'prior')
    expect(stranger403.status).toBe(403)
    expect(stranger403.body.error.message).toBe('您没有访问此文档的权限')
    expect((await server.api('GET', `/api/documents/${draft.id}/review?base=prior`)).status).toBe(401)

    // The prior plan itself has no prior plan.
    const none = await review(server, owner.token, prior.id, 'prior')
    expect(none.status).toBe(404)
    expect(none.body.error.message).toBe('这份文档没有关联上年计划，无法与上年对照。')
    const bad = await review(server, owner.token, draft.id, 'last-year')
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain('请选择对照基准')
    expect((await review(server, owner.token, draft.id, 'version:vnope')).status).toBe(404)
    expect((await review(server, owner.token, draft.id, 'version:vnope')).body.error.message).toBe('版本不存在')
  })

  it('lists the bases: the prior plan named only for those who may read it, versions and the last visit', async () => {
    const server = await startTestServer()
    const { owner, reviewer, prior, draft } = await team(server)
    const version = await saveVersion(server, owner.token, draft.id, '送审稿')
    await server.api('POST', `/api/documents/${draft.id}/visit`, { token: owner.token })
    const mine = await server.api<ReviewBasesResponse>('GET', `/api/documents/${draft.id}/review/bases`, { token: owner.token })
    expect(mine.body.prior).toEqual({ id: prior.id, readable: true, title: prior.title })
    expect(mine.body.versions.map((v) => [v.id, v.name])).toEqual([[version.id, '送审稿']])
    expect(mine.body.visit?.seq).toBeGreaterThan(0)
    const theirs = await server.api<ReviewBasesResponse>('GET', `/api/documents/${draft.id}/review/bases`, { token: reviewer.token })
    expect(theirs.body.prior).toEqual({ id: prior.id, readable: false })
    expect(theirs.body.visit).toBeUndefined()
  })
})

describe('GET /api/documents/:id/review.docx', () => {
  it('downloads the 修改对照表 as a .docx with a Chinese file name', async () => {
    const server = await startTestServer()
    const { owner, zhang, reviewer, draft } = await team(server)
    const a = await connectClient(server, draft.id, zhang.token)
    const watcher = await connectClient(server, draft.id, owner.token)
    await prependToItem(a, watcher, 1, '进一步')
    await server.share((await server.api<{ priorId: string }>('GET', `/api/documents/${draft.id}`, { token: owner.token })).body.priorId, reviewer.user.id, 'reviewer')

    const res = await fetch(`${server.url}/api/documents/${draft.id}/review.docx?base=prior`, { headers: { Authorization: `Bearer ${reviewer.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const disposition = res.headers.get('content-disposition') ?? ''
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '')).toBe('修改对照表-2022年下半年闵行教育工作要点.docx')
    const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()))
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('《2022年下半年闵行教育工作要点》修改对照表')
    expect(text).toContain('原文：2021年下半年闵行教育工作要点')
    expect(text).toContain('进一步')
    expect(text).toContain('【修改】')
    // Against last year's plan nobody in this document wrote the differences: no names.
    expect(text).not.toContain('修改人：')

    const refused = await fetch(`${server.url}/api/documents/${draft.id}/review.docx?base=visit`, { headers: { Authorization: `Bearer ${reviewer.token}` } })
    expect(refused.status).toBe(404)
    expect(((await refused.json()) as ApiError).error.code).toBe('no-visit')
    a.close()
    watcher.close()
  })

  it('names the version in the 原文 line when comparing with a version', async () => {
    const server = await startTestServer()
    const { owner, draft } = await team(server)
    const version = await saveVersion(server, owner.token, draft.id, '征求意见稿')
    const res = await fetch(`${server.url}/api/documents/${draft.id}/review.docx?base=version:${version.id}`, { headers: { Authorization: `Bearer ${owner.token}` } })
    expect(res.status).toBe(200)
    const xml = (await (await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()))).file('word/document.xml')?.async('string')) ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('原文：2022年下半年闵行教育工作要点（版本“征求意见稿”）')
    expect(text).toContain('两份文本的条目和部分标题没有变化。')
  })

  it('names in 修改说明 who changed each item since the version', async () => {
    const server = await startTestServer()
    const { owner, zhang, draft } = await team(server)
    const version = await saveVersion(server, owner.token, draft.id, '征求意见稿')
    const a = await connectClient(server, draft.id, zhang.token)
    const watcher = await connectClient(server, draft.id, owner.token)
    await prependToItem(a, watcher, 2, '张：')
    const res = await fetch(`${server.url}/api/documents/${draft.id}/review.docx?base=version:${version.id}`, { headers: { Authorization: `Bearer ${owner.token}` } })
    expect(res.status).toBe(200)
    const xml = (await (await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()))).file('word/document.xml')?.async('string')) ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toMatch(/【修改】[^【]*修改人：张伟（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}）/)
    expect(text.match(/修改人：/g)).toHaveLength(1)
    a.close()
    watcher.close()
  })
})
