/** A date as printed in official documents: 2021年9月14日 or 二〇二一年九月十四日; drafts write ××××年×月×日 until issued. */
export const DATE = /((?:\d{4}|××××)\s*年\s*(?:\d{1,2}|×{1,2})\s*月\s*(?:\d{1,2}|×{1,2})\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)/

/** A line that is an issuer and/or a date: "上海市闵行区教育局 2021年9月14日". */
export function splitIssuerDate(line: string): { issuer?: string; date?: string } | undefined {
  const trimmed = line.trim()
  const m = new RegExp(`^(.{0,40}?)\\s*${DATE.source}$`).exec(trimmed)
  if (!m) return undefined
  const issuer = m[1].trim()
  return { ...(issuer ? { issuer } : {}), date: m[2].replace(/\s+/g, '') }
}
