import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../server/export/writeFileAtomic.ts'

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    const path = join(dir, 'a.docx')
    await writeFileAtomic(path, new TextEncoder().encode('first'))
    writeFileSync(join(dir, 'other'), 'x')
    await writeFileAtomic(path, new TextEncoder().encode('second'))
    expect(readFileSync(path, 'utf8')).toBe('second')
    expect(readdirSync(dir).sort()).toEqual(['a.docx', 'other'])
  })

  it('fails without touching the target or leaving a temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    mkdirSync(join(dir, 'b.docx'))
    await expect(writeFileAtomic(join(dir, 'b.docx'), new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'EISDIR' })
    expect(readdirSync(dir)).toEqual(['b.docx'])
    await expect(writeFileAtomic(join(dir, 'missing', 'c.docx'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
