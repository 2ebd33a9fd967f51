import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { attachBreakdowns, breakdownMap, readBreakdowns } from '../../shared/breakdown/store.ts'
import { META_MAP, readMeta } from '../../shared/collab/ydoc.ts'
import { pmToPlan } from '../../shared/editor/convert/pmToPlan.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { measured } from '../analysis/measured.ts'

/** How long typing must pause before the panels analyse the text again. */
export const LIVE_PLAN_DELAY_MS = 400
/** Longest wait while someone keeps typing without a pause. */
export const LIVE_PLAN_MAX_WAIT_MS = 2500

/** The editor's current text as a Plan (through the shared converter), with the plan's metadata and the items' 任务分解 fields. */
export function currentPlan(editor: Editor, ydoc: Y.Doc): Plan {
  return measured('plan-studio:read-plan', () => attachBreakdowns(pmToPlan(editor.state.doc.toJSON(), readMeta(ydoc)), readBreakdowns(ydoc))).value
}

/**
 * The editor's text as a Plan, refreshed after every change (one's own or a collaborator's) once
 * typing pauses, and at the latest every LIVE_PLAN_MAX_WAIT_MS while it does not: analysis never
 * runs between two keystrokes of a fast typist.
 */
export function useLivePlan(editor: Editor, ydoc: Y.Doc): Plan {
  const [plan, setPlan] = useState(() => currentPlan(editor, ydoc))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let firstChange = 0
    let idle: number | undefined
    const refresh = (): void => {
      idle = undefined
      firstChange = 0
      setPlan(currentPlan(editor, ydoc))
    }
    // After the pause, wait for a moment the browser has nothing else to do (not in the middle of a keystroke).
    const whenIdle = (): void => {
      timer = undefined
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(refresh, { timeout: 300 })
      else refresh()
    }
    const changed = (): void => {
      if (idle !== undefined) return
      const now = performance.now()
      if (!firstChange) firstChange = now
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(whenIdle, Math.max(0, Math.min(LIVE_PLAN_DELAY_MS, firstChange + LIVE_PLAN_MAX_WAIT_MS - now)))
    }
    editor.on('update', changed)
    const meta = ydoc.getMap(META_MAP)
    meta.observe(changed)
    const breakdown = breakdownMap(ydoc)
    breakdown.observe(changed)
    setPlan(currentPlan(editor, ydoc))
    return () => {
      editor.off('update', changed)
      meta.unobserve(changed)
      breakdown.unobserve(changed)
      if (timer !== undefined) clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
    }
  }, [editor, ydoc])
  return plan
}
