import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** What a run of the real CLI gave. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node server/cli/plan.mjs ARGS` from the project root, optionally feeding stdin, and waits for it to exit. */
export function runCli(args: string[], stdin?: Uint8Array | string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/cli/plan.mjs', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }))
    child.stdin.end(stdin ?? '')
  })
}
