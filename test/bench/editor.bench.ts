// Editor benches: navigation → editable 60-item plan, and keystroke → shown in a second browser with 10 collaborators, in a 60-item and a 300-item plan.
import { STAMP_SENT, stampSeenLengths } from './keystrokeScripts.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { DocumentInfo, LoginResponse, UserInfo } from '../../shared/api/types.ts'
import { collabServerUrl } from '../../shared/api/collab.ts'
import { newId } from '../../shared/plan/ids.ts'
import { toPlanJson } from '../../shared/plan/planJson.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { silentLog } from '../../server/log.ts'
import { startServer } from '../../server/startServer.ts'
import { launchBrowser } from '../e2e/browser.ts'
import { ensureClientBuilt } from '../e2e/clientBuild.ts'
import { connectClient } from '../utils/collabClient.ts'
import type { TestClient } from '../utils/collabClient.ts'
import { districtSeed } from '../utils/seeds.ts'
import { report, summarise } from './timing.ts'

const PASSWORD = 'bench-password-1'

/** The district seed with every item repeated `copies` times: 2 → 60 items (about 13,000 characters), 10 → 300 items (a five-year 规划). */
function seedTimes(copies: number): Plan {
  const plan = districtSeed()
  for (const s of plan.sections) s.items = s.items.flatMap((it) => [it, ...Array.from({ length: copies - 1 }, (_, k) => ({ ...it, id: newId('i'), title: it.title.replace(/。$/, `（${k + 2}）。`) }))])
  return plan
}

type Api = <T>(method: string, path: string, token: string | null, body?: unknown) => Promise<T>

function apiFor(url: string): Api {
  return async <T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> => {
    const res = await fetch(url + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
}

/** A browser context already signed in (the session the sign-in page would store) and a page in it. */
async function signedIn(browser: Browser, url: string, session: LoginResponse): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 }, bypassCSP: true }) // the bench measures with string expressions, which the client's CSP (no eval) would refuse
  await context.addInitScript((s) => localStorage.setItem('plan-studio/session', s), JSON.stringify(session))
  return { context, page: await context.newPage() }
}

/**
 * Records, in the page, the moment (ms since navigation started) the editor is editable and shows
 * all `items` items: a MutationObserver, so polling does not blur the figure. A string, because
 * tsx would add helper calls to a function's source that do not exist in the page.
 */
function watchEditable(items: number): string {
  return `(() => {
    const check = () => {
      if (window.__editableAt !== undefined) return
      const editor = document.querySelector('[data-testid=plan-editor][contenteditable=true]')
      if (editor && editor.querySelectorAll('[data-type=item-title]').length >= ${items}) window.__editableAt = performance.now()
    }
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true })
  })()`
}

async function timeToEditable(page: Page, docId: string): Promise<number> {
  await page.goto(`/documents/${docId}`)
  await page.waitForFunction('window.__editableAt !== undefined', null, { timeout: 30_000 })
  return page.evaluate<number>('window.__editableAt')
}

async function benchOpen(browser: Browser, url: string, session: LoginResponse, docId: string): Promise<void> {
  const cold: number[] = []
  for (let i = 0; i < 5; i++) {
    const { context, page } = await signedIn(browser, url, session)
    await context.addInitScript(watchEditable(60))
    cold.push(await timeToEditable(page, docId))
    await context.close()
  }
  const { context, page } = await signedIn(browser, url, session)
  await context.addInitScript(watchEditable(60))
  await timeToEditable(page, docId)
  const warm: number[] = []
  for (let i = 0; i < 10; i++) warm.push(await timeToEditable(page, docId))
  await context.close()
  const c = summarise(cold)
  const w = summarise(warm)
  report('open 60-item plan: navigation → editable, first visit (median)', c.median, 1000, `max ${Math.max(...cold).toFixed(0)} ms, ${c.runs} runs`)
  report('open 60-item plan: navigation → editable, cached client (median)', w.median, 1000, `max ${Math.max(...warm).toFixed(0)} ms, ${w.runs} runs`)
}

/**
 * Times, in the reader's page, how long each incoming document update takes to handle (y-websocket's
 * onmessage: applying the update, the editor's plugins and view, storing it): the reader's share of
 * a keystroke's delay, which the machine's load and the writer do not blur as much as the whole trip.
 */
const TIME_SYNC_MESSAGES = `(() => {
  window.__syncMs = []
  const own = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    get() { return own.get.call(this) },
    set(handler) {
      own.set.call(this, typeof handler !== 'function' ? handler : function (event) {
        const t = performance.now()
        try { return handler.call(this, event) } finally {
          // y-websocket's first byte: 0 is a sync (document) message, 1 presence.
          if (event.data instanceof ArrayBuffer && new Uint8Array(event.data)[0] === 0) window.__syncMs.push(performance.now() - t)
        }
      })
    },
  })
})()`

