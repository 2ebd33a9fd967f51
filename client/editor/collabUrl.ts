import { collabServerUrl } from '../../shared/api/collab.ts'

/** The websocket base URL of the collaboration rooms on the server this page came from. */
export function collabUrl(): string {
  return collabServerUrl(location.origin)
}
