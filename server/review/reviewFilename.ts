/** Characters Windows refuses in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g

/**
 * The download name of a 修改对照表: 修改对照表-<title>.docx, safe on every system (ASCII brackets and
 * apostrophes, which RFC 5987 names may not carry, become their full-width forms) and not overly long.
 */
export function reviewFilename(title: string): string {
  const clean = title
    .replace(UNSAFE, ' ')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/'/g, '’')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const stem = Array.from(clean).slice(0, 80).join('').trim()
  return stem ? `修改对照表-${stem}.docx` : '修改对照表.docx'
}
