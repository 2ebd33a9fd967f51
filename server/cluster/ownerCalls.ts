import type { ApiErrorCode } from '../errorCodes.ts'
import { AppError } from '../AppError.ts'
import type { Log } from '../log.ts'
import { NotOwnerError } from './NotOwnerError.ts'
import { RELAY, type RelayMessage } from './relayProtocol.ts'

/** Arguments of a call to a document's owner (strings only: they cross Redis as JSON). */
export type CallArgs = Record<string, string>

/** Serves one kind of call on the owning process. */
export type CallHandler = (docId: string, args: CallArgs) => Promise<unknown>

/** A call's outcome as it travels back: the value, the AppError to throw, or "no longer the owner". */
type ReplyBody = { value: unknown } | { error: { code: ApiErrorCode; message: string; status: number } } | { moved: true }

/** What the calls need from the cluster node. */
export interface CallsNode {
  readonly id: string
  /** True while this process holds the document's lease. */
  holds(docId: string): boolean
  /** The process holding the document's lease, or null. */
  ownerOf(docId: string): Promise<string | null>
  publish(node: string, msg: RelayMessage): Promise<void>
}

/** How many times a call follows a lease that moves while it is under way before answering 503. */
const ATTEMPTS = 3

/**
 * Operations on a document that must run where the document is open (restoring a version changes
 * it; saving one needs the state the owner accepted, not what PostgreSQL has so far): run here when
 * this process owns the document or nobody does (it then takes the lease), else sent to the owner
 * over its Redis channel, the answer or the error coming back the same way.
 */
export class OwnerCalls {
  private readonly handlers = new Map<string, CallHandler>()
  private readonly pending = new Map<string, { resolve(body: ReplyBody): void; timer: NodeJS.Timeout }>()
  private next = 0

  constructor(
    private readonly node: CallsNode,
    private readonly log: Log,
    /** How long a caller waits for the owner's answer before answering 503 (the owner may have died). */
    private readonly timeoutMs: number,
  ) {}

  /** Serves `op` for other processes. */
  serve(op: string, handler: CallHandler): void {
    this.handlers.set(op, handler)
  }

  /** Runs `here` when this process owns the document or nobody does, else `op` on the owner (waiting at most `timeoutMs` for it); resolves to its value. */
  async atOwner<T>(docId: string, op: string, args: CallArgs, here: () => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const owner = await this.node.ownerOf(docId)
      if (!owner || owner === this.node.id) {
        try {
          return await here()
        } catch (err) {
          // Another process took the lease between the look-up and the load: ask it instead.
          if (err instanceof NotOwnerError) continue
          throw err
        }
      }
      const body = await this.call(owner, op, docId, args, timeoutMs)
      if ('moved' in body) continue
      if ('error' in body) throw new AppError(body.error.code, body.error.message, body.error.status)
      return body.value as T
    }
    throw new NotOwnerError()
  }

  /** Handles a call or reply message from another process. */
  receive(msg: RelayMessage): void {
    if (msg.kind === RELAY.reply) {
      const waiting = this.pending.get(msg.conn)
      if (!waiting) return
      this.pending.delete(msg.conn)
      clearTimeout(waiting.timer)
      waiting.resolve(JSON.parse(msg.body) as ReplyBody)
    } else if (msg.kind === RELAY.call) {
      void this.answer(msg.conn, msg.from, msg.op, msg.docId, msg.args)
    }
  }

  /** Ends every waiting call with 503 (the node is closing). */
  close(): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer)
      waiting.resolve({ error: { code: 'server-busy', message: new NotOwnerError().message, status: 503 } })
      this.pending.delete(id)
    }
  }

  private call(owner: string, op: string, docId: string, args: CallArgs, timeoutMs: number): Promise<ReplyBody> {
    const id = `${this.node.id}/call/${++this.next}`
    return new Promise((resolve) => {
      // No answer in time: the owner died or stalls. 503 asks the user to retry (the operation may have happened).
      const timer = setTimeout(() => {
        this.pending.delete(id)
        this.log.warn('cluster.call.timeout', { op, doc: docId, owner })
        resolve({ error: { code: 'server-busy', message: new NotOwnerError().message, status: 503 } })
      }, timeoutMs)
      timer.unref()
      this.pending.set(id, { resolve, timer })
      this.node.publish(owner, { kind: RELAY.call, conn: id, from: this.node.id, op, docId, args: JSON.stringify(args) }).catch(() => {
        this.pending.delete(id)
        clearTimeout(timer)
        resolve({ error: { code: 'server-busy', message: new NotOwnerError().message, status: 503 } })
      })
    })
  }

  /** Runs a call here if this process still owns the document, and sends the outcome back. */
  private async answer(id: string, from: string, op: string, docId: string, args: string): Promise<void> {
    const handler = this.handlers.get(op)
    let body: ReplyBody
    if (!this.node.holds(docId)) body = { moved: true }
    else if (!handler) body = { error: { code: 'internal', message: '服务器内部错误，请稍后重试', status: 500 } }
    else {
      try {
        body = { value: (await handler(docId, JSON.parse(args) as CallArgs)) ?? null }
      } catch (err) {
        if (err instanceof NotOwnerError) body = { moved: true }
        else if (err instanceof AppError) body = { error: { code: err.code, message: err.message, status: err.status } }
        else {
          this.log.error('cluster.call.failed', { op, doc: docId }, err)
          body = { error: { code: 'internal', message: '服务器内部错误，请稍后重试', status: 500 } }
        }
      }
    }
    await this.node.publish(from, { kind: RELAY.reply, conn: id, body: JSON.stringify(body) }).catch((err: unknown) => this.log.warn('cluster.call.reply.failed', { op, doc: docId }, err))
  }
}
