// Whether tests that need an outside program (LibreOffice, poppler-utils, Chromium) run. Outside CI a
// missing program skips them with a reason; under CI=true it fails them, so a CI image without the
// program can never pass by skipping.
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

type Env = Readonly<Record<string, string | undefined>>

/** True when running in CI: CI set to anything but "", "0" or "false". */
export function inCi(env: Env = process.env): boolean {
  const ci = (env.CI ?? '').trim().toLowerCase()
  return ci !== '' && ci !== '0' && ci !== 'false'
}

/** Path of an executable program on PATH, or undefined. */
export function onPath(program: string, env: Env = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, program)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not in this directory
    }
  }
  return undefined
}

/**
 * The decision for tests that need `programs`: undefined when all are installed (run them); the
 * reason to skip when some are missing outside CI; throws under CI=true when some are missing.
 */
export function toolsMissing(programs: string[], install: string, what: string, env: Env = process.env): string | undefined {
  const missing = programs.filter((p) => !onPath(p, env))
  if (!missing.length) return undefined
  const reason = `${what}: ${missing.join(', ')} not installed (${install})`
  if (inCi(env)) throw new Error(`${reason}; CI=true, so this fails instead of skipping`)
  return `${reason}; skipped`
}

/** Path of a program tests cannot do without (skipping is never right for them): throws with the install command when missing. */
export function requireTool(program: string, install: string, env: Env = process.env): string {
  const path = onPath(program, env)
  if (!path) throw new Error(`${program} is not installed (${install})`)
  return path
}
