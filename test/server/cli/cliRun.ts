// Runs the real CLI (`node server/cli/plan.mjs …`) in a child process, as a user would.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root, where the CLI is run from. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Exit code, stdout and stderr of one CLI run. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `plan ...args` and resolves when it exits (never rejects on a non-zero exit). */
export function runPlan(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile('node', ['server/cli/plan.mjs', ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}
