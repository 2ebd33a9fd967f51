/** Path of the collaboration websocket: rooms are `/collab/<documentId>?token=<session token>`. */
export const COLLAB_PATH = '/collab'

/**
 * The `serverUrl` to give y-websocket's WebsocketProvider for a page served from `origin`
 * (http → ws, https → wss); the room name is the document id and `params: { token }` authenticates.
 */
export function collabServerUrl(origin: string): string {
  return origin.replace(/^http/, 'ws').replace(/\/+$/, '') + COLLAB_PATH
}

/**
 * Field of the server's own presence state in a room: a number that changes whenever the document's
 * record changed (title, linked plans, status, sharing), so open editors fetch it again at once.
 */
export const DOC_CHANGED_FIELD = 'docChanged'
