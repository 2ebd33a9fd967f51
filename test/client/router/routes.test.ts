import { describe, expect, it } from 'vitest'
import { parseRoute, routePath } from '../../../client/router/routes.ts'
import type { Route } from '../../../client/router/routes.ts'

describe('routes', () => {
  it('reads every page from its path and writes the same path back', () => {
    const routes: [string, Route][] = [
      ['/', { page: 'documents' }],
      ['/login', { page: 'login' }],
      ['/documents/d123', { page: 'editor', docId: 'd123' }],
      ['/documents/d123/versions/v9', { page: 'version', docId: 'd123', versionId: 'v9' }],
    ]
    for (const [path, route] of routes) {
      expect(parseRoute(path)).toEqual(route)
      expect(routePath(route)).toBe(path)
    }
  })

  it('treats a trailing slash like none and unknown paths as not found', () => {
    expect(parseRoute('/documents/d1/')).toEqual({ page: 'editor', docId: 'd1' })
    expect(parseRoute('/documents/d1/history')).toEqual({ page: 'notFound' })
    expect(parseRoute('/admin')).toEqual({ page: 'notFound' })
  })

  it('escapes ids in paths so that an odd id cannot make another route', () => {
    const route: Route = { page: 'editor', docId: 'a/b c' }
    expect(routePath(route)).toBe('/documents/a%2Fb%20c')
    expect(parseRoute(routePath(route))).toEqual(route)
  })
})
