import { useState } from 'react'
import type { ReactNode } from 'react'
import { errorMessage } from '../api/errorMessage.ts'
import { Dialog } from './Dialog.tsx'

/** Asks before an action that changes shared work (restore, archive); shows the action's error in place. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  onConfirm: () => Promise<void>
  onClose: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
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
          <button className={`button ${danger ? 'danger' : 'primary'}`} onClick={() => void confirm()} disabled={busy}>
            {busy ? '请稍候…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
