import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/** Someone with the document open. */
export interface Present {
  key: string
  name: string
  color: string
  self: boolean
}

/** Who has the document open now (from awareness), one entry per person however many tabs they have, the user first. */
export function usePresence(provider: WebsocketProvider | null): Present[] {
  const [people, setPeople] = useState<Present[]>([])
  useEffect(() => {
    if (!provider) return
    const { awareness } = provider
    const read = (): void => {
      const byKey = new Map<string, Present>()
      awareness.getStates().forEach((state, clientId) => {
        const user: unknown = state.user
        if (typeof user !== 'object' || user === null) return
        const u = user as Record<string, unknown>
        const name = typeof u.name === 'string' ? u.name : '协作者'
        const key = typeof u.id === 'string' ? u.id : `${name}-${clientId}`
        const self = clientId === awareness.clientID
        const known = byKey.get(key)
        byKey.set(key, { key, name, color: typeof u.color === 'string' ? u.color : '#888888', self: self || Boolean(known?.self) })
      })
      setPeople([...byKey.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'zh')))
    }
    // Awareness changes may fire while another component renders (the editor, created during its
    // render, announces this user's caret): read them a moment later, never inside that render.
    let scheduled = false
    let live = true
    const later = (): void => {
      if (scheduled) return
      scheduled = true
      queueMicrotask(() => {
        scheduled = false
        if (live) read()
      })
    }
    read()
    awareness.on('change', later)
    return () => {
      live = false
      awareness.off('change', later)
    }
  }, [provider])
  return people
}
