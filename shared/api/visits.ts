/** A user's visit to a document: the history position (sequence number) and time they saw. */
export interface VisitInfo {
  seq: number
  at: string
}

/** Answer to POST /api/documents/:id/visit: the visit just recorded and the one before it (absent on a first visit). */
export interface VisitResponse {
  current: VisitInfo
  previous?: VisitInfo
}

/** Answer to GET /api/documents/:id/visit: the caller's last recorded visit, if any. */
export interface LastVisitResponse {
  visit?: VisitInfo
}
