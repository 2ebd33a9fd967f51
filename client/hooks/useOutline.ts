import type { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { useEffect, useMemo, useState } from 'react'
import { numberLabels } from '../../shared/editor/extensions/numberLabels.ts'

/** One line of the outline: a numbered heading or item lead sentence and where its text starts. */
export interface OutlineEntry {
  kind: 'section' | 'subsection' | 'item'
  label: string
  text: string
  /** Position of the heading or lead sentence node. */
  pos: number
}

/** The plan's outline and its counts, recomputed only when the document changes. */
export interface PlanOverview {
  entries: OutlineEntry[]
  items: number
  /** Characters of text, spaces not counted (字数). */
  chars: number
}

/** How long after a change the outline and counts are read again (then when the browser is idle). */
export const OUTLINE_DELAY_MS = 150

/**
 * Reads the outline (numbered sections and items) and counts from the editor's document, a moment
 * after it changes rather than at every keystroke: reading them meant walking the whole plan and
 * re-rendering the page around the editor for each character typed here or by a collaborator,
 * which on a 300-item plan sat between a keystroke and its paint.
 */
export function useOutline(editor: Editor | null): PlanOverview {
  const [doc, setDoc] = useState<PMNode | null>(() => editor?.state.doc ?? null)
  useEffect(() => {
    if (!editor) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let idle: number | undefined
    const refresh = (): void => {
      idle = undefined
      setDoc(editor.state.doc)
    }
    const whenIdle = (): void => {
      timer = undefined
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(refresh, { timeout: 300 })
      else refresh()
    }
    const changed = (): void => {
      if (timer === undefined && idle === undefined) timer = setTimeout(whenIdle, OUTLINE_DELAY_MS)
    }
    // The editor may have changed between the first render and this effect (or be a new editor).
    refresh()
    editor.on('update', changed)
    return () => {
      editor.off('update', changed)
      if (timer !== undefined) clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
    }
  }, [editor])
  return useMemo(() => overview(doc), [doc])
}

function overview(doc: PMNode | null): PlanOverview {
  if (!doc) return { entries: [], items: 0, chars: 0 }
  const entries = numberLabels(doc).map((l) => ({ kind: l.kind, label: l.label, text: doc.nodeAt(l.pos)?.textContent ?? '', pos: l.pos }))
  const chars = doc.textBetween(0, doc.content.size, '', '').replace(/\s+/g, '').length
  return { entries, items: entries.filter((e) => e.kind === 'item').length, chars }
}