async function benchKeystroke(browser: Browser, url: string, writer: LoginResponse, reader: LoginResponse, docId: string, others: TestClient[], label: string): Promise<void> {
  const a = await signedIn(browser, url, writer)
  const b = await signedIn(browser, url, reader)
  await b.context.addInitScript(TIME_SYNC_MESSAGES)
  for (const p of [a.page, b.page]) {
    await p.goto(`/documents/${docId}`)
    await p
      .locator('[data-testid=plan-editor][contenteditable=true]')
      .waitFor()
      .catch(async (err: unknown) => {
        await p.screenshot({ path: '/tmp/editor-bench-fail.png' })
        throw err
      })
  }
  await b.page.locator('[data-testid=presence]', { hasText: '10 人在线' }).waitFor({ timeout: 15_000 })
  const title = '[data-type=item-title]'
  await a.page.locator(title).first().click()
  await a.page.keyboard.press('End')
  // Writer: wall-clock time of every typed character. Reader: wall-clock time each new length of item 1's lead sentence appears.
  await a.page.evaluate(STAMP_SENT)
  const base = await b.page.evaluate<number>(stampSeenLengths(title))
  await b.page.evaluate('window.__syncMs = []')
  // 200, not 40: the p99 of 40 keys was their slowest one, and two runs of the same code differed by 1.5×.
  const keys = 200
  const chars = '加强统筹协调确保任务落实'
  for (let i = 0; i < keys; i++) {
    await a.page.keyboard.type(chars[i % chars.length])
    await b.page.waitForFunction(`window.__seen[${base + i + 1}] !== undefined`, null, { timeout: 10_000 })
  }
  const sent = await a.page.evaluate<number[]>('window.__sent')
  const seen = await b.page.evaluate<Record<number, number>>('window.__seen')
  if (sent.length !== keys) throw new Error(`recorded ${sent.length} of ${keys} keystrokes`)
  const delays = sent.map((t, i) => seen[base + i + 1] - t)
  const s = summarise(delays)
  const handling = summarise(await b.page.evaluate<number[]>('window.__syncMs'))
  report(
    `keystroke → shown in 2nd browser, ${others.length + 2} collaborators, ${label} (p50)`,
    s.median,
    label.startsWith('300') ? 16 : undefined,
    `p99 ${s.p99.toFixed(1)} ms${label.startsWith('300') ? ` (target < 50 ms: ${s.p99 < 50 ? 'met' : 'NOT MET'})` : ''}, min ${s.min.toFixed(1)} ms, ${s.runs} keys; reader handles an update in ${handling.median.toFixed(1)} ms (median, p99 ${handling.p99.toFixed(1)})`,
  )
  await a.context.close()
  await b.context.close()
}

/** Runs both editor benches against a real server on loopback and prints their figures. */
export async function run(): Promise<void> {
  await ensureClientBuilt()
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-bench-editor-'))
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', seed: false, adminPassword: PASSWORD, log: silentLog })
  const browser = await launchBrowser()
  const others: TestClient[] = []
  try {
    const api = apiFor(server.url)
    const admin = await api<LoginResponse>('POST', '/api/login', null, { name: 'admin', password: PASSWORD })
    const users: LoginResponse[] = []
    for (let i = 0; i < 10; i++) {
      const user = await api<UserInfo>('POST', '/api/users', admin.token, { name: `bench${i}`, password: PASSWORD, role: 'member', displayName: `协作者${i + 1}` })
      users.push({ ...(await api<LoginResponse>('POST', '/api/login', null, { name: user.name, password: PASSWORD })) })
    }
    const docs: Record<number, string> = {}
    for (const copies of [2, 10]) {
      const base64 = Buffer.from(JSON.stringify(toPlanJson(seedTimes(copies)))).toString('base64')
      const created = await api<{ document: DocumentInfo }>('POST', '/api/documents', admin.token, { import: { filename: 'plan.json', base64 } })
      docs[copies] = created.document.id
      for (const u of users) await api('PUT', `/api/documents/${created.document.id}/members/${u.user.id}`, admin.token, { role: 'editor' })
    }

    await benchOpen(browser, server.url, users[0], docs[2])

    for (const [copies, label] of [
      [2, '60-item plan'],
      [10, '300-item plan'],
    ] as const) {
      for (const u of users.slice(2)) {
        const client = await connectClient({ collabUrl: collabServerUrl(server.url) }, docs[copies], u.token)
        client.provider.awareness.setLocalStateField('user', { id: u.user.id, name: u.user.displayName, color: u.user.color })
        others.push(client)
      }
      await benchKeystroke(browser, server.url, users[0], users[1], docs[copies], others, label)
      for (const c of others.splice(0)) c.close()
    }
  } finally {
    for (const c of others) c.close()
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
