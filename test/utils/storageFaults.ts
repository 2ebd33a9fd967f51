import type { Storage } from '../../server/storage/Storage.ts'

/** A storage that behaves like `base` except for the methods in `overrides` (each gets the base to delegate to). */
export function overrideStorage(base: Storage, overrides: { [K in keyof Storage]?: (base: Storage, ...args: Parameters<Storage[K]>) => ReturnType<Storage[K]> }): Storage {
  const wrapped: Storage = {
    get: (c, k) => base.get(c, k),
    list: (c, p) => base.list(c, p),
    getBlob: (k) => base.getBlob(k),
    write: (ops) => base.write(ops),
    appendUpdates: (d, u, o) => base.appendUpdates(d, u, o),
    readUpdates: (d, r) => base.readUpdates(d, r),
    lastSeq: (d) => base.lastSeq(d),
    close: () => base.close(),
  }
  for (const [name, fn] of Object.entries(overrides)) {
    ;(wrapped as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => (fn as (b: Storage, ...a: unknown[]) => unknown)(base, ...args)
  }
  return wrapped
}

/** A promise that resolves after `ms`: used only to make storage slow on purpose, never to wait in a test. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
