import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { useEditorState } from '@tiptap/react'
import { memo, useCallback } from 'react'
import { numberLabels } from '../../shared/editor/extensions/numberLabels.ts'
import type { OutlineEntry, PlanOverview } from '../hooks/useOutline.ts'

/** The outline beside the text: numbered sections and item lead sentences; a click puts the cursor there (then `onJump`, which closes the drawer on a narrow screen). */
export function Outline({ editor, overview, onJump }: { editor: Editor; overview: PlanOverview; onJump?: () => void }) {
  const head = useEditorState({ editor, selector: ({ editor: e }) => e.state.selection.from })
  // The entry the cursor is in: the last one starting at or before it.
  let current = -1
  overview.entries.forEach((e, i) => {
    if (e.pos <= head) current = i
  })
  const jump = useCallback(
    (index: number, pos: number): void => {
      const { view } = editor
      // The outline is read a moment after changes: take the entry's position in the live document.
      const live = numberLabels(view.state.doc)[index]?.pos ?? pos
      const sel = TextSelection.near(view.state.doc.resolve(Math.min(live + 1, view.state.doc.content.size)))
      view.dispatch(view.state.tr.setSelection(sel))
      const dom = view.nodeDOM(live)
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center', behavior: 'smooth' })
      view.focus()
      onJump?.()
    },
    [editor, onJump],
  )
  return (
    <nav className="outline" aria-label="大纲">
      <div className="outline-head">大纲</div>
      <OutlineList entries={overview.entries} current={current} jump={jump} />
    </nav>
  )
}

/**
 * The entries, re-rendered only when they or the current entry change (not at every caret move),
 * keyed by place so that typing, which shifts every later position, updates rows rather than
 * rebuilding them.
 */
const OutlineList = memo(function OutlineList({ entries, current, jump }: { entries: OutlineEntry[]; current: number; jump: (index: number, pos: number) => void }) {
  return (
    <ol className="outline-list">
      {entries.map((e, i) => (
        <li key={i} className={`outline-entry outline-${e.kind}${i === current ? ' current' : ''}`}>
          <button onClick={() => jump(i, e.pos)} title={`${e.label}${e.text}`}>
            <span className="outline-label">{e.label}</span>
            <span className="outline-text">{e.text || '（未填写）'}</span>
          </button>
        </li>
      ))}
    </ol>
  )
})
