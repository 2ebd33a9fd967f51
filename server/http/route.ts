import type { IncomingMessage } from 'node:http'
import type { DocRole } from '../../shared/api/types.ts'
import type { AppError } from '../AppError.ts'
import type { Authenticated } from '../auth/sessions.ts'
import type { UserRecord } from '../auth/users.ts'
import type { DocumentRecord } from '../docs/documents.ts'
import type { Services } from '../services.ts'
import type { Check } from './validate.ts'

/** HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What a handler gets: path parameters, query, the signed-in user, the services and the body. */
export interface RequestContext {
  req: IncomingMessage
  params: Record<string, string>
  query: URLSearchParams
  /** Null only on public routes. */
  auth: Authenticated | null
  /** The signed-in user and session (throws 401 on a public route without a token). */
  readonly signedIn: Authenticated
  /** The signed-in user (throws 401 on a public route without a token). */
  readonly user: UserRecord
  /** The client's address as limits count it (see clientAddress). */
  address: string
  services: Services
  /** The parsed JSON body; AppError 400/413 when it is not JSON or too large. */
  body(): Promise<unknown>
  /** The parsed JSON body checked field by field (see validate.ts); AppError 400 naming the field. */
  body<T>(check: Check<T>): Promise<T>
  /** The raw body in a buffer of its own (transferable), at most `limit` bytes (never above the route's); `tooLarge` replaces the 413. */
  bytes(options?: { limit?: number; tooLarge?: AppError }): Promise<Uint8Array>
  /** The document named by the `:id` parameter, when the user's role on it is at least `need`; 404/403 otherwise. */
  doc(need: DocRole): Promise<{ doc: DocumentRecord; role: DocRole }>
}

/** The rate limits routes can name. */
export type RateLimitName = 'create-document'

/** One API endpoint. A route module exports `routes: Route[]` and is listed in routes/index.ts. */
export interface Route {
  method: Method
  /** Path with `:name` parameters, e.g. /api/documents/:id/versions. */
  path: string
  /** True for the few routes that need no sign-in (login). */
  public?: boolean
  /** Largest request body. @default JSON_BODY_BYTES (64 KB), PUBLIC_BODY_BYTES (8 KB) on public routes */
  maxBodyBytes?: number
  /** Requests counted per account and per address before the body is read (429 past the rate). */
  rateLimit?: RateLimitName
  /** Returns the JSON body (status 200) or a Reply. */
  handle(ctx: RequestContext): Promise<unknown> | unknown
}

/** A response other than "200 with this JSON": another status, or bytes (exports). */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}

  /** JSON with a status, e.g. 201. */
  static json(body: unknown, status = 200): Reply {
    return new Reply(status, body)
  }

  /** A file download (e.g. a .docx export); the name may be Chinese. */
  static file(bytes: Uint8Array, contentType: string, filename: string): Reply {
    return new Reply(200, bytes, {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    })
  }
}
