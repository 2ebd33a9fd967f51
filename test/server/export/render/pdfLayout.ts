import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A line of text on a PDF page, in points from the top-left corner. */
export interface PdfLine {
  xMin: number
  xMax: number
  yMin: number
  yMax: number
  /** The line's words joined without spaces (Chinese text has none of its own). */
  text: string
}

/** A page of a PDF with its size and lines in reading order. */
export interface PdfPage {
  width: number
  height: number
  lines: PdfLine[]
}

const num = (attrs: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? NaN)

/** Reads every page's lines with their boxes from `pdftotext -bbox-layout`. */
export async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })
  const pages: PdfPage[] = []
  for (const page of stdout.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = []
    for (const line of page[2].matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...line[2].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]))
      lines.push({ xMin: num(line[1], 'xMin'), xMax: num(line[1], 'xMax'), yMin: num(line[1], 'yMin'), yMax: num(line[1], 'yMax'), text: words.join('') })
    }
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    pages.push({ width: num(page[1], 'width'), height: num(page[1], 'height'), lines })
  }
  return pages
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}
