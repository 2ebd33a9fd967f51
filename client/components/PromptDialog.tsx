import { useState } from 'react'
import type { ReactNode } from 'react'
import { ActionDialog } from './Dialog.tsx'

/** Asks for one line of text (a new title, a version name) and runs the action; its error is shown in place. */
export function PromptDialog({
  title,
  label,
  initial = '',
  placeholder,
  hint,
  confirmLabel,
  suggestions = [],
  allowEmpty = false,
  onSubmit,
  onClose,
}: {
  title: string
  label: string
  initial?: string
  placeholder?: string
  hint?: ReactNode
  confirmLabel: string
  suggestions?: string[]
  allowEmpty?: boolean
  onSubmit: (value: string) => Promise<void>
  onClose: () => void
}) {
  const [value, setValue] = useState(initial)
  const submit = async (): Promise<string | void> => {
    const text = value.trim()
    if (!text && !allowEmpty) return `请填写${label}`
    await onSubmit(text)
  }
  return (
    <ActionDialog title={title} confirmLabel={confirmLabel} onConfirm={submit} onClose={onClose}>
      {hint && <p className="dialog-hint">{hint}</p>}
      <label className="field">
        <span>{label}</span>
        <input autoFocus value={value} placeholder={placeholder} maxLength={200} onChange={(e) => setValue(e.target.value)} />
      </label>
      {suggestions.length > 0 && (
        <div className="chips" aria-label="常用名称">
          {suggestions.map((s) => (
            <button key={s} type="button" className={`chip${value === s ? ' active' : ''}`} onClick={() => setValue(s)}>
              {s}
            </button>
          ))}
        </div>
      )}
    </ActionDialog>
  )
}
