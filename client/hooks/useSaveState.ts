import { useEffect, useState } from 'react'
import type { CollabDoc } from './useCollabDoc.ts'

/** Where the user's own latest changes are: sent to the server, on their way, or only in this browser. */
export type SaveState = 'saved' | 'saving' | 'local'

/**
 * Tracks the user's own changes: every one is written to IndexedDB at once; it counts as saved when
 * the socket is connected and synced and has handed every byte to the network. (y-websocket has no
 * acknowledgement; the server applies frames in order, so a drained socket is the best signal.)
 */
export function useSaveState(collab: CollabDoc | null): SaveState {
  const [pending, setPending] = useState(false)
  useEffect(() => {
    if (!collab) return
    const { ydoc, provider, persistence } = collab
    const onUpdate = (_update: Uint8Array, origin: unknown): void => {
      if (origin !== provider && origin !== persistence) setPending(true)
    }
    ydoc.on('update', onUpdate)
    return () => ydoc.off('update', onUpdate)
  }, [collab])
  useEffect(() => {
    if (!collab || !pending || collab.connection !== 'connected' || !collab.synced) return
    const timer = window.setInterval(() => {
      const ws = collab.provider.ws
      if (ws && ws.readyState === WebSocket.OPEN && ws.bufferedAmount === 0) {
        setPending(false)
      }
    }, 150)
    return () => window.clearInterval(timer)
  }, [collab, pending])
  if (!collab || collab.connection === 'offline' || collab.connection === 'closed') return pending ? 'local' : 'saved'
  return pending ? 'saving' : 'saved'
}
