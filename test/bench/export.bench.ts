// Export of a 60-item plan to .docx in the official document layout (target: under 200 ms), as a
// function and over HTTP (request to last byte, from the server in its own process), and what a
// stream of exports does to another user's keystrokes in the same document (exports run on a worker
// thread; inline they delayed keystrokes by about one export's time). Also the 修订和批注 export
// (review=1) of a 60-item document with 40 open suggestions and 20 comment threads.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toPlanJson } from '../../shared/plan/planJson.ts'
import { exportDocx } from '../../server/export/exportDocx.ts'
import { runExportJob } from '../../server/export/exportWorkerLoop.ts'
import { largePlan } from '../server/export/fixtures.ts'
import { partsOf, reviewedLarge } from '../server/export/reviewedDoc.ts'
import { connectClient, type TestClient } from '../utils/collabClient.ts'
import { textIn } from '../utils/planText.ts'
import { startServerProcess } from '../utils/serverProcess.ts'
import { TEST_PASSWORD } from '../utils/testPassword.ts'
import { report, summarise, time } from './timing.ts'

/** Times exportDocx on a 60-item plan with its cover notice, and the same plan without it. */
async function inProcess(): Promise<void> {
  const plan = largePlan(60)
  let bytes = 0
  const withNotice = await time(
    async () => {
      bytes = (await exportDocx(plan)).byteLength
    },
    30,
    5,
  )
  report('export .docx, 60 items with notice (median)', withNotice.median, 200, `p99 ${withNotice.p99.toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB`)
  const alone = await time(() => exportDocx(plan, { notice: false }), 30, 5)
  report('export .docx, 60 items, plan alone (median)', alone.median, 200, `p99 ${alone.p99.toFixed(1)} ms`)
  // 修订和批注 (review=1) as the export worker runs it: reading the document with its marks, then the layout.
  const parts = partsOf(reviewedLarge(plan, 40, 20))
  let reviewBytes = 0
  const review = await time(
    async () => {
      reviewBytes = (await runExportJob({ parts, options: { suggestions: 'track' } })).bytes.byteLength
    },
    30,
    5,
  )
  report('export .docx 修订和批注, 60 items, 40 suggestions, 20 comments (median)', review.median, 200, `p99 ${review.p99.toFixed(1)} ms, ${(reviewBytes / 1024).toFixed(0)} KiB`)
  const clean = await time(() => runExportJob({ parts, options: {} }), 30, 5)
  report('export .docx of the same document, clean draft (median)', clean.median, 200, `p99 ${clean.p99.toFixed(1)} ms`)
}

/** Milliseconds from one client's keystroke until another client has it: one keystroke every 10 ms (a fast typist) while `more()` holds. */
async function keystrokes(a: TestClient, b: TestClient, more: () => boolean): Promise<number[]> {
  const text = textIn(a.doc, 'itemTitle', 0)
  const samples: number[] = []
  while (more()) {
    const t0 = performance.now()
    const arrived = new Promise<void>((resolve) => b.doc.once('update', () => resolve()))
    text.insert(0, '改')
    await arrived
    samples.push(performance.now() - t0)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return samples
}

/** GET /api/documents/:id/export.docx on a 60-item document, timed to the last byte; keystroke delay with and without exports running. */
async function overHttp(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-bench-export-'))
  const server = await startServerProcess({ dataDir })
  try {
    const login = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: TEST_PASSWORD }) })
    const { token } = (await login.json()) as { token: string }
    const base64 = Buffer.from(JSON.stringify(toPlanJson(largePlan(60)))).toString('base64')
    const created = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ import: { filename: 'bench.json', base64 } }),
    })
    const docId = ((await created.json()) as { document: { id: string } }).document.id
    let bytes = 0
    const get = async (): Promise<void> => {
      const res = await fetch(`${server.url}/api/documents/${docId}/export.docx`, { headers: { Authorization: `Bearer ${token}` } })
      if (res.status !== 200) throw new Error(`export answered ${res.status}`)
      bytes = (await res.arrayBuffer()).byteLength
    }
    const stored = await time(get, 30, 5)
    report('HTTP export, 60 items, stored document (median)', stored.median, 200, `p99 ${stored.p99.toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB`)

    const target = { collabUrl: server.collabUrl }
    const a = await connectClient(target, docId, token)
    const b = await connectClient(target, docId, token)
    const live = await time(get, 30, 5)
    report('HTTP export, 60 items, open in the editor (median)', live.median, 200, `p99 ${live.p99.toFixed(1)} ms`)

    let n = 0
    await keystrokes(a, b, () => n++ < 10)
    const idle = summarise(await keystrokes(a, b, () => n++ < 110))
    report('keystroke to another editor, no export running (median)', idle.median, undefined, `p99 ${idle.p99.toFixed(1)} ms`)
    // Two users exporting back to back while a third types: the worst case of a busy morning.
    const EXPORTS = 40
    let exports = 0
    const exporter = async (): Promise<void> => {
      while (exports < EXPORTS) {
        await get()
        exports++
      }
    }
    const loops = [exporter(), exporter()]
    const busy = summarise(await keystrokes(a, b, () => exports < EXPORTS))
    await Promise.all(loops)
    report('keystroke to another editor, exports back to back (median)', busy.median, 50, `p99 ${busy.p99.toFixed(1)} ms, ${busy.runs} keystrokes during ${EXPORTS} exports`)
    a.close()
    b.close()
  } finally {
    await server.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Export figures: the function, then the HTTP route against the real server. */
export async function run(): Promise<void> {
  await inProcess()
  await overHttp()
}
