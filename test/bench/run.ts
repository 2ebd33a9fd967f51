// `npm run bench`: runs every test/bench/*.bench.ts in name order; each prints its own figures.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
let failed = 0
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`)
  try {
    const mod = (await import(join(here, file))) as { run: () => Promise<void> }
    await mod.run()
  } catch (err) {
    failed++
    console.error(`bench ${file} failed: ${(err as Error).stack ?? String(err)}`)
  }
}
// Exit explicitly: after the server bench has printed everything, handles it does not own (left by
// its baselines or their clients) keep the process alive, and a bench that never ends blocks the
// next command.
process.exit(failed ? 1 : 0)
