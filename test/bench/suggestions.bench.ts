// 修订 benches: accept-all (清稿) of 200 suggestions on a 300-item plan, and a reviewer's keystroke in 修订 mode on a 60-item plan in Chromium.
import { STAMP_SENT, stampSeenLengths } from './keystrokeScripts.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { Browser, Page } from 'playwright-core'
import type { DocumentInfo, LoginResponse, UserInfo } from '../../shared/api/types.ts'
import { planToPm } from '../../shared/editor/convert/planToPm.ts'
import { planExtensions } from '../../shared/editor/planExtensions.ts'
import { newId } from '../../shared/plan/ids.ts'
import { toPlanJson } from '../../shared/plan/planJson.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { decideSuggestions } from '../../shared/review/suggestDecide.ts'
import { everySuggestion } from '../../shared/review/suggestResolve.ts'
import { listSuggestions } from '../../shared/review/suggestScan.ts'
import { silentLog } from '../../server/log.ts'
import { startServer } from '../../server/startServer.ts'
import { launchBrowser } from '../e2e/browser.ts'
import { ensureClientBuilt } from '../e2e/clientBuild.ts'
import { districtSeed } from '../utils/seeds.ts'
import { report, summarise, time } from './timing.ts'

const PASSWORD = 'bench-password-1'

/** The district seed with every item repeated `copies` times: 2 → 60 items, 10 → 300 items. */
function seedTimes(copies: number): Plan {
  const plan = districtSeed()
  for (const s of plan.sections) s.items = s.items.flatMap((it) => [it, ...Array.from({ length: copies - 1 }, (_, k) => ({ ...it, id: newId('i'), title: it.title.replace(/。$/, `（${k + 2}）。`) }))])
  return plan
}

/** A headless plan editor holding `doc`, with its plugins (numbering, ids) running as in the page. */
function editorOn(doc: PMNode | ReturnType<typeof planToPm>): Editor {
  if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { platform: 'Linux', userAgent: 'node' }, configurable: true })
  const editor = new Editor({ element: null, extensions: planExtensions(), content: 'toJSON' in doc ? doc.toJSON() : doc })
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }))
  return editor
}

/** A 300-item plan with 200 suggestions: 120 insertions, 50 deletions, 30 suggested new items. */
function reviewedPlan(): PMNode {
  const editor = editorOn(planToPm(seedTimes(10)))
  const { schema } = editor.state
  const tr = editor.state.tr
  const items: Array<{ pos: number; node: PMNode }> = []
  tr.doc.descendants((node, pos) => {
    if (node.type.name === 'item') items.push({ pos, node })
    return node.type.name !== 'item'
  })
  // From the end backwards, so earlier positions stay valid.
  for (let k = 199; k >= 0; k--) {
    const { pos, node } = items[k]
    const id = newId('g')
    if (k < 120) tr.insert(pos + 1 + (node.firstChild?.nodeSize ?? 2) - 1, schema.text('建议补充', [schema.marks.insertion.create({ id })]))
    else if (k < 170) tr.addMark(pos + 2, pos + 6, schema.marks.deletion.create({ id }))
    else
      tr.insert(
        pos + node.nodeSize,
        schema.nodes.item.create({ id: newId('i'), suggestion: `insert:${id}` }, schema.nodes.itemTitle.create(null, schema.text('新增条目。', [schema.marks.insertion.create({ id })]))),
      )
  }
  const doc = tr.doc
  editor.destroy()
  if (listSuggestions(doc).length !== 200) throw new Error(`made ${listSuggestions(doc).length} suggestions, not 200`)
  return doc
}

async function benchAcceptAll(): Promise<void> {
  const doc = reviewedPlan()
  const samples: number[] = []
  for (let i = 0; i < 25; i++) {
    const editor = editorOn(doc)
    const t0 = performance.now()
    decideSuggestions(editor.view, everySuggestion, 'accept')
    const ms = performance.now() - t0
    if (i >= 3) samples.push(ms)
    if (listSuggestions(editor.state.doc).length) throw new Error('suggestions left after 清稿')
    editor.destroy()
  }
  const s = summarise(samples)
  report('清稿: accept all 200 suggestions, 300-item plan, one transaction (median)', s.median, 100, `p99 ${s.p99.toFixed(1)} ms, ${s.runs} runs`)
  const scan = await time(() => listSuggestions(doc), 30)
  report('list the 200 suggestions of a 300-item plan (median)', scan.median)
}

