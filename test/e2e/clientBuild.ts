import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
const DIST_INDEX = join(ROOT, 'dist/index.html')
const LOCK = join(ROOT, 'dist.build-lock')

function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

function builtAt(): number {
  try {
    return statSync(DIST_INDEX).mtimeMs
  } catch {
    return 0
  }
}

/**
 * Builds the client into dist/ (where the server serves it from) unless the build is newer than
 * every file in client/ and shared/. Test files run in parallel processes, so a lock folder makes
 * one build and the others wait for it.
 */
export async function ensureClientBuilt(): Promise<void> {
  const fresh = (): boolean => builtAt() > Math.max(newest(join(ROOT, 'client')), newest(join(ROOT, 'shared')))
  if (fresh()) return
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      // A lock left by a killed run is older than any real build takes.
      const stamp = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs
      if (stamp !== undefined && Date.now() - stamp > 90_000) rmSync(LOCK, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error('waited too long for another client build')
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  try {
    if (!fresh()) await productionBuild()
  } finally {
    rmdirSync(LOCK)
  }
}

/**
 * The build `npm run build` makes: vitest runs with NODE_ENV=test, and Vite then builds React's
 * development bundle (StrictMode's doubled effects and dev-only warnings), which is not what users
 * or CI's own build serve.
 */
async function productionBuild(): Promise<void> {
  const before = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' })
  } finally {
    process.env.NODE_ENV = before
  }
}
