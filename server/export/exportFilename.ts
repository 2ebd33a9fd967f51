import { xmlSafe } from './xmlSafe.ts'

/** Longest file name stem (before .docx) we send; Windows paths and mail clients choke on longer ones. */
const MAX_STEM = 80

// Characters Windows forbids in file names, controls, and the ASCII quote and star RFC 5987 may not carry unescaped.
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g

/**
 * The download name of an export, `<title>.docx` or `<title>（<version>）.docx`: characters no file
 * system accepts become spaces, ASCII brackets and apostrophes their full-width forms (they are not
 * RFC 5987 attribute characters), runs of spaces and leading or trailing dots go, and a stem too
 * long for Windows is cut at a whole character (the version tag is kept). An empty title gives 工作要点.docx.
 */
export function exportFilename(title: string, version?: string): string {
  // Cut before cleaning: the patterns below backtrack on long runs of dots, and a lone surrogate cannot be percent-encoded.
  const clean = (text: string): string =>
    xmlSafe(text.slice(0, MAX_STEM * 4))
      .replace(FORBIDDEN, ' ')
      .replace(/\(/g, '（')
      .replace(/\)/g, '）')
      .replace(/'/g, '’')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.]+$/g, '')
  const cut = (text: string, length: number): string => Array.from(text).slice(0, length).join('').trim()
  const tag = version && clean(version) ? `（${cut(clean(version), MAX_STEM / 2)}）` : ''
  const base = cut(clean(title), MAX_STEM - Array.from(tag).length) || '工作要点'
  return `${base}${tag}.docx`
}
