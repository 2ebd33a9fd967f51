import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { toolsMissing } from '../../../utils/tools.ts'

const run = promisify(execFile)

/** The project's font aliases for the official-document fonts (see test/utils/fonts/fonts.conf). */
export const FONTS_CONF = fileURLToPath(new URL('../../../utils/fonts/fonts.conf', import.meta.url))

/**
 * Why render checks cannot run here (they skip), or undefined when LibreOffice and poppler-utils are
 * installed; under CI=true a missing program throws instead, so CI fails rather than skips.
 */
export function renderUnavailable(): string | undefined {
  return toolsMissing(['soffice', 'pdftotext', 'pdffonts', 'pdftoppm'], 'apt-get install -y libreoffice-writer-nogui poppler-utils', 'render checks')
}

/**
 * Converts .docx files to PDF with LibreOffice in one run, with the project's font aliases and a
 * private profile (so parallel runs do not share ~/.config/libreoffice). Returns name → PDF path.
 */
export async function docxToPdf(files: Record<string, Uint8Array>): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-export-'))
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, `${name}.docx`)
    writeFileSync(path, bytes)
    return path
  })
  const args = [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs]
  const { stdout, stderr } = await run('soffice', args, { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, timeout: 180_000 })
  const pdfs: Record<string, string> = {}
  for (const name of Object.keys(files)) {
    const pdf = join(dir, `${name}.pdf`)
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${name}.docx:\n${stdout}\n${stderr}`)
    pdfs[name] = pdf
  }
  return pdfs
}

/** Saves one page of a PDF as PNG (80 dpi) at outPath (without the .png extension). */
export async function pageToPng(pdf: string, page: number, outPath: string): Promise<string> {
  await run('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, outPath])
  return `${outPath}.png`
}

/** Font names pdffonts lists for a PDF (subset prefixes removed). */
export async function pdfFonts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [pdf])
  return stdout
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0])
    .filter(Boolean)
    .map((name) => name.replace(/^[A-Z]{6}\+/, ''))
}
