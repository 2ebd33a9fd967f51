/**
 * The file name a Content-Disposition header gives: the RFC 5987 `filename*=UTF-8''…` form first
 * (the server sends Chinese names that way), then a plain `filename="…"`; undefined when neither
 * is there or the name cannot be decoded. Path parts are dropped so a name can never point elsewhere.
 */
export function dispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header)
  let name: string | undefined
  if (extended && extended[1].toLowerCase() === 'utf-8') {
    try {
      name = decodeURIComponent(extended[2].trim())
    } catch {
      name = undefined
    }
  }
  if (!name) name = /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1]
  const base = name?.split(/[\\/]/).pop()?.trim()
  return base ? base : undefined
}
