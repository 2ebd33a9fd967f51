// The analysis panels in the browser: how long a checks run, an alignment and a coverage report take
// on the carried-forward district draft (30 items) and on a 60-item draft while someone types, and
// whether typing gets slower with a panel open (time of the task that handles each keystroke).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { DocumentInfo, LoginResponse } from '../../shared/api/types.ts'
import { carryForward } from '../../shared/plan/carryForward.ts'
import { newId } from '../../shared/plan/ids.ts'
import { toPlanJson } from '../../shared/plan/planJson.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { silentLog } from '../../server/log.ts'
import { startServer } from '../../server/startServer.ts'
import { launchBrowser } from '../e2e/browser.ts'
import { ensureClientBuilt } from '../e2e/clientBuild.ts'
import { districtSeed, municipalSeed } from '../utils/seeds.ts'
import { report, summarise } from './timing.ts'

const PASSWORD = 'bench-password-1'

type Api = <T>(method: string, path: string, body?: unknown) => Promise<T>

/**
 * Collects, in the page, every User Timing measure the panels record (plan-studio:*) and the time of
 * each task that handles a typed character: from its beforeinput to the end of that task (a message
 * posted at the start of the task runs after it). A string, since tsx rewrites functions' sources.
 */
const WATCH = `(() => {
  window.__measures = {}
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) (window.__measures[e.name] ||= []).push(e.duration)
  }).observe({ type: 'measure', buffered: true })
  window.__keys = []
  const channel = new MessageChannel()
  let started = 0
  channel.port1.onmessage = () => { window.__keys.push(performance.now() - started); started = 0 }
  document.addEventListener('beforeinput', () => {
    if (started) return
    started = performance.now()
    channel.port2.postMessage(0)
  }, true)
})()`

/** The district draft with every item doubled: 60 items. */
function sixtyItems(plan: Plan): Plan {
  const next = structuredClone(plan)
  for (const s of next.sections) s.items = s.items.flatMap((it) => [it, { ...it, id: newId('i'), title: it.title.replace(/。$/, '（二）。') }])
  return next
}

async function importPlan(api: Api, plan: Plan, extra: Record<string, string> = {}): Promise<DocumentInfo> {
  const base64 = Buffer.from(JSON.stringify(toPlanJson(plan))).toString('base64')
  const created = await api<{ document: DocumentInfo }>('POST', '/api/documents', { import: { filename: 'plan.json', base64 }, ...extra })
  return created.document
}

/** Types `rounds` bursts of characters into item 7's lead sentence, pausing after each so the panels analyse. */
async function typeBursts(page: Page, rounds: number): Promise<void> {
  await page.locator('[data-type=item-title]', { hasText: '落实“双减”实施意见' }).first().click()
  await page.keyboard.press('End')
  for (let i = 0; i < rounds; i++) {
    await page.keyboard.type('加强统筹确保落实', { delay: 40 })
    await page.waitForTimeout(700)
  }
}

async function session(browser: Browser, url: string, login: LoginResponse, docId: string, tab: 'checks' | 'align' | null): Promise<{ measures: Record<string, number[]>; keys: number[] }> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 } })
  await context.addInitScript((s) => {
    localStorage.setItem('plan-studio/session', s)
  }, JSON.stringify(login))
  await context.addInitScript((panel) => sessionStorage.setItem('plan-studio/panel', panel), tab ? 'open' : 'closed')
  await context.addInitScript(WATCH)
  const page = await context.newPage()
  await page.goto(`/documents/${docId}`)
  await page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
  if (tab) {
    await page.getByTestId(`side-tab-${tab}`).click()
    await page.getByTestId(tab === 'checks' ? 'checks-timing' : 'alignment-timing').waitFor({ timeout: 15_000 })
  }
  await typeBursts(page, 12)
  const measures = await page.evaluate<Record<string, number[]>>('window.__measures')
  const keys = await page.evaluate<number[]>('window.__keys')
  await context.close()
  return { measures, keys }
}

function line(name: string, samples: number[] | undefined, target?: number): void {
  if (!samples?.length) {
    report(name, Number.NaN, target, 'no samples')
    return
  }
  // The first run is cold (code not yet optimised, targets not cached); report it apart.
  const [first, ...rest] = samples
  const s = summarise(rest.length ? rest : samples)
  report(name, s.median, target, `max ${Math.max(...(rest.length ? rest : samples)).toFixed(1)} ms, first run ${first.toFixed(1)} ms, ${s.runs} runs`)
}

async function benchDocument(browser: Browser, url: string, login: LoginResponse, docId: string, label: string): Promise<void> {
  const plain = await session(browser, url, login, docId, null)
  const checks = await session(browser, url, login, docId, 'checks')
  const align = await session(browser, url, login, docId, 'align')
  line(`${label}: read plan from editor (pmToPlan)`, checks.measures['plan-studio:read-plan'])
  line(`${label}: all checks (with prior + municipal)`, checks.measures['plan-studio:checks'], 10)
  line(`${label}: alignment with 18 municipal items`, align.measures['plan-studio:align'], 30)
  line(`${label}: coverage report`, align.measures['plan-studio:coverage'])
  for (const [name, run] of [
    ['no panel', plain],
    ['检查 open', checks],
    ['对标 open', align],
  ] as const) {
    const s = summarise(run.keys)
    report(`${label}: keystroke task, ${name} (p50)`, s.median, undefined, `p99 ${s.p99.toFixed(1)} ms, ${s.runs} keys`)
  }
}

/** Prints the in-browser figures of the analysis panels. */
export async function run(): Promise<void> {
  await ensureClientBuilt()
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-bench-panels-'))
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', seed: false, adminPassword: PASSWORD, log: silentLog })
  const browser = await launchBrowser()
  try {
    const res = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: PASSWORD }) })
    const login = (await res.json()) as LoginResponse
    const api: Api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const r = await fetch(server.url + path, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${login.token}` }, body: body === undefined ? undefined : JSON.stringify(body) })
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
      return (await r.json()) as T
    }
    const seed = districtSeed()
    const prior = await importPlan(api, seed)
    const municipal = await importPlan(api, municipalSeed())
    const links = { priorId: prior.id, municipalId: municipal.id }
    const draft = await importPlan(api, carryForward(seed), links)
    const big = await importPlan(api, sixtyItems(carryForward(seed)), links)
    await benchDocument(browser, server.url, login, draft.id, 'draft 30 items')
    await benchDocument(browser, server.url, login, big.id, 'draft 60 items')
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
