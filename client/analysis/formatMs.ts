/** Milliseconds as the panels print them: 3.2 毫秒, 24 毫秒. */
export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} 毫秒`
}
