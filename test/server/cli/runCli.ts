// Runs the `plan` CLI for tests: in-process through runCli (the default; a Node process per call cost
// about a second of tsx start-up), or as a real process where the process boundary is what is tested.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runCli as runInProcess } from '../../../server/cli/main.ts'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** What a run of the CLI gave. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Options of one CLI run. */
export interface CliRunOptions {
  /** Environment variables for the run (in-process: instead of the test's own environment). */
  env?: Record<string, string | undefined>
}

/** Runs `plan ARGS` in this process with captured stdout/stderr and the given stdin, as main.ts would. */
export async function runCli(args: string[], stdin?: Uint8Array | string, options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const input = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array(0))
  const code = await runInProcess(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: (async function* () {
      if (input.length) yield input
    })(),
    env: options.env ?? {},
  })
  return { code, stdout, stderr }
}

/** Runs `node server/cli/plan.mjs ARGS` from the project root as a child process, optionally feeding stdin, and waits for it to exit. */
export function runCliProcess(args: string[], stdin?: Uint8Array | string, options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...options.env }
    const child = spawn(process.execPath, ['server/cli/plan.mjs', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }))
    child.stdin.end(stdin ?? '')
  })
}
