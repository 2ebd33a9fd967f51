import { useEffect, useState } from 'react'
import { unassignedRows, type UnassignedItem } from '../../../shared/breakdown/finalGate.ts'
import { getBreakdownRows } from '../../api/progress.ts'
import { itemHref, openItem } from './itemLink.ts'
import './breakdown.css'

/**
 * Shown in the status dialog after 定稿 was refused because items lack 牵头科室 or 完成时限: every
 * such item as a link that closes the dialog and jumps to it in the editor, and the owner's way to
 * finalise anyway, with a reason the status history keeps.
 */
export function FinalOverride({ docId, message, busy, onForce, onJump }: { docId: string; message: string; busy: boolean; onForce: (reason: string) => void; onJump: () => void }) {
  const [reason, setReason] = useState('')
  const items = useUnassigned(docId, message)
  return (
    <div className="status-back" data-testid="final-override">
      <p className="form-error" role="alert">
        {message}
      </p>
      {items && items.length > 0 && (
        <>
          <span className="dialog-hint">需要补齐的条目（点击跳到该条，在“分解”中填写）：</span>
          <ul className="final-gate-items" data-testid="final-gate-items">
            {items.map((i) => (
              <li key={i.itemId}>
                <a
                  href={itemHref(docId, i.itemId)}
                  data-testid={`final-gate-item-${i.number}`}
                  onClick={(e) => {
                    if (e.ctrlKey || e.metaKey || e.shiftKey) return
                    e.preventDefault()
                    onJump()
                    openItem(docId, i.itemId)
                  }}
                >
                  第{i.number}条 {i.title}
                </a>
                <span className="final-gate-missing">缺{i.missing.join('、')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <label className="field">
        <span>强制定稿的原因（必填，记入状态记录）</span>
        <textarea value={reason} maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} placeholder="例如：第9条由局长办公会另行分工" data-testid="final-override-reason" />
      </label>
      <button className="button" disabled={busy || !reason.trim()} onClick={() => onForce(reason.trim())} data-testid="final-override-submit">
        仍然定稿
      </button>
    </div>
  )
}

/** The items holding 定稿 back, read afresh each time the refusal changes (null while loading or when unreachable). */
function useUnassigned(docId: string, message: string): UnassignedItem[] | null {
  const [items, setItems] = useState<UnassignedItem[] | null>(null)
  useEffect(() => {
    let live = true
    getBreakdownRows(docId).then(
      (r) => live && setItems(unassignedRows(r.rows)),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [docId, message])
  return items
}
