import type { SharedRole } from './types.ts'

/** Where a request for access stands. */
export type AccessRequestState = 'pending' | 'granted' | 'declined'

/** A colleague's request for a role on a document they cannot open (申请权限). */
export interface AccessRequestInfo {
  docId: string
  /** Shown to owners, and to the requester once granted (a declined requester never learns the title). */
  docTitle?: string
  userId: string
  name: string
  displayName: string
  note?: string
  at: string
  state: AccessRequestState
  /** The role given when granted. */
  role?: SharedRole
  decidedAt?: string
}

/** POST /api/documents/:id/access-requests/:userId (owners). */
export interface DecideAccessRequest {
  decision: 'grant' | 'decline'
  /** @default 'editor' */
  role?: SharedRole
}

/** Longest note with a request. */
export const MAX_REQUEST_NOTE = 200
