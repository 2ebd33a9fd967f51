import { useCallback, useState } from 'react'
import { errorMessage } from '../api/errorMessage.ts'

/** What useAsyncAction gives: the busy flag, the error sentence, and the runner. */
export interface AsyncAction {
  busy: boolean
  error: string | null
  setError: (error: string | null) => void
  /** Runs `action` with `busy` set and the error cleared; its failure becomes `error`. Resolves true when it succeeded. */
  run: (action: () => Promise<unknown>) => Promise<boolean>
}

/** The busy / error / try-catch every dialog and inline form repeated: one action at a time, its error in Chinese. */
export function useAsyncAction(): AsyncAction {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await action()
      return true
    } catch (err) {
      setError(errorMessage(err))
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, setError, run }
}
