import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { PlanError } from '../../../../shared/plan/errors.ts'
import { importDocx } from '../../../../server/import/docx.ts'
import { DEFAULT_IMPORT_LIMITS } from '../../../../server/import/importLimits.ts'
import { readZip } from '../../../../server/import/docx/readZip.ts'
import { bombStream, buildZip, deflated, documentXml, packageParts, stored, type RawEntry } from '../zipBombs.ts'

const PARAGRAPH = '<w:p><w:r><w:t>一、加强党的建设</w:t></w:r></w:p>'

function refusal(fn: () => unknown): PlanError {
  try {
    fn()
  } catch (err) {
    if (err instanceof PlanError) return err
    throw err
  }
  throw new Error('no PlanError thrown')
}

function bombEntry(name: string, unit: string, totalBytes: number, declaredSize?: number): RawEntry {
  const { data, size } = bombStream(unit, totalBytes)
  return { name, data, method: 8, declaredSize: declaredSize ?? size }
}

describe('readZip', () => {
  it('reads an honest package made by hand, stored and deflated entries alike', async () => {
    const bytes = buildZip([...packageParts(), deflated('word/document.xml', documentXml(PARAGRAPH))])
    const files = readZip(bytes, DEFAULT_IMPORT_LIMITS)
    expect(new TextDecoder().decode(files.get('word/document.xml'))).toContain('加强党的建设')
    const result = await importDocx(bytes)
    expect(result.plan.sections[0].heading).toBe('加强党的建设')
  })

  it('builds bomb streams that really inflate to what they claim', () => {
    const { data, size } = bombStream('<w:p/>', 3 * 1024 * 1024)
    expect(inflateRawSync(data).length).toBe(size)
  })

  it('refuses one entry declared at 500 MB before inflating it', () => {
    const err = refusal(() => readZip(buildZip([...packageParts(), bombEntry('word/document.xml', '<w:p/>', 500 * 1024 * 1024)]), DEFAULT_IMPORT_LIMITS))
    expect(err.code).toBe('docx-too-large')
    expect(err.message).toContain('解压后超过上限（64 MB）')
  })

  it('refuses a zip of 20,000 entries by counting the directory', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => stored(`word/media/x${i}.xml`, '<a/>'))
    const err = refusal(() => readZip(buildZip([...packageParts(), ...many]), DEFAULT_IMPORT_LIMITS))
    expect(err.code).toBe('docx-too-large')
    expect(err.message).toBe('文件中的条目数（20002 个）超过上限（1000 个）')
  })

  it('refuses an entry that inflates more than 100 times, even within the size limits', () => {
    const err = refusal(() => readZip(buildZip([...packageParts(), bombEntry('word/document.xml', '<w:p/>', 15 * 1024 * 1024)]), DEFAULT_IMPORT_LIMITS))
    expect(err.message).toContain('压缩比超过上限（100 倍）')
  })

  it('refuses one XML part over its own size limit', () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, xmlPartBytes: 1024 }
    const err = refusal(() => readZip(buildZip([...packageParts(), stored('word/document.xml', documentXml(PARAGRAPH.repeat(100)))]), limits))
    expect(err.message).toMatch(/word\/document\.xml 解压后为 .*超过单个部件的上限（1 KB）/)
  })

  it('stops an entry whose header lies about its size at the declared size (1 GB of data declared as 100 KB)', () => {
    const before = process.memoryUsage().rss
    const err = refusal(() => readZip(buildZip([...packageParts(), bombEntry('word/document.xml', '<w:p/>', 1024 * 1024 * 1024, 100 * 1024)]), DEFAULT_IMPORT_LIMITS))
    expect(err.code).toBe('docx-too-large')
    expect(err.message).toContain('比声明的大小（100 KB）更大')
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it('refuses encrypted, truncated and unknown-method entries as damaged, not with a crash', () => {
    const good = deflated('word/document.xml', documentXml(PARAGRAPH))
    expect(refusal(() => readZip(buildZip([...packageParts(), { ...good, method: 12 as 8 }]), DEFAULT_IMPORT_LIMITS)).code).toBe('docx-damaged')
    const whole = buildZip([...packageParts(), good])
    expect(refusal(() => readZip(whole.subarray(0, whole.length - 30), DEFAULT_IMPORT_LIMITS)).code).toMatch(/not-a-docx|docx-damaged/)
    const lying = { ...good, data: good.data.subarray(0, 5) }
    expect(refusal(() => readZip(buildZip([...packageParts(), lying]), DEFAULT_IMPORT_LIMITS)).code).toBe('docx-damaged')
  })
})
