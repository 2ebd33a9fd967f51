import { listTemplates } from '../../templates/templates.ts'
import type { Route } from '../route.ts'

/** The templates a new document can start from. */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/templates',
    handle: () => listTemplates(),
  },
]
