import { xmlSafe } from '../export/xmlSafe.ts'

/** Longest file name stem (before .docx) we send. */
const MAX_STEM = 80

/** Characters Windows refuses in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g

/**
 * The download name of a 修改对照表: 修改对照表-<title>.docx, safe on every system (ASCII brackets and
 * apostrophes, which RFC 5987 names may not carry, become their full-width forms) and not overly long.
 */
export function reviewFilename(title: string): string {
  // Cut before cleaning: the patterns below backtrack on long runs of dots, and a lone surrogate cannot be percent-encoded.
  const clean = xmlSafe(title.slice(0, MAX_STEM * 4))
    .replace(UNSAFE, ' ')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/'/g, '’')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const stem = Array.from(clean).slice(0, MAX_STEM).join('').trim()
  return stem ? `修改对照表-${stem}.docx` : '修改对照表.docx'
}
