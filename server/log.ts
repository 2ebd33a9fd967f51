/** Values a log line may carry: ids, counts, codes; never document text. */
export type LogFields = Record<string, string | number | boolean | undefined | null>

/** One line per event: connections, rejections, errors. */
export interface Log {
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields, err?: unknown): void
  error(event: string, fields?: LogFields, err?: unknown): void
}

/** A log writing `time LEVEL event key=value …` lines to `write` (stdout by default). */
export function createLog(write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Log {
  const emit = (level: string, event: string, fields: LogFields = {}, err?: unknown): void => {
    const parts = [new Date().toISOString(), level, event]
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || value === null) continue
      parts.push(`${key}=${formatValue(value)}`)
    }
    if (err !== undefined) parts.push(`err=${formatValue(errorText(err))}`)
    write(parts.join(' '))
  }
  return {
    info: (event, fields) => emit('INFO', event, fields),
    warn: (event, fields, err) => emit('WARN', event, fields, err),
    error: (event, fields, err) => emit('ERROR', event, fields, err),
  }
}

/** A log that drops everything (benches, tools). */
export const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} }

function formatValue(value: string | number | boolean): string {
  const text = String(value)
  // Quote anything with spaces or quotes so that one event stays one parseable line.
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text)
}

function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300)
  return String(err).slice(0, 300)
}
