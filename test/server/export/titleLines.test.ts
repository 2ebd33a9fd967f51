import { describe, expect, it } from 'vitest'
import { textWidth } from '../../../server/export/textWidth.ts'
import { TITLE_LINE_EMS, titleLines } from '../../../server/export/titleLines.ts'

const LONG = [
  '上海市闵行区教育局关于进一步加强中小学校园安全管理和学生心理健康教育工作的实施意见及配套措施的通知',
  '关于印发《闵行区关于推进紧密型学区和集团建设的三年行动计划（2021—2023年）》的通知',
  '上海市闵行区教育局关于进一步加强中小学校园安全管理和学生心理健康教育工作以及推进紧密型学区集团建设和智慧教育示范区创建工作的实施意见及配套措施的通知',
]

describe('titleLines', () => {
  it('keeps a title that fits one line of 2号 characters on one line', () => {
    expect(titleLines('2024年上海市教育委员会工作要点')).toEqual(['2024年上海市教育委员会工作要点'])
    expect(titleLines('')).toEqual([])
  })

  it('breaks a notice title after the period rather than inside the name', () => {
    expect(titleLines('关于印发《2021年下半年闵行教育工作要点》的通知')).toEqual(['关于印发《2021年下半年', '闵行教育工作要点》的通知'])
  })

  it('breaks before 工作要点 after the issuer when that is the natural point', () => {
    expect(titleLines('关于印发《2024年上海市教育委员会工作要点》的通知')).toEqual(['关于印发《2024年上海市教育委员会', '工作要点》的通知'])
  })

  it('never breaks inside a word of a long title, and every line fits the text block', () => {
    const lines = titleLines(LONG[0])
    expect(lines.join('')).toBe(LONG[0])
    expect(lines).toEqual(['上海市闵行区教育局', '关于进一步加强中小学校园安全管理', '和学生心理健康教育工作的', '实施意见及配套措施的通知'])
    for (const title of LONG) for (const line of titleLines(title)) expect(textWidth(line)).toBeLessThanOrEqual(TITLE_LINE_EMS)
  })

  it('shapes long titles as a trapezoid or diamond, never an hourglass', () => {
    for (const title of LONG) {
      const widths = titleLines(title).map(textWidth)
      expect(widths.length).toBeGreaterThan(1)
      for (let i = 1; i < widths.length - 1; i++) expect(widths[i] < widths[i - 1] && widths[i] < widths[i + 1]).toBe(false)
    }
  })

  it('never splits a number or starts a line with a closing mark', () => {
    for (const title of LONG) {
      const lines = titleLines(title)
      for (let i = 1; i < lines.length; i++) {
        expect(lines[i]).not.toMatch(/^[、，。：；！？）》”]/)
        expect(lines[i - 1].slice(-1) + lines[i][0]).not.toMatch(/^\d\d$/)
        expect(lines[i - 1]).not.toMatch(/[（《“]$/)
      }
    }
  })

  it('splits a title of characters outside the BMP without cutting a surrogate pair', () => {
    const title = '𠀀😀'.repeat(15)
    const lines = titleLines(title)
    expect(lines.join('')).toBe(title)
    for (const line of lines) expect(line).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/)
  })

  it('breaks after the issuer even when a bidi control or combining mark belongs to its last character', () => {
    const plain = titleLines(LONG[0])
    const isolated = titleLines(`\u2067${LONG[0].replace('教育局', '教育局\u2069')}`)
    expect(isolated.map((l) => l.replace(/[\u2067\u2069]/g, ''))).toEqual(plain)
  })
})

describe('a title that only just fills one line', () => {
  it('is shaped over two lines at a natural break, so no character is left alone on the second (…的通 / 知)', () => {
    expect(titleLines('关于印发《2025年某区教育工作要点》的通知')).toEqual(['关于印发《2025年某区教育', '工作要点》的通知'])
  })
})
