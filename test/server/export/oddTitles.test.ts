import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { exportInWorker } from '../../../server/export/exportInWorker.ts'
import { exportFilename } from '../../../server/export/exportFilename.ts'
import { clipTitle, PRINTED_TITLE_CHARS } from '../../../server/export/printablePlan.ts'
import { textWidth } from '../../../server/export/textWidth.ts'
import { TITLE_FILL_EMS, TITLE_LINE_EMS, titleLines } from '../../../server/export/titleLines.ts'
import { parseXml, type XmlElement } from '../../../server/import/docx/xmlTree.ts'
import { reviewFilename } from '../../../server/review/reviewFilename.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { item, plan, section } from './fixtures.ts'
import { longItemsPlan, manyItemsPlan } from './largestPlans.ts'

/** Titles an attacker (or a broken paste) can send: each used to loop, grow memory without end or answer 500. */
const ODD_TITLES: Record<string, string> = {
  spacesOnly: ' '.repeat(10_000),
  ideographicSpaces: '\u3000'.repeat(1_000),
  spacesBetween: `教育${' '.repeat(50_000)}工作要点`,
  combiningMarks: `工${'\u0301'.repeat(10_000)}作要点`,
  marksOnly: '\u0301'.repeat(10_000),
  bidiIsolates: '\u2067工作要点\u2069'.repeat(500),
  bidiControlsOnly: '\u2066\u2067\u2068\u2069\u202e'.repeat(2_000),
  emoji: '😀'.repeat(2_000),
  joinedEmoji: '👨‍👩‍👧‍👦'.repeat(500),
  flags: '🇨🇳'.repeat(500),
  hanRun: '教'.repeat(20_000),
  asciiRun: 'a'.repeat(20_000),
  openingMarks: '《'.repeat(5_000),
  nestedBrackets: `${'('.repeat(20_000)}教${')'.repeat(20_000)}`,
  dots: `${'.'.repeat(100_000)}x`,
  megabyte: '教育工作要点，'.repeat(150_000),
  loneSurrogates: '工作\ud800要点\udc00计划',
  controls: '控制\u0001字符\u000b\u0000计划\ufffe',
}

function all(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)])
}

/** The printed title of an export: the text of its first paragraph, lines joined. */
async function printedTitle(bytes: Uint8Array): Promise<string> {
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? ''
  const first = all(parseXml(xml).root, 'w:p')[0]
  return all(first, 'w:t')
    .map((t) => t.text)
    .join('')
}

const withTitle = (title: string): Plan => plan({ title, sections: [section('总体要求', [item('落实任务。', '完成目标。')])] })
const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

describe('titleLines on odd titles', () => {
  it('shapes every odd title into lines that fit the text block, dropping no printed character of a title of printable length', () => {
    for (const [name, title] of Object.entries(ODD_TITLES)) {
      const lines = titleLines(title)
      for (const line of lines) expect(textWidth(line), name).toBeLessThanOrEqual(TITLE_LINE_EMS)
      const printed = title.replace(/\s+/g, ' ').trim()
      if (printed.length <= PRINTED_TITLE_CHARS) expect(lines.join('').replace(/\s/g, ''), name).toBe(title.replace(/\s/g, ''))
      else expect(lines.join('').replace(/\s/g, ''), name).toBe(clipTitle(printed).replace(/\s/g, ''))
    }
  })

  it('prints a title of spaces as no title at all', () => {
    expect(titleLines(ODD_TITLES.spacesOnly)).toEqual([])
    expect(titleLines(ODD_TITLES.ideographicSpaces)).toEqual([])
  })

  it('keeps combining marks and joined emoji on their character and flags in pairs', () => {
    const marked = `工${'\u0301'.repeat(30)}作${'\u20dd'.repeat(30)}要点`
    expect(titleLines(marked)).toEqual([marked])
    // 10,000 marks are past any title limit: cut, but still on their character, on one line.
    expect(titleLines(ODD_TITLES.combiningMarks)).toEqual([`工${'\u0301'.repeat(PRINTED_TITLE_CHARS - 3)}…`])
    // 500 families are past the printed length too: the cut falls between two of them.
    for (const line of titleLines(ODD_TITLES.joinedEmoji)) expect(line).toMatch(/^(👨‍👩‍👧‍👦)+…?$/u)
    for (const line of titleLines(ODD_TITLES.flags)) expect(line).toMatch(/^(🇨🇳)+$/u)
  })

  it('cuts a run with no allowed break where the line is full', () => {
    const lines = titleLines(ODD_TITLES.openingMarks)
    expect(lines.slice(0, -1).every((l) => textWidth(l) === TITLE_FILL_EMS)).toBe(true)
    expect(titleLines(ODD_TITLES.asciiRun)[0]).toHaveLength(TITLE_FILL_EMS * 2)
  })
})

describe('export of plans with odd titles', () => {
  it('exports every odd title as a well-formed .docx whose title carries no character XML forbids', async () => {
    for (const [name, title] of Object.entries(ODD_TITLES)) {
      const printed = await printedTitle(await exportDocx(withTitle(title)))
      expect(printed, name).not.toMatch(BAD)
      expect(printed.length, name).toBeLessThanOrEqual(PRINTED_TITLE_CHARS)
    }
  })

  it('shows a lost half of a character as U+FFFD and drops control characters', async () => {
    expect(await printedTitle(await exportDocx(withTitle(ODD_TITLES.loneSurrogates)))).toBe('工作\ufffd要点\ufffd计划')
    expect(await printedTitle(await exportDocx(withTitle(ODD_TITLES.controls)))).toBe('控制字符计划')
  })

  it('cuts a title far past the plan limits with an ellipsis instead of printing pages of it', async () => {
    const printed = await printedTitle(await exportDocx(withTitle(ODD_TITLES.megabyte)))
    expect(printed.length).toBe(PRINTED_TITLE_CHARS)
    expect(printed.endsWith('…')).toBe(true)
  })

  it('names the download of every odd title in a form an HTTP header can carry', () => {
    for (const [name, title] of Object.entries(ODD_TITLES)) {
      for (const filename of [exportFilename(title), exportFilename(title, title), reviewFilename(title)]) {
        expect(() => encodeURIComponent(filename), name).not.toThrow()
        expect(Array.from(filename).length, name).toBeLessThanOrEqual(100)
      }
    }
  })

  it('exports the largest plans the content limits accept, and odd titles, on the worker while the process stays under 1 GB', async () => {
    const before = process.memoryUsage().rss
    let peak = before
    for (const make of [manyItemsPlan, longItemsPlan]) {
      const bytes = await exportInWorker(make())
      expect((await JSZip.loadAsync(bytes)).file('word/document.xml')).not.toBeNull()
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    for (const title of Object.values(ODD_TITLES)) {
      await exportInWorker(withTitle(title))
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    console.log(`rss before ${Math.round(before / 1e6)} MB, peak ${Math.round(peak / 1e6)} MB`)
    expect(peak).toBeLessThan(1024 * 1024 * 1024)
  }, 120_000)
})
