import { useState } from 'react'
import { STATUS_LABELS, statusOf } from '../../shared/api/status.ts'
import type { DocumentInfo } from '../../shared/api/types.ts'
import '../styles/status.css'
import { StatusDialog } from './StatusDialog.tsx'

/** The plan's status (起草 … 定稿) in the header; a click opens its history and, for owners, the way to change it. */
export function StatusControl({ info, onChanged }: { info: DocumentInfo; onChanged: () => void }) {
  const [open, setOpen] = useState(false)
  const status = statusOf(info)
  return (
    <>
      <button type="button" className={`status-badge status-${status}`} onClick={() => setOpen(true)} title={info.role === 'owner' ? '查看状态记录，更改状态' : '查看状态记录'} data-testid="status-button">
        {STATUS_LABELS[status]}
      </button>
      {open && <StatusDialog docId={info.id} canChange={info.role === 'owner'} onChanged={onChanged} onClose={() => setOpen(false)} />}
    </>
  )
}
