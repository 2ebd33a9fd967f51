import type { Route } from '../route.ts'
import { routes as accessRequests } from './accessRequests.ts'
import { routes as accounts } from './accounts.ts'
import { routes as breakdown } from './breakdown.ts'
import { routes as comments } from './comments.ts'
import { routes as documents } from './documents.ts'
import { routes as exports } from './export.ts'
import { routes as health } from './health.ts'
import { routes as history } from './history.ts'
import { routes as members } from './members.ts'
import { routes as progress } from './progress.ts'
import { routes as review } from './review.ts'
import { routes as session } from './session.ts'
import { routes as status } from './status.ts'
import { routes as templates } from './templates.ts'
import { routes as users } from './users.ts'
import { routes as versions } from './versions.ts'
import { routes as visits } from './visits.ts'
import { routes as wordReturn } from './wordReturn.ts'

/**
 * Every API route. To add endpoints (export, diff, alignment …) write a module exporting
 * `routes: Route[]` next to these and add it to this list.
 */
export const routeModules: Route[][] = [
  session,
  users,
  accounts,
  templates,
  documents,
  members,
  accessRequests,
  versions,
  status,
  history,
  visits,
  exports,
  breakdown,
  progress,
  review,
  comments,
  wordReturn,
  health,
]
