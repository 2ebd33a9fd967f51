import type { Editor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'

/**
 * Like Tiptap's useEditorState, but the selector runs after the transaction's task, at most once
 * for a burst of transactions, instead of inside every dispatch. For state whose few milliseconds of
 * lag nobody sees (which toolbar buttons are enabled): a collaborator's keystroke or a caret of
 * presence then no longer pays for it on the way to the screen (0.6–0.9 ms per update for the
 * toolbar's nine can() checks on a 300-item plan, measured in the editor bench's profile).
 */
export function useIdleEditorState<T>(editor: Editor, selector: (editor: Editor) => T, equal: (a: T, b: T) => boolean = shallowEqual): T {
  const [value, setValue] = useState(() => selector(editor))
  const latest = useRef({ selector, equal })
  latest.current = { selector, equal }
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = (): void => {
      timer = undefined
      if (editor.isDestroyed) return
      const next = latest.current.selector(editor)
      setValue((prev) => (latest.current.equal(prev, next) ? prev : next))
    }
    const schedule = (): void => {
      if (timer === undefined) timer = setTimeout(run, 0)
    }
    editor.on('transaction', schedule)
    run()
    return () => {
      editor.off('transaction', schedule)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [editor])
  return value
}

/** Equal when both are the same value or objects with the same own keys and values. */
function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
