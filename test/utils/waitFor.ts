import type * as Y from 'yjs'

/** Options of the wait helpers. */
export interface WaitOptions {
  /** Give up after this many ms. @default 10000 */
  timeout?: number
  /** Shown when the wait times out. */
  message?: string
}

/**
 * Resolves once `predicate()` is true, checking it again on every turn of the event loop (no
 * fixed sleeps); rejects after the timeout. Use it for conditions that no event announces.
 */
export function waitFor(predicate: () => boolean, options: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 10_000)
  return new Promise((resolve, reject) => {
    const check = (): void => {
      let ok: boolean
      try {
        ok = predicate()
      } catch {
        ok = false
      }
      if (ok) return resolve()
      if (Date.now() > deadline) return reject(new Error(`timed out: ${options.message ?? predicate.toString()}`))
      setTimeout(check, 2)
    }
    check()
  })
}

/** Resolves with the arguments of the next `event` that passes `filter`. */
export function waitForEvent<A extends unknown[]>(
  emitter: { on(event: string, f: (...args: A) => void): unknown; off(event: string, f: (...args: A) => void): unknown },
  event: string,
  filter: (...args: A) => boolean = () => true,
  options: WaitOptions = {},
): Promise<A> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, handler)
      reject(new Error(`timed out waiting for ${event}${options.message ? ': ' + options.message : ''}`))
    }, options.timeout ?? 10_000)
    const handler = (...args: A): void => {
      if (!filter(...args)) return
      clearTimeout(timer)
      emitter.off(event, handler)
      resolve(args)
    }
    emitter.on(event, handler)
  })
}

/** Resolves once `predicate(doc)` holds, re-checking after every update the doc receives. */
export function waitForDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean, options: WaitOptions = {}): Promise<void> {
  if (predicate(doc)) return Promise.resolve()
  return waitForEvent(doc, 'update', () => predicate(doc), options).then(() => undefined)
}
