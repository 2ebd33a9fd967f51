import { useEffect } from 'react'

/** Which find bar is open: 查找 (Ctrl+F) or 查找和替换 (Ctrl+H). */
export type FindMode = 'find' | 'replace'

/** Ctrl+F and Ctrl+H (⌘ on a Mac) open the plan's own find bar instead of the browser's, which cannot replace. */
export function useFindShortcuts(open: (mode: FindMode) => void): void {
  useEffect(() => {
    const keys = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return
      const key = e.key.toLowerCase()
      if (key !== 'f' && key !== 'h') return
      e.preventDefault()
      open(key === 'f' ? 'find' : 'replace')
    }
    window.addEventListener('keydown', keys)
    return () => window.removeEventListener('keydown', keys)
  }, [open])
}
