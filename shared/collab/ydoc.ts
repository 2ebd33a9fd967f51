import { prosemirrorJSONToYXmlFragment, prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import { Node as PMNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { attachBreakdowns, readBreakdowns, writeBreakdowns } from '../breakdown/store.ts'
import { planSchema } from '../editor/planExtensions.ts'
import { planToPm } from '../editor/convert/planToPm.ts'
import { pmToPlan } from '../editor/convert/pmToPlan.ts'
import type { Plan, PlanLevel, PlanMeta } from '../plan/types.ts'
import { fragmentJson } from './fragmentJson.ts'

/** Name of the Y.XmlFragment that holds the plan text (the Collaboration extension's `field`). */
export const PLAN_FIELD = 'plan'
/** Name of the Y.Map holding plan metadata (issuer, level, year, period). */
export const META_MAP = 'meta'

/** Writes a plan into an empty Y.Doc: text into the shared fragment, metadata into the meta map, 任务分解 fields into the breakdown map. */
export function writePlan(ydoc: Y.Doc, plan: Plan): void {
  ydoc.transact(() => {
    const fragment = ydoc.getXmlFragment(PLAN_FIELD)
    if (fragment.length) throw new Error('writePlan needs an empty document; use replacePlan to change one')
    prosemirrorJSONToYXmlFragment(planSchema(), planToPm(plan), fragment)
    writeMeta(ydoc, plan.meta)
    writeBreakdowns(ydoc, plan)
  })
}

/**
 * Changes a Y.Doc's text to match a plan with the smallest update (unchanged items are kept), as one
 * new change: restoring a version this way never rewrites history.
 */
export function replacePlan(ydoc: Y.Doc, plan: Plan, origin?: unknown): void {
  ydoc.transact(() => {
    const doc = PMNode.fromJSON(planSchema(), planToPm(plan))
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(PLAN_FIELD))
    writeMeta(ydoc, plan.meta)
  }, origin)
}

/** Reads the plan held by a Y.Doc with its items' 任务分解 fields; strictly read-only (the document is never changed by reading it). */
export function readPlan(ydoc: Y.Doc): Plan {
  return attachBreakdowns(pmToPlan(fragmentJson(ydoc.getXmlFragment(PLAN_FIELD)), readMeta(ydoc)), readBreakdowns(ydoc))
}

/** The metadata stored in a Y.Doc. */
export function readMeta(ydoc: Y.Doc): PlanMeta {
  const map = ydoc.getMap<unknown>(META_MAP)
  const meta: PlanMeta = {}
  const issuer = map.get('issuer')
  if (typeof issuer === 'string') meta.issuer = issuer
  const level = map.get('level')
  if (level === 'district' || level === 'municipal' || level === 'school' || level === 'other') meta.level = level as PlanLevel
  const year = map.get('year')
  if (typeof year === 'number') meta.year = year
  const period = map.get('period')
  if (typeof period === 'string') meta.period = period
  return meta
}

function writeMeta(ydoc: Y.Doc, meta: PlanMeta): void {
  const map = ydoc.getMap<unknown>(META_MAP)
  for (const key of ['issuer', 'level', 'year', 'period'] as const) {
    const value = meta[key]
    if (value === undefined) map.delete(key)
    else if (map.get(key) !== value) map.set(key, value)
  }
}
