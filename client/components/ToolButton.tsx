import type { ReactNode } from 'react'
import { formatShortcut } from '../editor/formatShortcut.ts'
import { Icon } from './Icon.tsx'
import type { IconName } from './Icon.tsx'

/** A toolbar button: icon and short label, with a tooltip naming what it does and its shortcut. */
export function ToolButton({
  icon,
  label,
  tip,
  shortcut,
  disabled,
  onRun,
  children,
  testId,
}: {
  icon: IconName
  label: string
  tip: string
  shortcut?: string
  disabled?: boolean
  onRun: () => void
  children?: ReactNode
  testId?: string
}) {
  const full = shortcut ? `${tip}（${formatShortcut(shortcut)}）` : tip
  return (
    <button
      type="button"
      className="tool-button"
      title={full}
      aria-label={full}
      data-testid={testId}
      disabled={disabled}
      // Keep the cursor in the text: the command acts where the user was typing.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onRun}
    >
      <Icon name={icon} />
      <span>{label}</span>
      {children}
    </button>
  )
}
