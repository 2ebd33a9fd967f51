import { useEffect, useState } from 'react'
import type { CreateDocumentResponse, TemplateInfo } from '../../shared/api/types.ts'
import { createDocument, listTemplates } from '../api/documents.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { ActionDialog } from './Dialog.tsx'

/** 新建文档: pick a template, optionally give a title, create. */
export function NewDocumentDialog({ onCreated, onClose }: { onCreated: (res: CreateDocumentResponse) => void; onClose: () => void }) {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  useEffect(() => {
    listTemplates().then(
      (list) => {
        setTemplates(list)
        setChosen((c) => c ?? list[0]?.name ?? null)
      },
      (err: unknown) => setLoadError(errorMessage(err, '模板列表没有载入，请稍后重试')),
    )
  }, [])
  const create = async (): Promise<void> => {
    if (chosen) onCreated(await createDocument({ template: chosen, ...(title.trim() ? { title: title.trim() } : {}) }))
  }
  return (
    <ActionDialog title="新建文档" confirmLabel="创建" busyLabel="正在创建…" wide confirmDisabled={!chosen} onConfirm={create} onClose={onClose}>
      <p className="dialog-hint">选择一个模板。模板里的“写作提示”只在编辑时显示，不会印出。</p>
      <div className="template-grid" role="radiogroup" aria-label="模板">
        {templates === null && !loadError && <p className="muted">正在载入模板…</p>}
        {templates?.map((t) => (
          <button key={t.name} type="button" role="radio" aria-checked={chosen === t.name} className={`template-card${chosen === t.name ? ' chosen' : ''}`} onClick={() => setChosen(t.name)}>
            <strong>{t.title}</strong>
            <span>{t.description}</span>
          </button>
        ))}
      </div>
      <label className="field">
        <span>标题（可不填，以后可改）</span>
        <input value={title} placeholder="例如：2026年闵行区教育工作要点" onChange={(e) => setTitle(e.target.value)} />
      </label>
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
    </ActionDialog>
  )
}
