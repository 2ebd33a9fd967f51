import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { silentLog } from '../../server/log.ts'
import { startServer } from '../../server/startServer.ts'

describe('limits read from the environment', () => {
  it('stop the server at start, naming the variable, when a value is not a positive whole number', async () => {
    for (const [name, value] of [
      ['PLAN_LIMIT_ITEMS', 'many'],
      ['IMPORT_LIMIT_PARAGRAPHS', '-3'],
    ]) {
      const dataDir = mkdtempSync(join(tmpdir(), 'plan-config-'))
      process.env[name] = value
      try {
        await expect(startServer({ dataDir, port: 0, host: '127.0.0.1', log: silentLog, seed: false })).rejects.toThrow(name)
      } finally {
        delete process.env[name]
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
  })
})
