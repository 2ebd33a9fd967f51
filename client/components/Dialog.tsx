import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { useAsyncAction } from '../hooks/useAsyncAction.ts'

/** A modal dialog: title, content and actions; Esc or the backdrop closes it unless `busy`. */
export function Dialog({ title, children, actions, onClose, busy = false, wide = false }: { title: string; children: ReactNode; actions: ReactNode; onClose: () => void; busy?: boolean; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !busy) onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [busy, onClose])
  useEffect(() => {
    // Focus once, on opening: doing it on every busy change would pull focus back to the first field.
    const first = ref.current?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button')
    first?.focus()
  }, [])
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

/** What an ActionDialog shows and runs. */
export interface ActionDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  /** The confirm button's label while the action runs. @default '请稍候…' */
  busyLabel?: string
  danger?: boolean
  wide?: boolean
  confirmTestId?: string
  /** Keeps the confirm button disabled (e.g. nothing chosen yet). */
  confirmDisabled?: boolean
  /** The action; a returned sentence is a problem shown in place (the dialog stays), a throw shows the error; otherwise the dialog closes. */
  onConfirm: () => Promise<string | void> | string | void
  onClose: () => void
}

/**
 * A dialog whose confirm button runs one action: 取消 and the confirm button, busy while it runs, its
 * problem or error shown in place, closed when it succeeds. Enter in a field confirms.
 */
export function ActionDialog({ title, children, confirmLabel, busyLabel = '请稍候…', danger = false, wide = false, confirmTestId, confirmDisabled = false, onConfirm, onClose }: ActionDialogProps) {
  const { busy, error, setError, run } = useAsyncAction()
  const confirm = async (): Promise<void> => {
    const outcome: { problem?: string | void } = {}
    if (!(await run(async () => (outcome.problem = await onConfirm())))) return
    if (outcome.problem) setError(outcome.problem)
    else onClose()
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      busy={busy}
      wide={wide}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            取消
          </button>
          <button type="button" className={`button ${danger ? 'danger' : 'primary'}`} onClick={() => void confirm()} disabled={busy || confirmDisabled} data-testid={confirmTestId}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!busy && !confirmDisabled) void confirm()
        }}
      >
        {children}
        <button type="submit" hidden />
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
