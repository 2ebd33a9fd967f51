/** Shortest piece of a sentence counted as a task of its own; shorter ones are joined to the previous. */
const MIN_TASK_LENGTH = 6

/** Splits an item body into its tasks: sentences and clauses ending in 。；！？ (the mark is kept). */
export function splitTasks(body: string): string[] {
  const out: string[] = []
  for (const piece of body.split(/(?<=[。；！？;])/)) {
    const text = piece.trim()
    if (!text) continue
    if (out.length && text.replace(/[。；！？;]/g, '').length < MIN_TASK_LENGTH) out[out.length - 1] += text
    else out.push(text)
  }
  return out
}
