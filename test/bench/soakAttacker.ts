// The soak bench's attacker, in a process of its own (as a real one would be, so that its client
// work does not slow the editors measured in the bench process): imports bombs and, with --exports,
// exports the largest plan after every fourth, LOOPS at once, from READY until stdin closes; then
// prints the answers it got by status as one JSON line.
import { bombs } from './soak.bench.ts'

const [url, token, bigDocId, mode, loopsArg] = process.argv.slice(2)
const bodies = bombs().map((b) => JSON.stringify({ import: { filename: b.name, base64: Buffer.from(b.bytes).toString('base64') } }))
const counts: Record<string, number> = {}
const count = (key: string): void => void (counts[key] = (counts[key] ?? 0) + 1)
let stopped = false

async function loop(): Promise<void> {
  for (let i = 0; !stopped; i++) {
    const res = await fetch(`${url}/api/documents`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: bodies[i % bodies.length] })
    await res.arrayBuffer()
    count(`import ${res.status}`)
    if (mode === '--exports' && i % 4 === 3) {
      const exported = await fetch(`${url}/api/documents/${bigDocId}/export.docx?notice=0`, { headers: { Authorization: `Bearer ${token}` } })
      const bytes = (await exported.arrayBuffer()).byteLength
      count(`export ${exported.status}${exported.ok ? ` (${(bytes / 1024).toFixed(0)} KB)` : ''}`)
    }
  }
}

process.stdin.on('close', () => (stopped = true))
process.stdin.resume()
process.stdout.write('READY\n')
await Promise.all(Array.from({ length: Number(loopsArg) || 1 }, loop))
process.stdout.write(JSON.stringify(counts) + '\n')
