import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { CLOSE, closeReason } from '../../shared/api/closeCodes.ts'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { setSession } from '../api/session.ts'
import { collabUrl } from '../editor/collabUrl.ts'
import { notify } from '../state/notices.ts'

/** How the page is connected to the document's room, in the terms the status bar uses. */
export type Connection = 'connecting' | 'connected' | 'offline' | 'closed'

/** A shared document with its providers and what the page should say about them. */
export interface CollabDoc {
  ydoc: Y.Doc
  provider: WebsocketProvider
  persistence: IndexeddbPersistence
  /** True once there is text to show: the server's copy, or a copy kept in this browser. */
  ready: boolean
  /** True when the page has received the server's copy on the current connection. */
  synced: boolean
  connection: Connection
  /** Why the server closed the room for good (a plain Chinese sentence), when it did. */
  closedMessage?: string
  /** True when offline and this browser holds no copy of the document to show. */
  noLocalCopy: boolean
}

/**
 * Opens a document's Y.Doc: first from this browser's IndexedDB copy (offline edits are kept there),
 * then from the server's room, merging both. The IndexedDB name includes the user so that one
 * person's unsent edits are never sent under another's name on a shared computer.
 */
export function useCollabDoc(docId: string, userId: string, token: string): CollabDoc | null {
  const [doc, setDoc] = useState<CollabDoc | null>(null)
  useEffect(() => {
    const ydoc = new Y.Doc()
    const persistence = new IndexeddbPersistence(`plan-studio/${userId}/${docId}`, ydoc)
    const provider = new WebsocketProvider(collabUrl(), docId, ydoc, { params: { token }, maxBackoffTime: 5000 })
    let state: CollabDoc = { ydoc, provider, persistence, ready: false, synced: false, connection: 'connecting', noLocalCopy: false }
    const update = (change: Partial<CollabDoc>): void => {
      state = { ...state, ...change }
      const hasText = ydoc.getXmlFragment(PLAN_FIELD).length > 0
      state.ready ||= state.synced || (persistence.synced && hasText)
      state.noLocalCopy = !state.ready && persistence.synced && state.connection === 'offline'
      setDoc(state)
    }
    provider.on('status', ({ status }) => {
      if (state.connection === 'closed') return
      update({ connection: status === 'connected' ? 'connected' : status === 'connecting' && state.connection !== 'offline' ? 'connecting' : 'offline', synced: status === 'connected' && provider.synced })
    })
    provider.on('sync', (synced) => update({ synced }))
    provider.on('closed', ({ code }) => {
      if (code === CLOSE.unauthenticated) {
        notify(closeReason(code) ?? '登录已过期，请重新登录', 'error')
        setSession(null)
      }
      update({ connection: 'closed', synced: false, closedMessage: closeReason(code) ?? '服务器断开了连接，请刷新页面' })
    })
    void persistence.whenSynced.then(() => update({}))
    // The browser knows before the socket does that the network is gone (or back).
    const goOffline = (): void => provider.disconnect()
    const goOnline = (): void => {
      if (state.connection !== 'closed') provider.connect()
    }
    window.addEventListener('offline', goOffline)
    window.addEventListener('online', goOnline)
    update({})
    return () => {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      provider.destroy()
      void persistence.destroy()
      ydoc.destroy()
    }
  }, [docId, userId, token])
  return doc
}
