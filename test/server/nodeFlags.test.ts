import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../utils/serverProcess.ts'

const ROOT = new URL('../../', import.meta.url)

describe('the Node flags the server runs with', () => {
  it('are all on npm start’s command line', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { scripts: { start: string } }
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0)
    for (const flag of SERVER_NODE_FLAGS) expect(pkg.scripts.start.split(' ')).toContain(flag)
  })

  it('are accepted by this Node and give a young generation of at least 16 MiB from the start', () => {
    const script = "const s = require('node:v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space'); console.log(s.space_size)"
    const withFlags = Number(execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', script], { encoding: 'utf8' }))
    const without = Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))
    expect(withFlags).toBeGreaterThanOrEqual(16 * 1024 * 1024)
    expect(without).toBeLessThan(withFlags)
  })
})
