import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiError } from '../../shared/api/types.ts'
import { PlanError } from '../../shared/plan/errors.ts'
import { AppError } from '../AppError.ts'
import { RetryLater } from '../auth/retryLater.ts'
import type { Authenticated } from '../auth/sessions.ts'
import type { Services } from '../services.ts'
import { BodyBudget, JSON_BODY_BYTES, PUBLIC_BODY_BYTES } from './bodyLimits.ts'
import { clientAddress } from './clientAddress.ts'
import type { ApiErrorCode } from '../errorCodes.ts'
import { DEFAULT_RATES, RouteRates, type HoldOptions, type RateOptions } from './routeRates.ts'
import { checkDeclaredLength, readBodyBytes, readJsonBody } from './readJsonBody.ts'
import { setSecurityHeaders } from './securityHeaders.ts'
import { Reply, type RequestContext, type Route } from './route.ts'
import type { Check } from './validate.ts'

interface Compiled {
  route: Route
  pattern: RegExp
  names: string[]
}

/** Per-server limits of the router (tests lower them). */
export interface RouterOptions {
  /** Bytes of request bodies held at once across all requests. @default BODIES_IN_FLIGHT_BYTES */
  bodyBudgetBytes?: number
  /** @default DEFAULT_RATES */
  rates?: RateOptions
  /** @default DEFAULT_HOLD */
  hold?: HoldOptions
}

/** One request's state the router cleans up after answering. */
interface Pending {
  /** Bytes taken from the body budget, given back when the answer is sent. */
  reserved: number
  /** The client's address, read while the socket is still attached. */
  address: string
}

/**
 * Matches API requests to routes, checks the body size, the token and the rate, runs the handler
 * and writes JSON or an error.
 */
export class Router {
  private readonly compiled: Compiled[]
  private readonly budget: BodyBudget
  private readonly rates: RouteRates

  constructor(
    routes: Route[],
    private readonly services: Services,
    options: RouterOptions = {},
  ) {
    this.compiled = routes.map((route) => {
      const names: string[] = []
      const source = route.path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
        names.push(name)
        return '([^/]+)'
      })
      return { route, pattern: new RegExp(`^${source}/?$`), names }
    })
    this.budget = new BodyBudget(options.bodyBudgetBytes)
    this.rates = new RouteRates(options.rates ?? DEFAULT_RATES, options.hold)
  }

  /** Handles one /api request; never throws. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const pending: Pending = { reserved: 0, address: clientAddress(req) }
    setSecurityHeaders(res)
    try {
      const reply = await this.dispatch(req, url, pending)
      send(req, res, reply instanceof Reply ? reply : Reply.json(reply))
    } catch (err) {
      send(req, res, this.errorReply(err, req, url, pending.address))
    } finally {
      this.budget.release(pending.reserved)
    }
  }

  private async dispatch(req: IncomingMessage, url: URL, pending: Pending): Promise<unknown> {
    let pathMatched = false
    for (const { route, pattern, names } of this.compiled) {
      const m = pattern.exec(url.pathname)
      if (!m) continue
      pathMatched = true
      if (route.method !== req.method) continue
      const params: Record<string, string> = {}
      names.forEach((name, i) => (params[name] = decodeParam(m[i + 1])))
      const limit = route.maxBodyBytes ?? (route.public ? PUBLIC_BODY_BYTES : JSON_BODY_BYTES)
      // Refuse an oversized body by its declared length before anything else is done with it.
      checkDeclaredLength(req, limit)
      const auth = await this.services.sessions.authenticate(bearer(req))
      if (!auth && !route.public) throw new AppError('unauthenticated', '请先登录，或登录已过期', 401)
      const address = pending.address
      if (route.rateLimit && auth) await this.rates.takeOrHold(route.rateLimit, auth.user.id, address, () => req.pause())
      const reserve = (bytes: number): boolean => {
        if (!this.budget.reserve(bytes)) return false
        pending.reserved += bytes
        return true
      }
      const reading = { limit, reserve, fits: (bytes: number) => this.budget.fits(bytes) }
      const bytes: RequestContext['bytes'] = (o = {}) => readBodyBytes(req, { ...reading, limit: Math.min(limit, o.limit ?? limit), ...(o.tooLarge ? { tooLarge: o.tooLarge } : {}) })
      return route.handle(this.context(req, url, params, auth, address, () => readJsonBody(req, reading), bytes))
    }
    if (pathMatched) throw new AppError('method-not-allowed', '不支持此请求方法', 405)
    throw new AppError('not-found', '没有这个接口', 404)
  }

  private context(req: IncomingMessage, url: URL, params: Record<string, string>, auth: Authenticated | null, address: string, read: () => Promise<unknown>, bytes: RequestContext['bytes']): RequestContext {
    const services = this.services
    let body: Promise<unknown> | undefined
    const signedIn = (): Authenticated => {
      if (!auth) throw new AppError('unauthenticated', '请先登录', 401)
      return auth
    }
    function readBody(): Promise<unknown>
    function readBody<T>(check: Check<T>): Promise<T>
    async function readBody<T>(check?: Check<T>): Promise<unknown> {
      const value = await (body ??= read())
      return check ? check(value, '') : value
    }
    return {
      req,
      params,
      query: url.searchParams,
      auth,
      address,
      services,
      get signedIn() {
        return signedIn()
      },
      get user() {
        return signedIn().user
      },
      body: readBody,
      bytes,
      doc(need) {
        return services.documents.access(signedIn().user, params.id ?? '', need)
      },
    }
  }

  private errorReply(err: unknown, req: IncomingMessage, url: URL, address: string): Reply {
    if (err instanceof AppError) {
      if (err.status >= 500) this.services.log.error('http.error', { method: req.method, path: url.pathname, code: err.code })
      if (err.status === 413) this.services.log.warn('http.too-large', { method: req.method, path: url.pathname, address })
      const headers: Record<string, string> = err instanceof RetryLater ? { 'Retry-After': String(err.retryAfterSeconds) } : err.status === 503 ? { 'Retry-After': '5' } : {}
      return new Reply(err.status, errorBody(err.code, err.message), headers)
    }
    if (err instanceof PlanError) return Reply.json(errorBody(err.code, err.message), 400)
    this.services.log.error('http.failed', { method: req.method, path: url.pathname }, err)
    return Reply.json(errorBody('internal', '服务器内部错误，请稍后重试'), 500)
  }
}

function errorBody(code: ApiErrorCode, message: string): ApiError {
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
  const m = header ? /^Bearer ([^\s]+)$/i.exec(header) : null
  return m ? m[1] : null
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...reply.headers }
  // A large body left unread (refused before or while reading) is not drained: the connection ends
  // after the answer. A small one Node reads past, keeping the connection.
  const declared = req.headers['content-length']
  const small = declared !== undefined && /^\d{1,15}$/.test(declared) && Number(declared) <= PUBLIC_BODY_BYTES
  if (!req.complete && !small) {
    headers.Connection = 'close'
    const socket = res.socket
    res.once('finish', () => socket?.destroy())
  }
  if (reply.body instanceof Uint8Array) {
    res.writeHead(reply.status, { 'Content-Length': String(reply.body.length), ...headers })
    res.end(reply.body)
    return
  }
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body)
  res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers })
  res.end(text)
}
