import type { Editor } from '@tiptap/core'
import { pmToPlan } from '../../shared/editor/convert/pmToPlan.ts'
import type { Plan } from '../../shared/plan/types.ts'
import type { ExportSubject } from '../components/ExportDialog.tsx'

/** What the export dialog says about a plan: its title (or `fallbackTitle`) and whether it has a cover notice. */
export function planExportSubject(plan: Plan, fallbackTitle = '', versionName?: string): ExportSubject {
  const subject: ExportSubject = { title: plan.title.trim() || fallbackTitle, hasNotice: plan.notice !== undefined }
  if (versionName) subject.versionName = versionName
  return subject
}

/** The export subject of the text an editor holds now, read through the shared schema as the server reads it. */
export function editorExportSubject(editor: Editor, fallbackTitle?: string): ExportSubject {
  return planExportSubject(pmToPlan(editor.getJSON()), fallbackTitle)
}
