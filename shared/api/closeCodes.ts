/**
 * WebSocket close codes of the collaboration server. y-websocket 3.1 stops reconnecting on
 * 4400–4499, so every "you may not" code is in that range; restarts (1012), server errors (1011) and
 * slow readers (1013) use the standard codes, after which clients reconnect and resend unsaved edits.
 */
export const CLOSE = {
  /** No token, a bad signature, or an expired or signed-out session. */
  unauthenticated: 4401,
  /** Signed in, but no role on this document. */
  forbidden: 4403,
  /** No such document (or it was archived). */
  notFound: 4404,
  /** A frame that is not a valid y-protocols message or Yjs update, or an update that breaks the plan schema (nesting, order, counts). */
  malformed: 4400,
  /** The user's role on the document changed while open (shared, demoted, promoted): the client reopens it with the new role. */
  roleChanged: 4409,
  /** The document became 定稿 (final) while open: it takes no more updates until an owner reopens it. */
  finalized: 4423,
  /** Over a size limit: a frame over 10 MB, an update that would break a plan limit (PLAN_LIMIT_*), or too much presence. */
  tooLarge: 4413,
  /** The server is stopping; reconnecting later is right. */
  restarting: 1012,
  /** The server failed to store or send an update (storage error, failed send); the client reconnects and resends. */
  serverError: 1011,
  /** The client stopped reading (its unsent data passed the limit); reconnecting later is right. */
  tryAgainLater: 1013,
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
    case CLOSE.roleChanged:
      return '您在本文档的角色已变更，正在重新打开'
    case CLOSE.finalized:
      return '文档已定稿，不能再修改'
    case CLOSE.malformed:
      return '收到无法识别的数据，连接已断开'
    case CLOSE.tooLarge:
      return '修改超出文档的大小上限（单次修改、条目或全文过长，或在线状态过多），连接已断开'
    case CLOSE.restarting:
      return '服务器正在重启，稍后自动重新连接'
    case CLOSE.serverError:
      return '服务器暂时无法保存，正在重新连接，未保存的修改会重新发送'
    case CLOSE.tryAgainLater:
      return '网络过慢，连接已断开，正在重新连接'
    default:
      return undefined
  }
}
