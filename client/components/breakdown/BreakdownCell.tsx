import { useRef, useState, type KeyboardEvent } from 'react'

/**
 * One editable cell of the 分解 table: shows the document's value; typing keeps a draft (a
 * collaborator's change to this cell meanwhile does not overwrite it); Enter or leaving the cell
 * saves, Escape puts the value back. Read-only users see the text.
 */
export function BreakdownCell({
  value,
  onSave,
  canEdit,
  label,
  testId,
  placeholder,
  list,
  warning,
}: {
  value: string
  onSave: (text: string) => void
  canEdit: boolean
  label: string
  testId: string
  placeholder?: string
  /** Id of a <datalist> of suggestions (the 科室 list). */
  list?: string
  /** Shown on hover and marks the cell, e.g. a name not on the 科室 list. */
  warning?: string
}) {
  const [draft, setDraft] = useState<string | null>(null)
  // Escape blurs the input too; the blur must then not save the draft it is throwing away.
  const cancelled = useRef(false)
  if (!canEdit)
    return (
      <span data-testid={testId} className={warning ? 'bd-warn' : undefined} title={warning}>
        {value}
      </span>
    )
  const save = (): void => {
    if (!cancelled.current && draft !== null && draft.trim() !== value) onSave(draft.trim())
    cancelled.current = false
    setDraft(null)
  }
  const key = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') e.currentTarget.blur()
    else if (e.key === 'Escape') {
      cancelled.current = true
      e.currentTarget.blur()
    }
  }
  return (
    <input
      className={`bd-input${warning ? ' bd-warn' : ''}`}
      title={warning}
      list={list}
      aria-label={label}
      data-testid={testId}
      value={draft ?? value}
      placeholder={placeholder}
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={key}
    />
  )
}
