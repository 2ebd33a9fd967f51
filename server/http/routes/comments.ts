import type { CommentStatus } from '../../../shared/review/commentsTypes.ts'
import { COMMENT_LIMITS } from '../../../shared/review/commentsTypes.ts'
import { createThread, listThreads, pendingFor, replyToThread, setResolved } from '../../comments/commentThreads.ts'
import { AppError } from '../../AppError.ts'
import { atLeast } from '../../docs/roles.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'
import { object, optional, text, type Check } from '../validate.ts'

/** Comment and item ids as the editor mints them (and the update check accepts in marks). */
const ID = /^[A-Za-z0-9_-]{1,64}$/

function id(what: string): Check<string> {
  return (value, field) => {
    if (typeof value !== 'string' || !ID.test(value)) throw new AppError('bad-request', `字段“${field}”不是有效的${what}编号`)
    return value
  }
}

const newThreadBody = object({ id: optional(id('批注')), itemId: id('条目'), text: text({ max: COMMENT_LIMITS.text }) })
const replyBody = object({ text: text({ max: COMMENT_LIMITS.text }) })
const STATUSES: readonly CommentStatus[] = ['open', 'resolved', 'orphan', 'all']

/** The document when the user may comment on it (owner, editor, reviewer); a viewer gets 403 saying why. */
async function commenter(ctx: RequestContext): ReturnType<RequestContext['doc']> {
  const access = await ctx.doc('viewer')
  if (!atLeast(access.role, 'reviewer')) throw new AppError('forbidden', '您只能查看此文档，不能添加或回复批注', 403)
  return access
}

/**
 * 批注 (comment threads). Owners, editors and reviewers comment and reply; the author or an editor
 * resolves and reopens; everyone with a role reads. Author and time are stamped by the server.
 */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/comments',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const status = ctx.query.get('status') ?? 'open'
      if (!(STATUSES as readonly string[]).includes(status)) throw new AppError('bad-request', '状态只能是 open（未解决）、resolved（已解决）、orphan（原文已删除）或 all（全部）')
      const threads = await listThreads(ctx.services, doc, { status: status as CommentStatus, person: ctx.query.get('person') ?? undefined, department: ctx.query.get('department') ?? undefined })
      return { threads }
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/comments',
    async handle(ctx) {
      const { doc } = await commenter(ctx)
      const body = await ctx.body(newThreadBody)
      const thread = await createThread(ctx.services, ctx.user, doc, body)
      ctx.services.log.info('comment.create', { doc: doc.id, thread: thread.id, user: ctx.user.id, mentions: thread.mentions.length })
      return Reply.json(thread, 201)
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/comments/:threadId/replies',
    async handle(ctx) {
      const { doc } = await commenter(ctx)
      const body = await ctx.body(replyBody)
      return replyToThread(ctx.services, ctx.user, doc, ctx.params.threadId ?? '', body.text)
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/comments/:threadId/resolve',
    async handle(ctx) {
      const { doc, role } = await commenter(ctx)
      return setResolved(ctx.services, ctx.user, role, doc, ctx.params.threadId ?? '', true)
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/comments/:threadId/reopen',
    async handle(ctx) {
      const { doc, role } = await commenter(ctx)
      return setResolved(ctx.services, ctx.user, role, doc, ctx.params.threadId ?? '', false)
    },
  },
  {
    method: 'GET',
    path: '/api/me/pending',
    async handle(ctx) {
      return { pending: await pendingFor(ctx.services, ctx.user) }
    },
  },
]
