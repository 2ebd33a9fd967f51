import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'

/** A modal dialog: title, content and actions; Esc or the backdrop closes it unless `busy`. */
export function Dialog({ title, children, actions, onClose, busy = false, wide = false }: { title: string; children: ReactNode; actions: ReactNode; onClose: () => void; busy?: boolean; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !busy) onClose()
    }
    window.addEventListener('keydown', onKey)
    const first = ref.current?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button')
    first?.focus()
    return () => window.removeEventListener('keydown', onKey)
  }, [busy, onClose])
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div className={`dialog${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <h2 className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  )
}
