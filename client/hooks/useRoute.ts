import { useMemo, useSyncExternalStore } from 'react'
import { subscribePath } from '../router/navigate.ts'
import { parseRoute } from '../router/routes.ts'
import type { Route } from '../router/routes.ts'

/** The page the browser's address points at; re-renders on navigation. */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribePath, () => location.pathname)
  return useMemo(() => parseRoute(path), [path])
}
