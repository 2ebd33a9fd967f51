import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { attachBreakdowns, breakdownMap, copyBreakdownFields, fieldsOf, readBreakdowns, setBreakdown, setBreakdownField, writeBreakdowns } from '../../../shared/breakdown/store.ts'
import { breakdownRecordProblem } from '../../../shared/breakdown/record.ts'
import { parsePlanJson, toPlanJson } from '../../../shared/plan/planJson.ts'
import type { Plan } from '../../../shared/plan/types.ts'

const plan = (): Plan => ({
  title: 't',
  preamble: [],
  meta: {},
  sections: [
    {
      id: 's',
      heading: 'h',
      intro: [],
      items: [
        { id: 'a', title: '甲。', body: '' },
        { id: 'b', title: '乙。', body: '' },
      ],
      subsections: [],
    },
  ],
})

describe('任务分解 fields in the shared document', () => {
  it('two people setting different items concurrently both keep their fields after sync', () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    setBreakdown(one, 'a', { lead: ['基教科'] }, { by: 'u1', at: '2025-01-01T00:00:00Z' })
    setBreakdown(two, 'b', { deadline: '第二季度', support: ['德育科'] }, { by: 'u2' })
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    const read = attachBreakdowns(plan(), readBreakdowns(two))
    expect(read.sections[0].items.map((i) => i.breakdown)).toEqual([{ lead: ['基教科'] }, { support: ['德育科'], deadline: '第二季度' }])
  })

  it('clears an item’s record when every field is emptied, and skips malformed records', () => {
    const doc = new Y.Doc()
    setBreakdown(doc, 'a', { lead: ['基教科'] })
    setBreakdown(doc, 'a', { lead: ['  '] })
    expect(breakdownMap(doc).size).toBe(0)
    breakdownMap(doc).set('b', { lead: '不是列表' })
    expect(readBreakdowns(doc).size).toBe(0)
  })

  it('writes the fields an import found, and Plan JSON carries them both ways', () => {
    const p = plan()
    p.sections[0].items[1].breakdown = { lead: ['计财科'], deadline: '全年' }
    const doc = new Y.Doc()
    writeBreakdowns(doc, p)
    expect(readBreakdowns(doc).get('b')).toEqual({ lead: ['计财科'], deadline: '全年' })
    const json = JSON.parse(JSON.stringify(toPlanJson(p)))
    expect(json.sections[0].items[1].breakdown).toEqual({ lead: ['计财科'], deadline: '全年' })
    expect(parsePlanJson(json).plan.sections[0].items[1].breakdown).toEqual({ lead: ['计财科'], deadline: '全年' })
    json.sections[0].items[1].breakdown = { owner: 'x' }
    expect(() => parsePlanJson(json)).toThrow(/breakdown\.owner/)
  })

  it('names what is wrong with a record: unknown fields, long names, long lists', () => {
    expect(breakdownRecordProblem('a', { lead: ['基教科'], deadline: '全年', by: 'u1', at: 'x' })).toBeNull()
    expect(breakdownRecordProblem('a', { payload: 'x' })).toMatch(/unknown/)
    expect(breakdownRecordProblem('a', { lead: ['科'.repeat(41)] })).toMatch(/long/)
    expect(breakdownRecordProblem('a', { support: Array.from({ length: 21 }, () => '科') })).toMatch(/short list/)
    expect(breakdownRecordProblem('a', { deadline: 5 })).toMatch(/short text/)
    expect(breakdownRecordProblem('', {})).toMatch(/item id/)
    expect(breakdownRecordProblem('a', ['x'])).toMatch(/not a record/)
  })
})

describe('cell-by-cell changes', () => {
  it('changing one field keeps the fields another person set earlier on the same item', () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    setBreakdownField(one, 'a', 'lead', ['基教科'], { by: 'u1' })
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    setBreakdownField(two, 'a', 'deadline', '第三季度', { by: 'u2' })
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    expect(fieldsOf(readBreakdowns(one).get('a') ?? {})).toEqual({ lead: ['基教科'], deadline: '第三季度' })
    setBreakdownField(one, 'a', 'deadline', undefined)
    expect(fieldsOf(readBreakdowns(one).get('a') ?? {})).toEqual({ lead: ['基教科'] })
  })
})

describe('per-field records', () => {
  it('two people editing different fields of the same item at the same moment both keep their change', () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    setBreakdown(one, 'a', { lead: ['基教科'], deadline: '全年' }, { by: 'u0' })
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    // Neither has seen the other's change when making its own.
    setBreakdownField(one, 'a', 'lead', ['德育科'], { by: 'u1', at: '2026-01-01T00:00:01Z' })
    setBreakdownField(two, 'a', 'deadline', '第二季度', { by: 'u2', byName: '李娜', at: '2026-01-01T00:00:02Z' })
    setBreakdownField(two, 'a', 'support', ['计财科'], { by: 'u2', byName: '李娜', at: '2026-01-01T00:00:02Z' })
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    for (const doc of [one, two]) expect(readBreakdowns(doc).get('a')).toEqual({ lead: ['德育科'], support: ['计财科'], deadline: '第二季度', by: 'u2', byName: '李娜', at: '2026-01-01T00:00:02Z' })
  })

  it('reads a whole record written before per-field keys, and a field change or clear overrides only that field', () => {
    const doc = new Y.Doc()
    breakdownMap(doc).set('a', { lead: ['基教科'], support: ['德育科'], deadline: '全年', by: 'u0', at: '2025-01-01T00:00:00Z' })
    expect(fieldsOf(readBreakdowns(doc).get('a') ?? {})).toEqual({ lead: ['基教科'], support: ['德育科'], deadline: '全年' })
    setBreakdownField(doc, 'a', 'deadline', '第三季度', { by: 'u1' })
    setBreakdownField(doc, 'a', 'support', undefined, { by: 'u1' })
    expect(fieldsOf(readBreakdowns(doc).get('a') ?? {})).toEqual({ lead: ['基教科'], deadline: '第三季度' })
    setBreakdown(doc, 'a', {})
    expect(readBreakdowns(doc).size).toBe(0)
    expect(breakdownMap(doc).size).toBe(0)
  })

  it('names what is wrong with a per-field value', () => {
    expect(breakdownRecordProblem('a#lead', { v: ['基教科'], by: 'u1', at: 'x' })).toBeNull()
    expect(breakdownRecordProblem('a#lead', { v: '基教科' })).toMatch(/short list/)
    expect(breakdownRecordProblem('a#deadline', { v: 'x', payload: 1 })).toMatch(/unknown/)
    expect(breakdownRecordProblem('a#person', {})).toMatch(/without a value/)
  })
})

describe('fill down', () => {
  it('copies the chosen fields onto the next item and leaves its other fields', () => {
    const doc = new Y.Doc()
    setBreakdown(doc, 'a', { lead: ['基教科'], support: ['德育科'], deadline: '全年', leader: '王明' })
    setBreakdown(doc, 'b', { deadline: '长期', person: '李娜', support: ['计财科'] })
    copyBreakdownFields(doc, 'a', 'b', ['lead', 'deadline'])
    expect(fieldsOf(readBreakdowns(doc).get('b') ?? {})).toEqual({ lead: ['基教科'], support: ['计财科'], person: '李娜', deadline: '全年' })
    copyBreakdownFields(doc, 'c', 'b', ['support'])
    expect(fieldsOf(readBreakdowns(doc).get('b') ?? {})).toEqual({ lead: ['基教科'], person: '李娜', deadline: '全年' })
  })
})
