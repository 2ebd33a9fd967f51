/**
 * WebSocket close codes of the collaboration server. y-websocket 3.1 stops reconnecting on
 * 4400–4499, so every "you may not" code is in that range; restarts use 1012 so clients come back.
 */
export const CLOSE = {
  /** No token, a bad signature, or an expired or signed-out session. */
  unauthenticated: 4401,
  /** Signed in, but no role on this document. */
  forbidden: 4403,
  /** No such document (or it was archived). */
  notFound: 4404,
  /** A frame that is not a valid y-protocols message or Yjs update. */
  malformed: 4400,
  /** A frame over the size limit. */
  tooLarge: 4413,
  /** The server is stopping; reconnecting later is right. */
  restarting: 1012,
} as const

/** One of the close codes above. */
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE]

/** Largest websocket frame the server accepts (10 MB). */
export const MAX_FRAME_BYTES = 10 * 1024 * 1024

/** The Chinese sentence a client shows for a close code. */
export function closeReason(code: number): string | undefined {
  switch (code) {
    case CLOSE.unauthenticated:
      return '登录已过期，请重新登录'
    case CLOSE.forbidden:
      return '您没有访问此文档的权限'
    case CLOSE.notFound:
      return '文档不存在或已归档'
    case CLOSE.malformed:
      return '收到无法识别的数据，连接已断开'
    case CLOSE.tooLarge:
      return '单次修改过大，连接已断开'
    default:
      return undefined
  }
}
