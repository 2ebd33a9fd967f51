import { useEffect, useState } from 'react'
import { messageAwareness } from 'y-websocket'
import { ownAwarenessSeq } from '../editor/ownAwarenessSeq.ts'
import type { CollabDoc } from './useCollabDoc.ts'

/** Where the user's own latest changes are: received by the server, on their way, or only in this browser. */
export type SaveState = 'saved' | 'saving' | 'local'

/** Awareness field carrying the save probe's sequence number. */
const PROBE_FIELD = 'savedSeq'

/**
 * Tracks the user's own changes. Each is written to IndexedDB at once; it counts as saved when the
 * server has it. y-websocket has no acknowledgement, so after changes the page bumps a number in
 * its awareness state: the server handles a socket's frames in order and echoes awareness to the
 * sender too, so hearing our own number back means every change sent before it was applied there.
 */
export function useSaveState(collab: CollabDoc | null): SaveState {
  const [pending, setPending] = useState(false)
  useEffect(() => {
    if (!collab) return
    const { ydoc, provider, persistence } = collab
    const { awareness } = provider
    let sent = 0
    let acked = 0
    let needed = 0
    let timer: number | undefined
    const probe = (): void => {
      timer = undefined
      if (!provider.wsconnected || !provider.synced) return
      sent += 1
      awareness.setLocalStateField(PROBE_FIELD, sent)
    }
    const schedule = (): void => {
      window.clearTimeout(timer)
      timer = window.setTimeout(probe, 200)
    }
    const onUpdate = (_update: Uint8Array, origin: unknown): void => {
      if (origin === provider || origin === persistence) return
      needed = sent + 1
      setPending(true)
      schedule()
    }
    // After a reconnect the offline changes go out with the sync; a fresh probe follows them.
    const onSync = (synced: boolean): void => {
      if (synced && needed > acked) schedule()
    }
    const original = provider.messageHandlers[messageAwareness]
    provider.messageHandlers[messageAwareness] = (encoder, decoder, p, emitSynced, type) => {
      const seq = ownAwarenessSeq(decoder, awareness.clientID, PROBE_FIELD)
      if (seq !== null && seq > acked) {
        acked = seq
        if (acked >= needed) setPending(false)
      }
      original(encoder, decoder, p, emitSynced, type)
    }
    ydoc.on('update', onUpdate)
    provider.on('sync', onSync)
    return () => {
      window.clearTimeout(timer)
      provider.messageHandlers[messageAwareness] = original
      ydoc.off('update', onUpdate)
      provider.off('sync', onSync)
    }
    // One probe per shared document: the providers live as long as the Y.Doc.
  }, [collab?.ydoc])
  if (!collab || collab.connection === 'offline' || collab.connection === 'closed') return pending ? 'local' : 'saved'
  return pending ? 'saving' : 'saved'
}
