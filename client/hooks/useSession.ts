import { useSyncExternalStore } from 'react'
import { getSession, subscribeSession } from '../api/session.ts'
import type { Session } from '../api/session.ts'

/** The signed-in session (or null); re-renders on sign-in, sign-out and expiry. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession)
}
