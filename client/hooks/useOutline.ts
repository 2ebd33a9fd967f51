import type { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { useEditorState } from '@tiptap/react'
import { useMemo } from 'react'
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

/** Reads the outline (numbered sections and items) and counts from the editor's current document. */
export function useOutline(editor: Editor | null): PlanOverview {
  const doc = useEditorState({ editor, selector: ({ editor: e }) => e?.state.doc ?? null, equalityFn: (a, b) => a === b })
  return useMemo(() => overview(doc ?? null), [doc])
}

function overview(doc: PMNode | null): PlanOverview {
  if (!doc) return { entries: [], items: 0, chars: 0 }
  const entries = numberLabels(doc).map((l) => ({ kind: l.kind, label: l.label, text: doc.nodeAt(l.pos)?.textContent ?? '', pos: l.pos }))
  const chars = doc.textBetween(0, doc.content.size, '', '').replace(/\s+/g, '').length
  return { entries, items: entries.filter((e) => e.kind === 'item').length, chars }
}
