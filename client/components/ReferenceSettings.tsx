import { useEffect, useRef, useState } from 'react'
import type { DocumentInfo, DocumentKind } from '../../shared/api/types.ts'
import { getDocument, listDocuments, updateDocument } from '../api/documents.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { importDocument } from '../api/importDocument.ts'
import { Dialog } from './Dialog.tsx'
import { KIND_LABEL } from './labels.ts'

/** How a document is named in the choice lists: title, year and kind, so that plans with one title are told apart. */
function optionLabel(d: DocumentInfo): string {
  return `${d.title}（${[d.year ? `${d.year}年` : '', KIND_LABEL[d.kind]].filter(Boolean).join('，')}）`
}

/** True when the user may change the links (owners and editors). */
export function canLinkReferences(document: DocumentInfo | null): boolean {
  return document?.role === 'owner' || document?.role === 'editor'
}

/**
 * 对照文档 settings: last year's plan (对照上年) and the municipal plan (落实市级), chosen from the
 * documents the user can read. Saving reaches every open editor of the draft (the server tells them),
 * whose 检查, 对标 and 覆盖 panels then use the new plans.
 */
export function ReferenceSettingsDialog({ document, onClose }: { document: DocumentInfo; onClose: () => void }) {
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null)
  const [priorId, setPriorId] = useState(document.priorId ?? '')
  const [municipalId, setMunicipalId] = useState(document.municipalId ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    listDocuments().then(
      (list) => setDocs(list.filter((d) => d.id !== document.id)),
      (err: unknown) => setError(errorMessage(err, '文档列表没有载入')),
    )
  }, [document.id])
  // Likely choices first: earlier district plans for 上年, municipal references for 市级.
  const sorted = (prefer: (d: DocumentInfo) => boolean): DocumentInfo[] => [...(docs ?? [])].sort((a, b) => Number(prefer(b)) - Number(prefer(a)) || (b.year ?? 0) - (a.year ?? 0))
  const priors = sorted((d) => d.kind === 'prior' || (d.level !== 'municipal' && d.kind !== 'reference'))
  const municipals = sorted((d) => d.kind === 'reference' || d.level === 'municipal')
  const [importing, setImporting] = useState<string | null>(null)
  const files = useRef<HTMLInputElement>(null)
  const target = useRef<{ kind: DocumentKind; set: (id: string) => void } | null>(null)
  // A plan not yet in the app is imported on the spot and chosen at once.
  const importFor = (kind: DocumentKind, set: (id: string) => void): void => {
    target.current = { kind, set }
    files.current?.click()
  }
  const onFile = async (file: File | undefined): Promise<void> => {
    const goal = target.current
    if (!file || !goal) return
    setError(null)
    setImporting(`正在导入 ${file.name}…`)
    try {
      const { document: created } = await importDocument(file, goal.kind, () => undefined)
      setDocs((list) => [created, ...(list ?? [])])
      goal.set(created.id)
    } catch (err) {
      setError(errorMessage(err, '文件没有导入'))
    } finally {
      setImporting(null)
      if (files.current) files.current.value = ''
    }
  }
  const save = async (): Promise<void> => {
    const change: { priorId?: string | null; municipalId?: string | null } = {}
    if (priorId !== (document.priorId ?? '')) change.priorId = priorId || null
    if (municipalId !== (document.municipalId ?? '')) change.municipalId = municipalId || null
    if (!Object.keys(change).length) return onClose()
    setBusy(true)
    setError(null)
    try {
      await updateDocument(document.id, change)
      onClose()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }
  const select = (label: string, hint: string, value: string, set: (v: string) => void, options: DocumentInfo[], testId: string, kind: DocumentKind) => (
    <label className="field">
      <span>
        {label} <small className="muted">{hint}</small>
      </span>
      <select value={value} onChange={(e) => set(e.target.value)} disabled={!docs} data-testid={testId}>
        <option value="">不关联</option>
        {/* A linked document the user can no longer read stays chosen until changed. */}
        {value && docs && !docs.some((d) => d.id === value) && <option value={value}>（无权查看的文档）</option>}
        {options.map((d) => (
          <option key={d.id} value={d.id}>
            {optionLabel(d)}
          </option>
        ))}
      </select>
      <button type="button" className="button subtle import-here" disabled={busy || importing !== null} onClick={() => importFor(kind, set)} data-testid={`${testId}-import`}>
        导入文件…
      </button>
    </label>
  )
  return (
    <Dialog
      title="对照文档"
      onClose={onClose}
      busy={busy}
      actions={
        <>
          <button className="button" onClick={onClose} disabled={busy}>
            取消
          </button>
          <button className="button primary" onClick={() => void save()} disabled={busy || !docs} data-testid="references-save">
            {busy ? '正在保存…' : '保存'}
          </button>
        </>
      }
    >
      <p className="dialog-hint">关联后，检查会对照上年计划（目标是否降低、年份是否过期），对标和覆盖会对照市级工作要点。所有打开本文档的人会同时看到变化。</p>
      {select('对照上年', '上一年度的计划', priorId, setPriorId, priors, 'references-prior', 'prior')}
      {select('落实市级', '本年度的市级工作要点', municipalId, setMunicipalId, municipals, 'references-municipal', 'reference')}
      <input ref={files} type="file" hidden accept=".docx,.txt,.json" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="references-file" />
      {importing && <p className="dialog-hint">{importing}</p>}
      {docs && docs.length === 0 && <p className="dialog-hint">您还不能查看其他文档。可以用“导入文件…”导入上年计划或市级工作要点（.docx、.txt）。</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

/** A button that opens the 对照文档 settings (owners and editors only; nothing for others). */
export function ReferenceSettingsButton({ document, label, className = 'button wide' }: { document: DocumentInfo | null; label: string; className?: string }) {
  const [open, setOpen] = useState(false)
  if (!document || !canLinkReferences(document)) return null
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} data-testid="open-references">
        {label}
      </button>
      {open && <ReferenceSettingsDialog document={document} onClose={() => setOpen(false)} />}
    </>
  )
}

/** The linked plans' titles for the 文档信息 panel (fetched, since the document only holds their ids). */
export function LinkedTitle({ id }: { id: string | undefined }) {
  const [title, setTitle] = useState<string | null>(null)
  useEffect(() => {
    setTitle(null)
    if (!id) return
    let live = true
    getDocument(id).then(
      (d) => live && setTitle(d.title),
      () => live && setTitle('（无权查看的文档）'),
    )
    return () => {
      live = false
    }
  }, [id])
  if (!id) return <>未关联</>
  return <>{title ?? '…'}</>
}
