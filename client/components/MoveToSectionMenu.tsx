import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState } from 'react'
import { itemContainers } from '../../shared/editor/commands/itemContainers.ts'
import { numberLabels } from '../../shared/editor/extensions/numberLabels.ts'
import { Icon } from './Icon.tsx'

interface Choice {
  id: string
  label: string
  sub: boolean
}

/** 移至…: a menu of sections and sub-sections; choosing one moves the current item to the end of it. */
export function MoveToSectionMenu({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const [open, setOpen] = useState(false)
  const [choices, setChoices] = useState<Choice[]>([])
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    const esc = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', esc)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', esc)
    }
  }, [open])
  const show = (): void => {
    const { doc } = editor.state
    const labels = new Map(numberLabels(doc).map((l) => [l.pos - 1, l.label]))
    setChoices(
      itemContainers(doc)
        .filter((c) => c.id)
        .map((c) => ({ id: c.id ?? '', sub: c.kind === 'subsection', label: `${labels.get(c.pos) ?? ''}${c.node.firstChild?.textContent || '（无标题）'}` })),
    )
    setOpen((o) => !o)
  }
  return (
    <div className="menu-anchor" ref={box}>
      <button
        type="button"
        className="tool-button"
        title="把当前条目移到另一个部分的末尾（也可以拖动条目左侧的把手）"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        data-testid="move-to-section"
        onMouseDown={(e) => e.preventDefault()}
        onClick={show}
      >
        <Icon name="move" />
        <span>移至…</span>
      </button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-title">移到以下部分的末尾</div>
          {choices.map((c) => (
            <button
              key={c.id}
              role="menuitem"
              className={`menu-item${c.sub ? ' sub' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setOpen(false)
                editor.chain().focus().movePlanItemToSection(c.id).run()
              }}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
