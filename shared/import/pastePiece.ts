import type { PlanWarning } from '../plan/types.ts'
import { importPiece, type PlanPiece } from './importText.ts'
import { clipboardText } from './pasteHtml.ts'
import type { ImportWarningCode } from './warnings.ts'

/** What a paste carries: the clipboard's text/html and text/plain. */
export interface Clipboard {
  html?: string
  text?: string
}

/** Clipboard HTML longer than this is read as its plain text (a page of pictures, say): the string walk stays quick. */
export const MAX_PASTE_HTML = 4_000_000

/** The warnings a paste tells its user about: what the clean-up took out of the pasted text. */
const TOLD: ReadonlySet<ImportWarningCode> = new Set(['boilerplate-removed', 'contents-removed', 'other-pieces-removed', 'record-removed', 'page-markers-removed', 'page-numbers-removed', 'stray-lines-removed'])

/**
 * Reads a paste as a piece of a plan with the importer's clean-up and recogniser: the HTML when there
 * is some (it keeps Word's list numbers and bold lead sentences), else the plain text. Undefined when
 * the paste has no number at a line start: then it is plain text for the editor to paste as it is.
 */
export function readPaste(clipboard: Clipboard): PlanPiece | undefined {
  const html = clipboard.html && clipboard.html.length <= MAX_PASTE_HTML ? clipboardText(clipboard.html) : undefined
  if (html?.text.trim()) return importPiece(html.text, { leads: html.leads })
  return clipboard.text ? importPiece(clipboard.text) : undefined
}

/** The messages to show after a paste: one per kind of text the clean-up removed. */
export function pasteNotices(warnings: PlanWarning[]): string[] {
  return warnings.filter((w) => TOLD.has(w.code as ImportWarningCode)).map((w) => w.message)
}
