/**
 * The title a cover notice prints when nobody has written one: 关于印发《plan title》的通知. The editor
 * shows it in the empty title line, so what is on screen is what the export prints.
 */
export function derivedNoticeTitle(planTitle: string): string {
  const title = planTitle.trim()
  return title ? `关于印发《${title}》的通知` : ''
}
