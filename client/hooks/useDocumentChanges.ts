import { useEffect } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { DOC_CHANGED_FIELD } from '../../shared/api/collab.ts'

/**
 * Calls `onChange` whenever the server says the document's record changed (its own presence state
 * carries DOC_CHANGED_FIELD): linked plans, title, status or sharing changed in another browser, so
 * the panels fetch the document again without a reload.
 */
export function useDocumentChanges(provider: WebsocketProvider | null, onChange: () => void): void {
  useEffect(() => {
    if (!provider) return
    const { awareness } = provider
    let seen: string | null = null
    const read = (): void => {
      let mark: string | null = null
      awareness.getStates().forEach((state, clientId) => {
        const value: unknown = state[DOC_CHANGED_FIELD]
        if (clientId !== awareness.clientID && (typeof value === 'string' || typeof value === 'number')) mark = `${clientId}:${value}`
      })
      if (mark !== null && mark !== seen) {
        seen = mark
        // Not inside whatever render made awareness fire (see usePresence).
        queueMicrotask(onChange)
      }
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [provider, onChange])
}
