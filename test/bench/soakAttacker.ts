// The soak bench's attacker, in a process of its own (as a real one would be, so that its client
// work does not slow the editors measured in the bench process). Reads one command a line on stdin:
// `imports` (import bombs back to back), `both` (also export the largest plan back to back, in loops
// of their own: the server holds a refused import for a second, and exports are not rate-limited), `pause` (answers once in-flight requests are done), `stop` (prints the answers it got
// by status as one JSON line and exits). Each command is acknowledged with `ok <command>`.
import { createInterface } from 'node:readline'
import { bombs } from './soak.bench.ts'

const [url, token, bigDocId, loopsArg] = process.argv.slice(2)
// The route the browser's 导入 dialog uses: the file itself as the body, its name in the query.
const uploads = bombs().map((b) => ({ path: `/api/documents/import?filename=${encodeURIComponent(b.name)}`, body: Buffer.from(b.bytes) }))
const counts: Record<string, number> = {}
const count = (key: string): void => void (counts[key] = (counts[key] ?? 0) + 1)
let mode: 'imports' | 'both' | 'pause' = 'pause'
let running: Promise<unknown> = Promise.resolve()

async function loop(): Promise<void> {
  for (let i = 0; mode !== 'pause'; i++) {
    // The server may refuse and close the connection before the body is sent (429, 503): a real
    // attacker simply goes on, so a reset counts as an answer, not as the end of the attack.
    const upload = uploads[i % uploads.length]
    const status = await fetch(url + upload.path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body: upload.body }).then(
      async (res) => (await res.arrayBuffer(), String(res.status)),
      () => 'connection closed',
    )
    count(`import ${status}`)
  }
}

/** Exports the largest plan back to back while the mode is `both`. */
async function exportLoop(): Promise<void> {
  while (mode === 'both') {
    const exported = await fetch(`${url}/api/documents/${bigDocId}/export.docx?notice=0`, { headers: { Authorization: `Bearer ${token}` } })
    const bytes = (await exported.arrayBuffer()).byteLength
    count(`export ${exported.status}${exported.ok ? ` (${(bytes / 1024).toFixed(0)} KB)` : ''}`)
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const command = line.trim()
  if (command === 'imports' || command === 'both') {
    const was = mode
    mode = command
    const loops = Number(loopsArg) || 1
    const started = [...(was === 'pause' ? Array.from({ length: loops }, loop) : []), ...(command === 'both' && was !== 'both' ? Array.from({ length: loops }, exportLoop) : [])]
    if (started.length) running = Promise.all([running, ...started])
  } else if (command === 'pause' || command === 'stop') {
    mode = 'pause'
    await running
  }
  process.stdout.write(`ok ${command}\n`)
  if (command === 'stop') break
}
process.stdout.write(JSON.stringify(counts) + '\n')
process.exit(0)
