import type { Route } from './routes.ts'
import { routePath } from './routes.ts'

const listeners = new Set<() => void>()

/** Goes to a page without reloading (history.pushState), or replaces the current entry. */
export function navigate(route: Route, replace = false): void {
  const path = routePath(route)
  if (path !== location.pathname) {
    if (replace) history.replaceState(null, '', path)
    else history.pushState(null, '', path)
  }
  for (const listener of listeners) listener()
}

/** Subscribes to path changes, including the browser's back and forward buttons. */
export function subscribePath(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}
