// A throwaway redis-server for tests: Debian's package, no persistence (`--save '' --appendonly no`),
// a free loopback port. Never skipped: a machine without redis-server fails with the install command.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { atFileEnd } from './fileEnd.ts'
import { freePort } from './postgres.ts'

/** The command that installs what these tests need (also in .ci/run). */
export const REDIS_INSTALL = 'apt-get update && apt-get install -y redis-server'

/** A running test redis-server. */
export interface TestRedis {
  /** redis://127.0.0.1:port */
  url: string
  port: number
  /** Stops it (SIGKILL: nothing to keep); also done after the file. */
  stop(): Promise<void>
}

/** Starts redis-server on a free loopback port and resolves once it accepts connections; throws with the install command when it cannot. */
export async function startRedis(): Promise<TestRedis> {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p))
  if (!bin) throw new Error(`redis-server is not installed (${REDIS_INSTALL}); the cluster tests need a real server and never skip`)
  let lastError = ''
  // A free port can be taken between finding and binding it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const ready = await waitReady(child)
    if (ready === true) return track(child, port)
    lastError = ready
    child.kill('SIGKILL')
  }
  throw new Error(`redis-server did not start (${REDIS_INSTALL}): ${lastError}`)
}

/** Resolves true once redis-server says it accepts connections, or with its output when it exits first. */
function waitReady(child: ChildProcess): Promise<true | string> {
  return new Promise((resolve) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      if (output.includes('Ready to accept connections')) resolve(true)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('error', (err) => resolve(`${err.message}\n${output}`))
    child.once('exit', (code) => resolve(`exited with ${code}\n${output.slice(-2000)}`))
  })
}

function track(child: ChildProcess, port: number): TestRedis {
  const killOnExit = (): void => void child.kill('SIGKILL')
  process.once('exit', killOnExit)
  let stopping: Promise<void> | undefined
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop() {
      return (stopping ??= (async () => {
        process.off('exit', killOnExit)
        if (child.exitCode !== null || child.signalCode !== null) return
        const exited = new Promise<void>((r) => child.once('exit', () => r()))
        child.kill('SIGKILL')
        await exited
      })())
    },
  }
  // Benches (outside vitest) stop what they start themselves.
  if (process.env.VITEST) atFileEnd(() => redis.stop())
  return redis
}
