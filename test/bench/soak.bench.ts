// Soak: 50 editors typing in one 60-item document while one user keeps importing zip bombs and
// exporting the largest plan the limits accept. Editors' propagation (one editor's keystroke to
// each of the other 49) is measured in alternating quiet and attack rounds of the same run, on
// npm start's server in a child process; its peak RSS is read from /proc.
import { spawn } from 'node:child_process'
import { setPriority } from 'node:os'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toPlanJson } from '../../shared/plan/planJson.ts'
import { DEFAULT_PLAN_LIMITS } from '../../shared/plan/limits.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { newId } from '../../shared/plan/ids.ts'
import { connectClient, type TestClient } from '../utils/collabClient.ts'
import { textIn } from '../utils/planText.ts'
import { districtSeed } from '../utils/seeds.ts'
import { killServerProcesses, startServerProcess, type ServerProcess } from '../utils/serverProcess.ts'
import { apiOf, newMember, peakRssMb, signIn } from '../server/import/underAttack.ts'
import { bombStream, buildZip, deflated, documentXml, packageParts, type RawEntry } from '../server/import/zipBombs.ts'
import { cpuSeconds } from './procStats.ts'
import { report, summarise } from './timing.ts'

const EDITORS = 50
const ROUNDS = 12
const EDITS_PER_ROUND = 100
/** Attack loops running at once, each importing and exporting back to back. */
const ATTACK_LOOPS = 2
const WARMUP_EDITS = 50

/** The district seed grown to 60 items, the size of a real plan. */
function sixtyItemPlan(): Plan {
  const plan = districtSeed()
  const items = plan.sections.flatMap((s) => s.items)
  for (let i = 0; items.length + i < 60; i++) plan.sections[i % plan.sections.length].items.push({ ...items[i % items.length], id: newId('i') })
  return plan
}

/** A plan at the limits: the most items, and nearly the most characters, the server accepts. */
export function largestPlan(): Plan {
  const plan = districtSeed()
  const perItem = Math.floor((DEFAULT_PLAN_LIMITS.totalChars * 0.95) / DEFAULT_PLAN_LIMITS.items)
  const sections = 20
  plan.sections = Array.from({ length: sections }, (_, s) => ({
    id: newId('s'),
    number: '',
    heading: `第${s + 1}部分工作任务`,
    intro: [],
    subsections: [],
    items: Array.from({ length: DEFAULT_PLAN_LIMITS.items / sections }, () => ({
      id: newId('i'),
      number: 0,
      title: '推进教育优质均衡发展。',
      body: '深化集团化办学和学区化管理，扩大优质教育资源覆盖面，'.repeat(Math.ceil(perItem / 27)).slice(0, perItem - 11),
    })),
  }))
  return plan
}

/** The bombs the attacker cycles through, each under 2 MB on the wire. */
export function bombs(): { name: string; bytes: Uint8Array }[] {
  const entry = (unit: string, total: number, declared?: number): RawEntry => {
    const { data, size } = bombStream(unit, total)
    return { name: 'word/document.xml', data, method: 8, declaredSize: declared ?? size }
  }
  const laughs = `<!DOCTYPE l [<!ENTITY a "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i || ''};`.repeat(10)}">`).join('')}]>`
  return [
    { name: 'three-million-paragraphs.docx', bytes: buildZip([...packageParts(), entry('<w:p/>', 3_000_000 * 6)]) },
    { name: 'half-gigabyte.docx', bytes: buildZip([...packageParts(), entry('<w:p/>', 500 * 1024 * 1024)]) },
    { name: 'lying-gigabyte.docx', bytes: buildZip([...packageParts(), entry('<w:p/>', 1024 * 1024 * 1024, 100 * 1024)]) },
    { name: 'laughs.docx', bytes: buildZip([...packageParts(), deflated('word/document.xml', documentXml('<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>', laughs))]) },
  ]
}

