import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { findState, findStep, replaceAll, replaceCurrent, setFindQuery } from '../editor/FindReplace.ts'
import { notify } from '../state/notices.ts'

/**
 * 查找和替换 above the paper: the query (Enter next, Shift+Enter previous), the match count, and with
 * `replace` the replacement, 替换 (this match) and 全部替换 (one change, one Ctrl+Z). Esc closes it.
 */
export function FindBar({ editor, replace, editable, onClose }: { editor: Editor; replace: boolean; editable: boolean; onClose: () => void }) {
  const [query, setQuery] = useState(() => findState(editor.state).query)
  const [replacement, setReplacement] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const find = useEditorState({ editor, selector: ({ editor: e }) => ({ count: findState(e.state).matches.length, current: findState(e.state).current }) })
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [replace])
  // Closing the bar clears the highlights.
  useEffect(
    () => () => {
      if (!editor.isDestroyed) setFindQuery(editor, '')
    },
    [editor],
  )
  const keys = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
    } else if (e.key === 'Enter' && e.currentTarget === input.current) {
      e.preventDefault()
      findStep(editor, e.shiftKey ? -1 : 1)
    }
  }
  const all = (): void => {
    const n = replaceAll(editor, replacement)
    notify(n ? `已替换 ${n} 处，可用 Ctrl+Z 一次撤销` : '没有可替换的内容', n ? 'success' : 'info')
  }
  return (
    <div className="find-bar" role="search" aria-label="查找和替换" data-testid="find-bar" onKeyDown={keys}>
      <input
        ref={input}
        className="field find-input"
        placeholder="查找"
        aria-label="查找内容"
        value={query}
        data-testid="find-input"
        onChange={(e) => {
          setQuery(e.target.value)
          setFindQuery(editor, e.target.value)
        }}
      />
      <span className="find-count" data-testid="find-count">
        {query ? (find.count ? `${find.current + 1}/${find.count}` : '无结果') : ''}
      </span>
      <button type="button" className="button subtle small" disabled={!find.count} onClick={() => findStep(editor, -1)} title="上一个（Shift+Enter）">
        上一个
      </button>
      <button type="button" className="button subtle small" disabled={!find.count} onClick={() => findStep(editor, 1)} title="下一个（Enter）" data-testid="find-next">
        下一个
      </button>
      {replace && editable && (
        <>
          <input className="field find-input" placeholder="替换为" aria-label="替换为" value={replacement} data-testid="replace-input" onChange={(e) => setReplacement(e.target.value)} />
          <button type="button" className="button subtle small" disabled={!find.count} onClick={() => replaceCurrent(editor, replacement)} data-testid="replace-one">
            替换
          </button>
          <button type="button" className="button small" disabled={!find.count} onClick={all} data-testid="replace-all">
            全部替换
          </button>
        </>
      )}
      <button type="button" className="find-close" onClick={onClose} aria-label="关闭查找" title="关闭（Esc）">
        ×
      </button>
    </div>
  )
}
