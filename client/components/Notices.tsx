import { useSyncExternalStore } from 'react'
import { dismiss, getNotices, subscribeNotices } from '../state/notices.ts'

/** The messages at the top of the page: errors (until closed) and confirmations (briefly). */
export function Notices() {
  const notices = useSyncExternalStore(subscribeNotices, getNotices)
  if (!notices.length) return null
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : undefined}>
          <span>{n.message}</span>
          <button className="notice-close" aria-label="关闭" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
