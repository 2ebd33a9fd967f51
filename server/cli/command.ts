/** A CLI command: takes its arguments (after the command name) and returns the exit code. */
export type CliCommand = (args: string[]) => Promise<number>

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
