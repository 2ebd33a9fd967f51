import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiError } from '../../shared/api/types.ts'
import { PlanError } from '../../shared/plan/errors.ts'
import { AppError } from '../AppError.ts'
import type { Authenticated } from '../auth/sessions.ts'
import type { Services } from '../services.ts'
import { readJsonBody } from './readJsonBody.ts'
import { Reply, type RequestContext, type Route } from './route.ts'

interface Compiled {
  route: Route
  pattern: RegExp
  names: string[]
}

/** Matches API requests to routes, checks the token, runs the handler and writes JSON or an error. */
export class Router {
  private readonly compiled: Compiled[]

  constructor(
    routes: Route[],
    private readonly services: Services,
  ) {
    this.compiled = routes.map((route) => {
      const names: string[] = []
      const source = route.path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
        names.push(name)
        return '([^/]+)'
      })
      return { route, pattern: new RegExp(`^${source}/?$`), names }
    })
  }

  /** Handles one /api request; never throws. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const reply = await this.dispatch(req, url)
      send(res, reply instanceof Reply ? reply : Reply.json(reply))
    } catch (err) {
      send(res, this.errorReply(err, req, url))
    }
  }

  private async dispatch(req: IncomingMessage, url: URL): Promise<unknown> {
    let pathMatched = false
    for (const { route, pattern, names } of this.compiled) {
      const m = pattern.exec(url.pathname)
      if (!m) continue
      pathMatched = true
      if (route.method !== req.method) continue
      const params: Record<string, string> = {}
      names.forEach((name, i) => (params[name] = decodeParam(m[i + 1])))
      const auth = await this.services.sessions.authenticate(bearer(req))
      if (!auth && !route.public) throw new AppError('unauthenticated', '请先登录，或登录已过期', 401)
      return route.handle(this.context(req, url, params, auth))
    }
    if (pathMatched) throw new AppError('method-not-allowed', '不支持此请求方法', 405)
    throw new AppError('not-found', '没有这个接口', 404)
  }

  private context(req: IncomingMessage, url: URL, params: Record<string, string>, auth: Authenticated | null): RequestContext {
    const services = this.services
    let body: Promise<unknown> | undefined
    return {
      req,
      params,
      query: url.searchParams,
      auth,
      services,
      get user() {
        if (!auth) throw new AppError('unauthenticated', '请先登录', 401)
        return auth.user
      },
      body: () => (body ??= readJsonBody(req)),
      doc(need) {
        if (!auth) throw new AppError('unauthenticated', '请先登录', 401)
        return services.documents.access(auth.user, params.id ?? '', need)
      },
    }
  }

  private errorReply(err: unknown, req: IncomingMessage, url: URL): Reply {
    if (err instanceof AppError) {
      if (err.status >= 500) this.services.log.error('http.error', { method: req.method, path: url.pathname, code: err.code })
      return Reply.json(errorBody(err.code, err.message), err.status)
    }
    if (err instanceof PlanError) return Reply.json(errorBody(err.code, err.message), 400)
    this.services.log.error('http.failed', { method: req.method, path: url.pathname }, err)
    return Reply.json(errorBody('internal', '服务器内部错误，请稍后重试'), 500)
  }
}

function errorBody(code: string, message: string): ApiError {
  return { error: { code, message } }
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new AppError('bad-request', '请求地址无效', 400)
  }
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return m ? m[1] : null
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...reply.headers }
  if (reply.body instanceof Uint8Array) {
    res.writeHead(reply.status, { 'Content-Length': String(reply.body.length), ...headers })
    res.end(reply.body)
    return
  }
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body)
  res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers })
  res.end(text)
}
