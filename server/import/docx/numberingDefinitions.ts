import type { StyleNumbering } from './styleNumbering.ts'
import { child, childrenNamed, val, type XmlElement } from './xmlTree.ts'

/** One level (w:lvl) of a list: how its counter starts and how its number is written. */
export interface LevelDef {
  start: number
  /** w:numFmt, e.g. decimal, chineseCounting, ideographTraditional, bullet. */
  numFmt: string
  /** w:lvlText, e.g. "%1、", "（%1）", "%1.". */
  lvlText: string
  /** w:lvlRestart: 0 = never restart; n = restart after a level 1…n (1-based) is used; absent = after any higher level. */
  restart?: number
  /** w:isLgl: every number in this level's text is written in decimal. */
  isLgl: boolean
  /** w:pStyle: the paragraph style that uses this level. */
  pStyle?: string
}

/** A concrete list (w:num): its abstract numbering and per-level overrides. */
export interface NumDef {
  /** The abstract numbering whose counters it shares, after following w:numStyleLink. */
  abstractId: string
  /** w:lvlOverride by level: a restart value (w:startOverride) and/or a replaced level definition. */
  overrides: Map<number, { start?: number; level?: LevelDef }>
}

/** Everything numbering.xml defines. */
export interface NumberingDefs {
  nums: Map<string, NumDef>
  abstracts: Map<string, Map<number, LevelDef>>
  /** Paragraph style id → the level of its list that names it in w:pStyle. */
  styleLevels: Map<string, number>
}

/** Reads numbering.xml (absent part: no lists). w:numStyleLink is followed through the numbering styles of styles.xml. */
export function readNumbering(root: XmlElement | undefined, styles: StyleNumbering): NumberingDefs {
  const abstracts = new Map<string, Map<number, LevelDef>>()
  const links = new Map<string, string>()
  const styleLevels = new Map<string, number>()
  for (const abs of childrenNamed(root, 'w:abstractNum')) {
    const id = abs.attrs['w:abstractNumId']
    if (id === undefined) continue
    const levels = new Map<number, LevelDef>()
    for (const lvl of childrenNamed(abs, 'w:lvl')) {
      const ilvl = Number(lvl.attrs['w:ilvl'] ?? '0')
      const def = readLevel(lvl, ilvl)
      levels.set(ilvl, def)
      if (def.pStyle && !styleLevels.has(def.pStyle)) styleLevels.set(def.pStyle, ilvl)
    }
    abstracts.set(id, levels)
    const link = val(abs, 'w:numStyleLink')
    if (link) links.set(id, link)
  }
  const rawNums = new Map<string, { abstractId: string; overrides: NumDef['overrides'] }>()
  for (const num of childrenNamed(root, 'w:num')) {
    const id = num.attrs['w:numId']
    const abstractId = val(num, 'w:abstractNumId')
    if (id === undefined || abstractId === undefined) continue
    rawNums.set(id, { abstractId, overrides: readOverrides(num) })
  }
  const nums = new Map<string, NumDef>()
  for (const [id, raw] of rawNums) nums.set(id, { abstractId: followLinks(raw.abstractId, links, styles, rawNums), overrides: raw.overrides })
  return { nums, abstracts, styleLevels }
}

/** A level's definition; Word's defaults where the file is silent (start 1, decimal, "%n."). */
function readLevel(lvl: XmlElement, ilvl: number): LevelDef {
  const start = Number(val(lvl, 'w:start') ?? '1')
  const restart = val(lvl, 'w:lvlRestart')
  const isLgl = child(lvl, 'w:isLgl')
  const pStyle = val(lvl, 'w:pStyle')
  return {
    start: Number.isFinite(start) ? start : 1,
    numFmt: val(lvl, 'w:numFmt') ?? 'decimal',
    lvlText: val(lvl, 'w:lvlText') ?? `%${ilvl + 1}.`,
    ...(restart !== undefined && /^\d+$/.test(restart) ? { restart: Number(restart) } : {}),
    isLgl: isLgl !== undefined && isLgl.attrs['w:val'] !== '0' && isLgl.attrs['w:val'] !== 'false',
    ...(pStyle ? { pStyle } : {}),
  }
}

function readOverrides(num: XmlElement): NumDef['overrides'] {
  const overrides: NumDef['overrides'] = new Map()
  for (const o of childrenNamed(num, 'w:lvlOverride')) {
    const ilvl = Number(o.attrs['w:ilvl'] ?? '0')
    const start = val(o, 'w:startOverride')
    const lvl = child(o, 'w:lvl')
    overrides.set(ilvl, {
      ...(start !== undefined && Number.isFinite(Number(start)) ? { start: Number(start) } : {}),
      ...(lvl ? { level: readLevel(lvl, ilvl) } : {}),
    })
  }
  return overrides
}

/** An abstract numbering with w:numStyleLink takes its levels (and counters) from the list its numbering style points at. */
function followLinks(abstractId: string, links: Map<string, string>, styles: StyleNumbering, nums: Map<string, { abstractId: string }>): string {
  const seen = new Set<string>()
  let at = abstractId
  while (links.has(at) && !seen.has(at)) {
    seen.add(at)
    const numId = styles.numberingStyles.get(links.get(at) ?? '')
    const next = numId === undefined ? undefined : nums.get(numId)?.abstractId
    if (next === undefined) break
    at = next
  }
  return at
}