function importBody(filename: string, bytes: Uint8Array): unknown {
  return { import: { filename, base64: Buffer.from(bytes).toString('base64') } }
}

/** CPU seconds of a process's main thread alone (its event loop), from /proc/<pid>/task/<pid>/stat. */
function mainThreadCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** CPU the server's event loop, its other threads (workers, GC, I/O) and the attacker process have used so far. */
function cpuNow(serverPid: number, attackerPid: number): { loop: number; threads: number; attacker: number } {
  const loop = mainThreadCpuSeconds(serverPid)
  return { loop, threads: cpuSeconds(serverPid) - loop, attacker: cpuSeconds(attackerPid) }
}

/** The attacker process (soakAttacker.ts), driven line by line; each command resolves once acknowledged. */
interface Attacker {
  pid: number
  command(line: 'imports' | 'both' | 'pause'): Promise<void>
  /** Ends it and returns its answers by status. */
  stop(): Promise<Map<string, number>>
}

/** Starts the attacker process, paused. */
function startAttacker(server: ServerProcess, token: string, bigDocId: string): Attacker {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'soakAttacker.ts'), server.url, token, bigDocId, String(ATTACK_LOOPS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  // A real attacker's CPU is on another machine; here it shares 2 cores with the server and the 50
  // editors and uses more CPU per edit than the server's whole event loop. At the lowest priority it
  // still sends as fast as it can, but its own CPU no longer counts against the server's latency.
  // SOAK_ATTACKER_NICE=0 runs it at normal priority (the figures before 12-02 pm).
  const nice = Number(process.env.SOAK_ATTACKER_NICE ?? 19)
  if (child.pid && nice) setPriority(child.pid, nice)
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  let buffer = ''
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString()
    const parts = buffer.split('\n')
    buffer = parts.pop() ?? ''
    for (const line of parts) (waiting.shift() ?? ((l: string) => lines.push(l)))(line)
  })
  const next = (): Promise<string> => new Promise((resolve) => (lines.length ? resolve(lines.shift() ?? '') : waiting.push(resolve)))
  const send = async (line: string): Promise<void> => {
    child.stdin.write(line + '\n')
    const answer = await next()
    if (answer !== `ok ${line}`) throw new Error(`attacker answered ${answer} to ${line}`)
  }
  return {
    pid: child.pid ?? 0,
    command: send,
    async stop() {
      await send('stop')
      return new Map(Object.entries(JSON.parse(await next()) as Record<string, number>))
    },
  }
}

/** Latency in ms from one editor's keystroke to its arrival at each other editor; editors take turns. */
async function typing(editors: TestClient[], edits: number, from: number): Promise<number[]> {
  const samples: number[] = []
  for (let e = 0; e < edits; e++) {
    const sender = editors[(from + e) % editors.length]
    const receivers = editors.filter((c) => c !== sender)
    const t0 = performance.now()
    const arrivals = receivers.map((r) => new Promise<number>((resolve) => r.doc.once('update', () => resolve(performance.now() - t0))))
    textIn(sender.doc, 'itemTitle', (from + e) % 60).insert(0, '改')
    samples.push(...(await Promise.all(arrivals)))
  }
  return samples
}

