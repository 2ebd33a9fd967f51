import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { runCli } from '../cli/runCli.ts'
import { bombStream, buildZip, deflated, documentXml, packageParts, stored } from '../import/zipBombs.ts'
import { districtSeed } from '../../utils/seeds.ts'

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-bombs-'))

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** `plan import` must end with exit 1 and exactly one Chinese line naming the limit on stderr. */
async function expectOneLine(args: string[], message: RegExp, options: { stdin?: Uint8Array; env?: Record<string, string> } = {}): Promise<void> {
  const run = await runCli(['import', ...args], options.stdin, { env: options.env })
  expect(run.code).toBe(1)
  expect(run.stdout).toBe('')
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(message)
}

describe('plan import holds files to the same limits as the server', () => {
  it('refuses a zip bomb with one line on stderr and exit 1', async () => {
    const { data, size } = bombStream('<w:p/>', 500 * 1024 * 1024)
    const bomb = file('bomb.docx', buildZip([...packageParts(), { name: 'word/document.xml', data, method: 8, declaredSize: size }]))
    await expectOneLine([bomb], /^plan: 文件解压后超过上限（64 MB）（docx-too-large）$/)
  })

  it('refuses billion laughs read from stdin', async () => {
    const xml = documentXml('<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>', '<!DOCTYPE d [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>')
    await expectOneLine(['-'], /DOCTYPE 或实体声明.*（docx-entities）$/, { stdin: buildZip([...packageParts(), deflated('word/document.xml', xml)]) })
  })

  it('refuses stdin past the file limit without reading the rest', async () => {
    await expectOneLine(['-'], /^plan: 文件太大，导入上限为 1 KB（file-too-large）$/, { stdin: new Uint8Array(64 * 1024).fill(0x61), env: { IMPORT_LIMIT_FILE_BYTES: '1024' } })
  })

  it('applies IMPORT_LIMIT_* and PLAN_LIMIT_* from the environment', async () => {
    const six = file('six.docx', buildZip([...packageParts(), stored('word/document.xml', documentXml('<w:p/>'.repeat(6)))]))
    await expectOneLine([six], /段落数超过上限（5 段）/, { env: { IMPORT_LIMIT_PARAGRAPHS: '5' } })
    const seed = file('seed.json', JSON.stringify(toPlanJson(districtSeed())))
    await expectOneLine([seed], /^plan: 要点总数超过上限（3 条）（plan-too-large）$/, { env: { PLAN_LIMIT_ITEMS: '3' } })
    expect((await runCli(['import', seed], undefined, { env: {} })).code).toBe(0)
  })
})
