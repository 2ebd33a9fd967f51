import { useEffect, useState } from 'react'
import type { CreateDocumentResponse, TemplateInfo } from '../../shared/api/types.ts'
import { createDocument, listTemplates } from '../api/documents.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { Dialog } from './Dialog.tsx'

/** 新建文档: pick a template, optionally give a title, create. */
export function NewDocumentDialog({ onCreated, onClose }: { onCreated: (res: CreateDocumentResponse) => void; onClose: () => void }) {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    listTemplates().then(
      (list) => {
        setTemplates(list)
        setChosen((c) => c ?? list[0]?.name ?? null)
      },
      (err: unknown) => setError(errorMessage(err, '模板列表没有载入，请稍后重试')),
    )
  }, [])
  const create = async (): Promise<void> => {
    if (!chosen) return
    setBusy(true)
    setError(null)
    try {
      onCreated(await createDocument({ template: chosen, ...(title.trim() ? { title: title.trim() } : {}) }))
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title="新建文档"
      onClose={onClose}
      busy={busy}
      wide
      actions={
        <>
          <button className="button" onClick={onClose} disabled={busy}>
            取消
          </button>
          <button className="button primary" onClick={() => void create()} disabled={busy || !chosen}>
            {busy ? '正在创建…' : '创建'}
          </button>
        </>
      }
    >
      <p className="dialog-hint">选择一个模板。模板里的“写作提示”只在编辑时显示，不会印出。</p>
      <div className="template-grid" role="radiogroup" aria-label="模板">
        {templates === null && !error && <p className="muted">正在载入模板…</p>}
        {templates?.map((t) => (
          <button key={t.name} role="radio" aria-checked={chosen === t.name} className={`template-card${chosen === t.name ? ' chosen' : ''}`} onClick={() => setChosen(t.name)}>
            <strong>{t.title}</strong>
            <span>{t.description}</span>
          </button>
        ))}
      </div>
      <label className="field">
        <span>标题（可不填，以后可改）</span>
        <input value={title} placeholder="例如：2026年闵行区教育工作要点" onChange={(e) => setTitle(e.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
