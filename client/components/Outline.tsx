import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { useEditorState } from '@tiptap/react'
import type { PlanOverview } from '../hooks/useOutline.ts'

/** The outline beside the text: numbered sections and item lead sentences; a click puts the cursor there (then `onJump`, which closes the drawer on a narrow screen). */
export function Outline({ editor, overview, onJump }: { editor: Editor; overview: PlanOverview; onJump?: () => void }) {
  const head = useEditorState({ editor, selector: ({ editor: e }) => e.state.selection.from })
  // The entry the cursor is in: the last one starting at or before it.
  let current = -1
  overview.entries.forEach((e, i) => {
    if (e.pos <= head) current = i
  })
  const jump = (pos: number): void => {
    const { view } = editor
    const sel = TextSelection.near(view.state.doc.resolve(Math.min(pos + 1, view.state.doc.content.size)))
    view.dispatch(view.state.tr.setSelection(sel))
    const dom = view.nodeDOM(pos)
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center', behavior: 'smooth' })
    view.focus()
    onJump?.()
  }
  return (
    <nav className="outline" aria-label="大纲">
      <div className="outline-head">大纲</div>
      <ol className="outline-list">
        {overview.entries.map((e, i) => (
          <li key={`${e.pos}-${i}`} className={`outline-entry outline-${e.kind}${i === current ? ' current' : ''}`}>
            <button onClick={() => jump(e.pos)} title={`${e.label}${e.text}`}>
              <span className="outline-label">{e.label}</span>
              <span className="outline-text">{e.text || '（未填写）'}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
