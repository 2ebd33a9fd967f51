import type { Sessions } from './auth/sessions.ts'
import type { Users } from './auth/users.ts'
import type { Rooms } from './collab/Rooms.ts'
import type { Documents } from './docs/documents.ts'
import type { OwnerCalls, Versions } from './docs/versions.ts'
import type { Visits } from './docs/visits.ts'
import type { Log } from './log.ts'
import type { Storage } from './storage/Storage.ts'

/** Everything a route handler may use; built once by startServer. */
export interface Services {
  storage: Storage
  users: Users
  sessions: Sessions
  documents: Documents
  versions: Versions
  visits: Visits
  rooms: Rooms
  log: Log
  dataDir: string
  /** In a cluster: runs an operation on the process that owns the document (server/cluster). */
  calls?: OwnerCalls
}
