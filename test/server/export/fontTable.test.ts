import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { FONT_FALLBACKS } from '../../../server/export/fontTable.ts'
import { childrenNamed, descendants, parseXml } from '../../../server/import/docx/xmlTree.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { subsectionPlan } from './fixtures.ts'

/** Fonts Windows ships with every Chinese installation (under the names GDI knows them by). */
const WINDOWS_FONTS = ['仿宋', '楷体', '黑体', 'SimHei', '宋体', 'SimSun', 'FangSong', 'KaiTi']

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes)
  const out: Record<string, string> = {}
  for (const path of Object.keys(zip.files)) if (path.endsWith('.xml')) out[path] = await zip.file(path)!.async('string')
  return out
}

describe('font table', () => {
  it('lists every typeface the export uses with a stand-in, the GB2312 charset and metrics', async () => {
    for (const plan of [districtSeed(), subsectionPlan()]) {
      const xml = await parts(await exportDocx(plan))
      const used = new Set<string>()
      for (const [path, text] of Object.entries(xml)) {
        if (!/^word\/(document|styles|footer\d+)\.xml$/.test(path)) continue
        for (const f of descendants(parseXml(text).root, 'w:rFonts')) for (const slot of ['w:ascii', 'w:hAnsi', 'w:eastAsia']) if (f.attrs[slot]) used.add(f.attrs[slot])
      }
      expect([...used].sort()).toEqual(['仿宋_GB2312', '宋体', '方正小标宋简体', '楷体_GB2312', '黑体'].sort())
      const table = childrenNamed(parseXml(xml['word/fontTable.xml']).root, 'w:font')
      for (const name of used) {
        const font = table.find((f) => f.attrs['w:name'] === name)
        expect(font, name).toBeDefined()
        const value = (tag: string): string | undefined => font && childrenNamed(font, tag)[0]?.attrs['w:val']
        expect(value('w:charset'), name).toBe('86')
        expect(value('w:panose1'), name).toMatch(/^[0-9A-F]{20}$/)
        expect(value('w:altName'), name).toBe(FONT_FALLBACKS[name].altName)
      }
    }
  })

  it('falls back from the GB2312 fonts of GB/T 9704 to the fonts every Chinese Windows has', () => {
    expect(FONT_FALLBACKS['仿宋_GB2312'].altName).toBe('仿宋')
    expect(FONT_FALLBACKS['楷体_GB2312'].altName).toBe('楷体')
    for (const name of ['仿宋_GB2312', '楷体_GB2312', '黑体', '宋体']) expect(WINDOWS_FONTS, name).toContain(FONT_FALLBACKS[name].altName)
  })

  it('writes the font table as a well-formed part the package declares, also without the notice', async () => {
    const xml = await parts(await exportDocx(districtSeed(), { notice: false }))
    expect(() => parseXml(xml['word/fontTable.xml'])).not.toThrow()
    expect(xml['[Content_Types].xml']).toContain('/word/fontTable.xml')
  })
})
