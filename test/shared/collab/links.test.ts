import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clearLink, linkKey, linksMap, LOCAL, markLocal, observeLinks, parseLinkKey, readLink, readLinks, setLink, textHash } from '../../../shared/collab/links.ts'
import { readPlan, replacePlan, writePlan } from '../../../shared/collab/ydoc.ts'
import type { Plan } from '../../../shared/plan/types.ts'

const d7 = { id: 'd7', title: '落实“双减”实施意见。', body: '研制闵行区关于落实“双减”实施方案。' }
const d13 = { id: 'd13', title: '加强学生心理健康教育。', body: '提供24小时心理咨询服务。' }
const m9 = { id: 'm9', title: '开展“双减”治理工作。', body: '优化校外培训机构综合治理体系。' }
const m3 = { id: 'm3', title: '加强学生心理健康服务。', body: '完善学生心理危机风险发现预警、干预处置机制。' }

/** Exchanges all missing updates between two documents (as a provider does after reconnecting). */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** Keeps two documents in sync update by update, as a live connection does. */
function connect(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
}

describe('link keys', () => {
  it('joins and splits the two item ids with an arrow', () => {
    expect(linkKey('d7', 'm9')).toBe('d7→m9')
    expect(parseLinkKey('d7→m9')).toEqual({ districtItemId: 'd7', municipalItemId: 'm9' })
    expect(parseLinkKey(linkKey('d7', LOCAL))).toEqual({ districtItemId: 'd7', municipalItemId: 'local' })
  })

  it('rejects keys that do not name two ids', () => {
    for (const bad of ['d7', '→m9', 'd7→', 'a→b→c', '']) expect(parseLinkKey(bad)).toBeNull()
  })
})

describe('confirmed links in the shared document', () => {
  it('stores an accepted link with hashes and snapshots of both items', () => {
    const doc = new Y.Doc()
    setLink(doc, { districtItem: d7, municipalItem: m9, status: 'accepted', by: 'u1', at: '2025-03-01T08:00:00.000Z' })
    const link = readLink(doc, 'd7', 'm9')
    expect(link).toMatchObject({ key: 'd7→m9', status: 'accepted', by: 'u1', at: '2025-03-01T08:00:00.000Z', districtItemId: 'd7', municipalItemId: 'm9' })
    expect(link?.districtHash).toBe(textHash(`${d7.title}\n${d7.body}`))
    expect(link?.municipalHash).not.toBe(link?.districtHash)
    expect(link?.municipalText).toContain('校外培训机构')
  })

  it('keeps the display name of whoever decided, for a link and for a local mark', () => {
    const doc = new Y.Doc()
    setLink(doc, { districtItem: d7, municipalItem: m9, status: 'accepted', by: 'u1', byName: '张伟' })
    markLocal(doc, { id: 'd25', title: '促进财务精细化管理。', body: '' }, 'u2', undefined, undefined, '李娜')
    expect(readLinks(doc).map((l) => [l.key, l.by, l.byName])).toEqual([
      ['d25→local', 'u2', '李娜'],
      ['d7→m9', 'u1', '张伟'],
    ])
    setLink(doc, { districtItem: d7, municipalItem: m9, status: 'rejected', by: 'u3' })
    expect(readLink(doc, 'd7', 'm9')?.byName).toBeUndefined()
  })

  it('shows a link accepted by one user to a second user', () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    connect(alice, bob)
    setLink(alice, { districtItem: d7, municipalItem: m9, status: 'accepted', by: 'alice' })
    expect(readLinks(bob).map((l) => [l.key, l.status, l.by])).toEqual([['d7→m9', 'accepted', 'alice']])
  })

  it('keeps both decisions when two users accept different links at the same time', () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    setLink(alice, { districtItem: d7, municipalItem: m9, status: 'accepted', by: 'alice' })
    setLink(bob, { districtItem: d13, municipalItem: m3, status: 'accepted', by: 'bob' })
    markLocal(bob, { id: 'd25', title: '促进财务精细化管理。', body: '' }, 'bob')
    sync(alice, bob)
    const keys = (doc: Y.Doc): string[] => readLinks(doc).map((l) => l.key)
    expect(keys(alice)).toEqual(['d13→m3', 'd25→local', 'd7→m9'])
    expect(keys(bob)).toEqual(keys(alice))
  })

  it('settles concurrent opposite decisions on the same link to one value for everyone', () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    setLink(alice, { districtItem: d7, municipalItem: m9, status: 'accepted', by: 'alice' })
    setLink(bob, { districtItem: d7, municipalItem: m9, status: 'rejected', by: 'bob' })
    sync(alice, bob)
    const a = readLink(alice, 'd7', 'm9')
    expect([
      ['accepted', 'alice'],
      ['rejected', 'bob'],
    ]).toContainEqual([a?.status, a?.by])
    expect(readLink(bob, 'd7', 'm9')).toEqual(a)
  })

  it('tells an observer about a link decided by another user', async () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    connect(alice, bob)
    const seen = new Promise<string[]>((resolve) => {
      const stop = observeLinks(bob, (links) => {
        stop()
        resolve(links.map((l) => `${l.key}:${l.status}`))
      })
    })
    setLink(alice, { districtItem: d13, municipalItem: m3, status: 'rejected', by: 'alice' })
    expect(await seen).toEqual(['d13→m3:rejected'])
  })

  it('lifts a local mark and forgets a decision', () => {
    const doc = new Y.Doc()
    markLocal(doc, d13, 'u1')
    setLink(doc, { districtItem: d7, municipalItem: m9, status: 'rejected', by: 'u1' })
    expect(readLink(doc, 'd13', LOCAL)?.municipalHash).toBe('')
    clearLink(doc, 'd13', LOCAL)
    clearLink(doc, 'd7', 'm9')
    expect(readLinks(doc)).toEqual([])
  })

  it('skips entries that are not well-formed links', () => {
    const doc = new Y.Doc()
    linksMap(doc).set('no-arrow', { status: 'accepted', by: 'x', at: 'now', districtHash: '', municipalHash: '' })
    linksMap(doc).set('d1→m1', { status: 'maybe', by: 'x', at: 'now', districtHash: '', municipalHash: '' })
    linksMap(doc).set('d2→m2', 'accepted')
    setLink(doc, { districtItem: d7, municipalItem: m9, status: 'accepted', by: 'u1' })
    expect(readLinks(doc).map((l) => l.key)).toEqual(['d7→m9'])
  })

  it('keeps links when the plan text is edited, because they are keyed by item id', () => {
    const plan: Plan = { title: '2025年闵行教育工作要点', preamble: [], meta: { year: 2025 }, sections: [{ id: 's1', heading: '落实改革任务', intro: [], subsections: [], items: [{ ...d7 }, { ...d13 }] }] }
    const doc = new Y.Doc()
    writePlan(doc, plan)
    setLink(doc, { districtItem: d7, municipalItem: m9, status: 'accepted', by: 'u1' })
    const edited: Plan = { ...plan, sections: [{ ...plan.sections[0], items: [{ ...d13 }, { ...d7, body: d7.body + '加强作业总量管理。' }] }] }
    replacePlan(doc, edited)
    expect(readPlan(doc).sections[0].items.map((i) => i.id)).toEqual(['d13', 'd7'])
    const link = readLink(doc, 'd7', 'm9')
    expect(link?.status).toBe('accepted')
    expect(link?.districtHash).not.toBe(textHash(`${d7.title}\n${d7.body}加强作业总量管理。`))
  })
})
