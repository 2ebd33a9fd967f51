import type { LoginResponse } from '../../shared/api/types.ts'

const KEY = 'plan-studio/session'

/** The signed-in session kept in this browser: token, expiry and user. */
export type Session = LoginResponse

let current: Session | null = load()
const listeners = new Set<() => void>()

function load(): Session | null {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return null
    const session = JSON.parse(raw) as Session
    return Date.parse(session.expiresAt) > Date.now() ? session : null
  } catch {
    return null
  }
}

/** The current session, or null when signed out or expired. */
export function getSession(): Session | null {
  if (current && Date.parse(current.expiresAt) <= Date.now()) setSession(null)
  return current
}

/** Stores (or, with null, forgets) the session and tells every subscriber. */
export function setSession(session: Session | null): void {
  current = session
  try {
    if (session) localStorage.setItem(KEY, JSON.stringify(session))
    else localStorage.removeItem(KEY)
  } catch {
    // Private windows may refuse storage; the session then lasts for this page only.
  }
  for (const listener of listeners) listener()
}

/** Subscribes to session changes (for useSyncExternalStore). */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
