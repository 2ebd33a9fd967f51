import type { AuthorView } from '../../../shared/diff/entryAuthors.ts'

/**
 * Beijing time, whatever the server's own zone: the table is read in a Chinese office, and a server
 * in a container usually runs on UTC.
 */
const WHEN = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })

/** 修改人：张伟（2026年11月22日 09:12）、李娜（…）, latest first; '' when nobody is known. */
export function authorLine(authors: AuthorView[]): string {
  if (!authors.length) return ''
  return `修改人：${authors.map((a) => `${a.name}（${WHEN.format(new Date(a.at))}）`).join('、')}`
}
