import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { collabServerUrl } from '../../shared/api/collab.ts'
import { TEST_PASSWORD } from './testPassword.ts'

/** `npm start`'s server (server/main.ts) running in a child process. */
export interface ServerProcess {
  url: string
  collabUrl: string
  port: number
  child: ChildProcess
  /** Every line it printed (stdout and stderr). */
  output: string[]
  /** Resolves when the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends a signal and waits for the process to end. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The Node flags `npm start` runs the server with: a young generation that V8 may not shrink
 * after a quiet spell (the first seconds of typing after one scavenged 10–20 times a second), and
 * room for the old generation to double before a full collection (with V8's own factor a busy
 * server's heap crossed its limit every 6 s, each a 5–9 ms pause).
 */
export const SERVER_NODE_FLAGS: readonly string[] = JSON.parse(readFileSync(join(ROOT, 'server/nodeFlags.json'), 'utf8')) as string[]
const running = new Set<ChildProcess>()

/** Kills (SIGKILL) every server process started here that is still running; call it in afterAll. */
export function killServerProcesses(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}

/**
 * Starts server/main.ts with `node --import tsx` (one process, so SIGKILL hits the server itself)
 * on DATA_DIR, PORT (0 = free) and loopback; resolves once it listens.
 */
export function startServerProcess(options: { dataDir: string; port?: number; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(options.port ?? 0), HOST: '127.0.0.1', DATA_DIR: options.dataDir, PLAN_ADMIN_PASSWORD: TEST_PASSWORD, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  const output: string[] = []
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child)
      resolve({ code, signal })
    }),
  )
  return new Promise((resolve, reject) => {
    let buffer = ''
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8')
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        output.push(line)
        const m = /server\.listening .*port=(\d+)/.exec(line)
        if (m) {
          const port = Number(m[1])
          const url = `http://127.0.0.1:${port}`
          resolve({
            url,
            collabUrl: collabServerUrl(url),
            port,
            child,
            output,
            exited,
            kill: (signal) => {
              child.kill(signal)
              return exited
            },
          })
        }
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${output.join('\n')}`)))
  })
}
