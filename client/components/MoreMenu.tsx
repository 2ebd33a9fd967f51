import type { ReactNode } from 'react'
import { useCallback, useRef, useState } from 'react'
import { useDismiss } from '../hooks/useDismiss.ts'
import { Icon } from './Icon.tsx'

/** 更多: the toolbar's groups that do not fit on a narrow screen, as a menu of the same buttons. */
export function MoreMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(box, open, close)
  return (
    <div className="menu-anchor more-menu" ref={box}>
      <button
        type="button"
        className="tool-button"
        aria-haspopup="menu"
        aria-expanded={open}
        title="更多编辑命令"
        data-testid="toolbar-more"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="more" />
        <span>更多</span>
      </button>
      {open && (
        <div
          className="menu tool-menu"
          role="menu"
          onClick={(e) => {
            // A command closes the menu; a button that opens its own menu (移至…) keeps it open.
            const button = (e.target as HTMLElement).closest('button')
            if (button && !button.hasAttribute('aria-haspopup')) close()
          }}
        >
          {children}
        </div>
      )}
    </div>
  )
}
