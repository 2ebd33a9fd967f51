import { useRef, useState } from 'react'
import type { CreateDocumentResponse, DocumentKind } from '../../shared/api/types.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { importDocument } from '../api/importDocument.ts'
import type { ImportProgress } from '../api/importDocument.ts'
import { Dialog } from './Dialog.tsx'
import { fileSize } from './fileSize.ts'
import { guessImportKind } from './importKind.ts'
import { KIND_LABEL } from './labels.ts'

/**
 * 导入文件: a .txt or .docx becomes a new document. Shows upload progress, then what the import
 * noticed (warnings) before the user opens the new document, so nothing is silently changed.
 */
export function ImportDialog({ onOpen, onClose }: { onOpen: (docId: string) => void; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  // Until the user picks a kind, it follows the chosen file's name.
  const [picked, setPicked] = useState<DocumentKind | null>(null)
  const guess = file ? guessImportKind(file.name) : null
  const kind = picked ?? guess?.kind ?? 'draft'
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [result, setResult] = useState<CreateDocumentResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const busy = progress !== null && result === null && error === null

  const start = async (): Promise<void> => {
    if (!file) return
    setError(null)
    try {
      const res = await importDocument(file, kind, setProgress)
      setResult(res)
      if (!res.warnings.length) onOpen(res.document.id)
    } catch (err) {
      setError(errorMessage(err, '导入没有成功，请检查文件后重试'))
      setProgress(null)
    }
  }

  const actions = result ? (
    <>
      <button className="button" onClick={onClose}>
        返回列表
      </button>
      <button className="button primary" onClick={() => onOpen(result.document.id)}>
        打开文档
      </button>
    </>
  ) : (
    <>
      <button className="button" onClick={onClose} disabled={busy}>
        取消
      </button>
      <button className="button primary" onClick={() => void start()} disabled={!file || busy}>
        {busy ? '正在导入…' : '导入'}
      </button>
    </>
  )

  return (
    <Dialog title="导入文件" onClose={onClose} busy={busy} actions={actions}>
      {result ? (
        <div className="import-result">
          <p>已导入《{result.document.title}》。导入时注意到以下情况，请在文档中核对：</p>
          <ul className="warning-list">
            {result.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p className="dialog-hint">支持 .txt（UTF-8 或 GBK 编码）和 Word .docx 文件。编号会自动识别，导入后由系统重新生成。</p>
          <div
            className={`drop-zone${file ? ' has-file' : ''}`}
            onClick={() => input.current?.click()}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault()
              const dropped = e.dataTransfer.files[0]
              if (dropped) setFile(dropped)
            }}
          >
            {file ? (
              <span>
                <strong>{file.name}</strong>（{fileSize(file.size)}）<em>点击更换</em>
              </span>
            ) : (
              <span>把文件拖到这里，或点击选择文件</span>
            )}
            <input
              ref={input}
              type="file"
              accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              hidden
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null)
                setError(null)
              }}
            />
          </div>
          <label className="field">
            <span>文档类型</span>
            <select value={kind} onChange={(e) => setPicked(e.target.value as DocumentKind)} disabled={busy} data-testid="import-kind">
              {(Object.keys(KIND_LABEL) as DocumentKind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          {guess && !picked && (
            <p className="dialog-hint" data-testid="import-kind-hint">
              已按文件名选择“{KIND_LABEL[guess.kind]}”（{guess.reason}），如不对请修改。
            </p>
          )}
          {progress && <ProgressLine progress={progress} />}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

function ProgressLine({ progress }: { progress: ImportProgress }) {
  const fraction = progress.phase === 'importing' ? 1 : progress.fraction
  const label = progress.phase === 'reading' ? '正在读取文件…' : progress.phase === 'uploading' ? `正在上传 ${Math.round(fraction * 100)}%` : '正在识别结构…'
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} aria-label={label}>
      <div className={`progress-bar${progress.phase === 'importing' ? ' pulsing' : ''}`} style={{ width: `${Math.max(4, fraction * 100)}%` }} />
      <span className="progress-label">{label}</span>
    </div>
  )
}
