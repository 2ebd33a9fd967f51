/** Something text is written to: process.stdout, or a buffer in a test. */
export interface TextSink {
  write(text: string): unknown
}

/** Where a run of the CLI reads and writes: the process's own streams, or injected ones (tests run the CLI in-process). */
export interface CliIo {
  stdout: TextSink
  stderr: TextSink
  /** Read only by commands given "-" as their file. */
  stdin: AsyncIterable<Uint8Array>
  /** The environment (`plan user` reads DATA_DIR). */
  env: Readonly<Record<string, string | undefined>>
}

/** A CLI command: takes its arguments (after the command name) and its streams, and returns the exit code. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>

/** An error a command reports as one line on stderr with the given exit code (2 = usage). */
export class CliError extends Error {
  readonly exitCode: number

  constructor(message: string, exitCode = 1) {
    super(message)
    this.exitCode = exitCode
  }
}

/** Splits arguments into positionals and --flags (a flag takes the next argument as its value when listed in `valued`). */
export function parseArgs(args: string[], valued: string[] = []): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (!a.startsWith('-') || a === '-') {
      positional.push(a)
      continue
    }
    const [key, inline] = a.replace(/^--?/, '').split('=', 2)
    if (inline !== undefined) flags.set(key, inline)
    else if (valued.includes(key)) {
      const value = args[++i]
      if (value === undefined) throw new CliError(`参数 --${key} 需要一个值`, 2)
      flags.set(key, value)
    } else flags.set(key, true)
  }
  return { positional, flags }
}
