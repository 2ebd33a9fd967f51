import { useEffect } from 'react'
import type { RefObject } from 'react'

/** Closes a pop-up when the user presses the mouse outside `box` or presses Escape, while `open`. */
export function useDismiss(box: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return
    const outside = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) close()
    }
    const esc = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') close()
    }
    document.addEventListener('mousedown', outside)
    document.addEventListener('keydown', esc)
    return () => {
      document.removeEventListener('mousedown', outside)
      document.removeEventListener('keydown', esc)
    }
  }, [box, open, close])
}