/** The reviewer types 40 characters at the end of item 1 in 修订 mode; times each keystroke until it shows in her page and in the editor's. */
async function benchSuggestKeystroke(browser: Browser, url: string, reviewer: LoginResponse, editor: LoginResponse, docId: string): Promise<void> {
  const open = async (session: LoginResponse): Promise<Page> => {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 }, bypassCSP: true })
    await context.addInitScript((s) => localStorage.setItem('plan-studio/session', s), JSON.stringify(session))
    const page = await context.newPage()
    await page.goto(`/documents/${docId}`)
    await page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
    await page.getByText('已连接').first().waitFor()
    return page
  }
  const a = await open(reviewer)
  const b = await open(editor)
  const title = '[data-type=item-title]'
  await a.locator(title).first().click()
  await a.keyboard.press('End')
  const watch = stampSeenLengths(title)
  await a.evaluate(STAMP_SENT)
  const baseA = await a.evaluate<number>(watch)
  const baseB = await b.evaluate<number>(watch)
  const keys = 40
  const chars = '建议增加督查考核机制确保落实'
  for (let i = 0; i < keys; i++) {
    await a.keyboard.type(chars[i % chars.length])
    await b.waitForFunction(`window.__seen[${baseB + i + 1}] !== undefined`, null, { timeout: 10_000 })
  }
  const sent = await a.evaluate<number[]>('window.__sent')
  const seenA = await a.evaluate<Record<number, number>>('window.__seen')
  const seenB = await b.evaluate<Record<number, number>>('window.__seen')
  if (sent.length !== keys) throw new Error(`recorded ${sent.length} of ${keys} keystrokes`)
  const marked = await b.evaluate<number>(`document.querySelectorAll('.plan-doc ins').length`)
  if (!marked) throw new Error('the typing did not arrive as a suggestion')
  const local = summarise(sent.map((t, i) => seenA[baseA + i + 1] - t))
  const remote = summarise(sent.map((t, i) => seenB[baseB + i + 1] - t))
  report('修订 keystroke → shown in the reviewer’s page, 60-item plan (p50)', local.median, 16, `p99 ${local.p99.toFixed(1)} ms, ${local.runs} keys`)
  report('修订 keystroke → shown in the editor’s page, 60-item plan (p50)', remote.median, undefined, `p99 ${remote.p99.toFixed(1)} ms`)
  await a.context().close()
  await b.context().close()
}

/** Runs the 修订 benches: accept-all in Node, the keystroke against a real server in Chromium. */
export async function run(): Promise<void> {
  await benchAcceptAll()
  await ensureClientBuilt()
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-bench-suggest-'))
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', seed: false, adminPassword: PASSWORD, log: silentLog })
  const browser = await launchBrowser()
  try {
    const api = async <T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> => {
      const res = await fetch(server.url + path, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
      return (await res.json()) as T
    }
    const admin = await api<LoginResponse>('POST', '/api/login', null, { name: 'admin', password: PASSWORD })
    const user = await api<UserInfo>('POST', '/api/users', admin.token, { name: 'reviewer', password: PASSWORD, role: 'member', displayName: '审阅人' })
    const reviewer = await api<LoginResponse>('POST', '/api/login', null, { name: user.name, password: PASSWORD })
    const base64 = Buffer.from(JSON.stringify(toPlanJson(seedTimes(2)))).toString('base64')
    const created = await api<{ document: DocumentInfo }>('POST', '/api/documents', admin.token, { import: { filename: 'plan.json', base64 } })
    await api('PUT', `/api/documents/${created.document.id}/members/${user.id}`, admin.token, { role: 'reviewer' })
    await benchSuggestKeystroke(browser, server.url, reviewer, admin, created.document.id)
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
