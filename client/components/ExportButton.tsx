import { useState } from 'react'
import { createPortal } from 'react-dom'
import type { ExportTarget } from '../api/fetchExport.ts'
import { ExportDialog, type ExportSubject } from './ExportDialog.tsx'
import { Icon } from './Icon.tsx'

/**
 * 导出 Word: a button that opens the export dialog. `subject` is read when the dialog opens, so the
 * editor passes a function that reads its current text. Every role may export, so it is never disabled.
 */
export function ExportButton({ target, subject, look = 'tool' }: { target: ExportTarget; subject: () => ExportSubject; look?: 'tool' | 'button' }) {
  const [open, setOpen] = useState<ExportSubject | null>(null)
  return (
    <>
      <button
        type="button"
        className={look === 'tool' ? 'tool-button' : 'button'}
        title="导出为 Word 文件（公文格式），可选是否包含印发通知"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen(subject())}
        data-testid="export-word"
      >
        <Icon name="download" />
        <span>导出 Word</span>
      </button>
      {/* In a portal: the button sits in bars (toolbar, version banner) whose text colour and size the dialog must not inherit. */}
      {open && createPortal(<ExportDialog target={target} subject={open} onClose={() => setOpen(null)} />, document.body)}
    </>
  )
}
