import { useState } from 'react'
import type { ReactNode } from 'react'
import { errorMessage } from '../api/errorMessage.ts'
import { Dialog } from './Dialog.tsx'

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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (): Promise<void> => {
    const text = value.trim()
    if (!text && !allowEmpty) {
      setError(`请填写${label}`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onSubmit(text)
      onClose()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      busy={busy}
      actions={
        <>
          <button className="button" onClick={onClose} disabled={busy}>
            取消
          </button>
          <button className="button primary" onClick={() => void submit()} disabled={busy}>
            {busy ? '请稍候…' : confirmLabel}
          </button>
        </>
      }
    >
      {hint && <p className="dialog-hint">{hint}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span>{label}</span>
          <input autoFocus value={value} placeholder={placeholder} maxLength={200} onChange={(e) => setValue(e.target.value)} />
        </label>
      </form>
      {suggestions.length > 0 && (
        <div className="chips" aria-label="常用名称">
          {suggestions.map((s) => (
            <button key={s} type="button" className={`chip${value === s ? ' active' : ''}`} onClick={() => setValue(s)}>
              {s}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
