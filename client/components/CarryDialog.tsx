import { useState } from 'react'
import type { CreateDocumentResponse, DocumentInfo } from '../../shared/api/types.ts'
import { createDocument } from '../api/documents.ts'
import { navigate } from '../router/navigate.ts'
import { ActionDialog } from './Dialog.tsx'
import { formatTime } from './labels.ts'

/**
 * 结转: next year's draft from a plan. Always compared with this plan (对照上年); linked to its
 * municipal plan only when asked, since next year's municipal plan is usually a new document. Warns,
 * with a link, when the user already has a draft for that year, and still lets them go on.
 */
export function CarryDialog({
  doc,
  municipal,
  nextYear,
  onCarried,
  onClose,
}: {
  doc: DocumentInfo
  /** The source's 落实市级 plan, when the user can see it. */
  municipal?: DocumentInfo
  /** The year the draft will be for and the user's drafts for it already. */
  nextYear: { year?: number; existing: DocumentInfo[] }
  onCarried: (res: CreateDocumentResponse) => void
  onClose: () => void
}) {
  const [title, setTitle] = useState('')
  const [carryMunicipal, setCarryMunicipal] = useState(false)
  const { year, existing } = nextYear
  const carry = async (): Promise<void> => {
    onCarried(await createDocument({ carryFrom: doc.id, ...(title.trim() ? { title: title.trim() } : {}), ...(carryMunicipal ? { carryMunicipal: true } : {}) }))
  }
  return (
    <ActionDialog title="结转为下一年草稿" confirmLabel={existing.length ? '仍然结转' : '结转'} confirmTestId="carry-confirm" onConfirm={carry} onClose={onClose}>
      <p className="dialog-hint">以《{doc.title}》为底稿新建下一年的草稿：保留结构和条目，标注为“结转”，编辑后标注自动消失。原文档不变，新草稿自动对照此文档（对照上年）。</p>
      {existing.length > 0 && (
        <div className="carry-warning" role="status" data-testid="carry-existing">
          <p>
            已有 {existing.length > 1 ? `${existing.length} 份 ` : ''}
            {year} 年的草稿，可以打开{existing.length > 1 ? '其中一份' : '它'}继续写，或仍然结转出一份新的草稿：
          </p>
          <ul>
            {existing.map((d) => (
              <li key={d.id}>
                <a
                  href={`/documents/${encodeURIComponent(d.id)}`}
                  onClick={(e) => {
                    e.preventDefault()
                    navigate({ page: 'editor', docId: d.id })
                  }}
                >
                  《{d.title}》
                </a>
                <span className="muted"> {[d.ownerNames?.join('、'), `${formatTime(d.updatedAt)} 修改`].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label className="field">
        <span>新文档标题</span>
        <input autoFocus value={title} placeholder="不填则自动取“下一年”的标题" maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="carry-title" />
      </label>
      {/* Offered only for a municipal plan this user can open: the server refuses a link to one they cannot. */}
      {municipal && (
        <label className="check-field">
          <input type="checkbox" checked={carryMunicipal} onChange={(e) => setCarryMunicipal(e.target.checked)} data-testid="carry-municipal" />
          <span>
            沿用市级计划《{municipal.title}》（落实市级）
            <small className="muted">新一年的市级要点发布后，可在“对照文档”中改为新的。</small>
          </span>
        </label>
      )}
    </ActionDialog>
  )
}
