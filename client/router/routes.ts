/** The pages of the app and the parameters in their paths. */
export type Route =
  | { page: 'login' }
  | { page: 'documents' }
  | { page: 'editor'; docId: string }
  | { page: 'version'; docId: string; versionId: string }
  | { page: 'review'; docId: string }
  | { page: 'ledger'; docId: string }
  | { page: 'users' }
  | { page: 'tasks' }
  | { page: 'notFound' }

/** Reads a path such as /documents/abc/versions/v1 as a route. */
export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  if (parts.length === 0) return { page: 'documents' }
  if (parts[0] === 'login' && parts.length === 1) return { page: 'login' }
  if (parts[0] === 'admin' && parts[1] === 'users' && parts.length === 2) return { page: 'users' }
  if (parts[0] === 'tasks' && parts.length === 1) return { page: 'tasks' }
  if (parts[0] === 'documents') {
    if (parts.length === 1) return { page: 'documents' }
    if (parts.length === 2) return { page: 'editor', docId: parts[1] }
    if (parts.length === 3 && parts[2] === 'review') return { page: 'review', docId: parts[1] }
    if (parts.length === 3 && parts[2] === 'ledger') return { page: 'ledger', docId: parts[1] }
    if (parts.length === 4 && parts[2] === 'versions') return { page: 'version', docId: parts[1], versionId: parts[3] }
  }
  return { page: 'notFound' }
}

/** The path of a route, for links and navigation. */
export function routePath(route: Route): string {
  switch (route.page) {
    case 'login':
      return '/login'
    case 'users':
      return '/admin/users'
    case 'tasks':
      return '/tasks'
    case 'documents':
    case 'notFound':
      return '/'
    case 'editor':
      return `/documents/${encodeURIComponent(route.docId)}`
    case 'version':
      return `/documents/${encodeURIComponent(route.docId)}/versions/${encodeURIComponent(route.versionId)}`
    case 'review':
      return `/documents/${encodeURIComponent(route.docId)}/review`
    case 'ledger':
      return `/documents/${encodeURIComponent(route.docId)}/ledger`
  }
}