/** `npx tsx test/bench/run.ts soak` */
export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-soak-'))
  const server = await startServerProcess({ dataDir })
  try {
    const api = apiOf(server.url)
    const admin = (await signIn(server.url, 'admin')).token
    const made = await api<{ document: { id: string } }>('POST', '/api/documents', { token: admin, body: importBody('plan.json', new TextEncoder().encode(JSON.stringify(toPlanJson(sixtyItemPlan())))) })
    const big = await api<{ document: { id: string } }>('POST', '/api/documents', { token: admin, body: importBody('largest.json', new TextEncoder().encode(JSON.stringify(toPlanJson(largestPlan())))) })
    if (made.status !== 201 || big.status !== 201) throw new Error(`could not create the documents: ${made.status} ${big.status}`)
    const editorToken = await newMember(server.url, admin, 'editor')
    await api('PUT', `/api/documents/${made.body.document.id}/members/${(await api<{ id: string }>('GET', '/api/me', { token: editorToken })).body.id}`, { token: admin, body: { role: 'editor' } })
    const attackerToken = await newMember(server.url, admin, 'attacker')
    await api('PUT', `/api/documents/${big.body.document.id}/members/${(await api<{ id: string }>('GET', '/api/me', { token: attackerToken })).body.id}`, { token: admin, body: { role: 'viewer' } })
    const editors: TestClient[] = []
    for (let i = 0; i < EDITORS; i++) editors.push(await connectClient({ collabUrl: server.collabUrl }, made.body.document.id, editorToken, { timeout: 30_000 }))
    await typing(editors, WARMUP_EDITS, 0)

    // Rounds alternate quiet, imports only, imports and exports, so that machine drift hits all three alike.
    const attack = startAttacker(server, attackerToken, big.body.document.id)
    const samples = { quiet: [] as number[], imports: [] as number[], both: [] as number[] }
    // CPU seconds used during each kind of round: less disturbed by a shared machine than latency.
    const cpu = { quiet: { loop: 0, threads: 0, attacker: 0 }, imports: { loop: 0, threads: 0, attacker: 0 }, both: { loop: 0, threads: 0, attacker: 0 } }
    const serverPid = server.child.pid ?? 0
    let edit = WARMUP_EDITS
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['quiet', 'imports', 'both'] as const) {
        await attack.command(kind === 'quiet' ? 'pause' : kind)
        const before = cpuNow(serverPid, attack.pid)
        samples[kind].push(...(await typing(editors, EDITS_PER_ROUND, edit)))
        const after = cpuNow(serverPid, attack.pid)
        for (const key of ['loop', 'threads', 'attacker'] as const) cpu[kind][key] += after[key] - before[key]
        edit += EDITS_PER_ROUND
      }
    }
    const answers = await attack.stop()
    for (const c of editors) c.close()

    const q = summarise(samples.quiet)
    report(`propagation to ${EDITORS - 1} editors, quiet`, q.median, undefined, `p99 ${q.p99.toFixed(1)} ms`)
    for (const [kind, label] of [
      ['imports', 'importing bombs'],
      ['both', 'importing bombs + exporting the largest plan'],
    ] as const) {
      const a = summarise(samples[kind])
      report(`propagation, one user ${label}`, a.median, undefined, `p99 ${a.p99.toFixed(1)} ms`)
      const ratio = a.p99 / q.p99
      console.log(`  p99 against quiet: ${ratio.toFixed(2)}×  (target within 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT MET'}); p50 ${(a.median / q.median).toFixed(2)}×`)
    }
    for (const kind of ['quiet', 'imports', 'both'] as const) {
      const c = cpu[kind]
      const per = (seconds: number): string => `${((seconds * 1000) / (ROUNDS * EDITS_PER_ROUND)).toFixed(1)} ms`
      console.log(`  CPU per edit, ${kind}: server event loop ${per(c.loop)}, server's other threads ${per(c.threads)}, attacker ${per(c.attacker)}`)
    }
    console.log(`${ROUNDS} rounds of ${EDITS_PER_ROUND} edits each: quiet, imports, imports + exports; ${ATTACK_LOOPS} attack loops; attacker at nice ${process.env.SOAK_ATTACKER_NICE ?? 19}`)
    console.log(`attacker's answers: ${[...answers].map(([k, n]) => `${k}: ${n}`).join(', ')}`)
    console.log(`server peak RSS (VmHWM) ${peakRssMb(server.child.pid ?? 0).toFixed(0)} MB`)
  } finally {
    await server.kill('SIGTERM')
    killServerProcesses()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
