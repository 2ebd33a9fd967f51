/** A short message shown at the top of the page: an error sentence or a confirmation. */
export interface Notice {
  id: number
  kind: 'error' | 'success' | 'info'
  message: string
}

let notices: Notice[] = []
let nextId = 1
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

/** Shows a message; errors stay until dismissed, others fade after a few seconds. */
export function notify(message: string, kind: Notice['kind'] = 'info'): void {
  const notice = { id: nextId++, kind, message }
  // The same sentence twice in a row (a retry loop, say) is shown once.
  notices = [...notices.filter((n) => n.message !== message), notice].slice(-4)
  emit()
  if (kind !== 'error') setTimeout(() => dismiss(notice.id), 4000)
}

/** Removes a message. */
export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id)
  emit()
}

/** The messages on screen (for useSyncExternalStore). */
export function getNotices(): Notice[] {
  return notices
}

/** Subscribes to message changes. */
export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
