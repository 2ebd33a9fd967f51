import { useState } from 'react'
import { errorMessage } from '../api/errorMessage.ts'
import { fetchExport, type BreakdownExport, type ExportProgress, type ExportTarget, type SuggestionExport } from '../api/fetchExport.ts'
import { BreakdownExportOptions } from './breakdown/BreakdownExportOptions.tsx'
import { saveBlob } from '../api/saveBlob.ts'
import { notify } from '../state/notices.ts'
import { Dialog } from './Dialog.tsx'
import '../styles/export.css'

/** What the dialog says about the plan being exported. */
export interface ExportSubject {
  /** The plan's title (or the document's name when the plan has none). */
  title: string
  /** True when the plan has a cover notice (关于印发《…》的通知) that can be printed as the first page. */
  hasNotice: boolean
  /** Set when a named version is exported rather than the current text. */
  versionName?: string
}

/**
 * 导出 Word: choose whether the cover notice is the first page, then the file is set on the server in
 * the official layout, downloaded with the session's token and saved under its Chinese name.
 */
export function ExportDialog({ target, subject, onClose }: { target: ExportTarget; subject: ExportSubject; onClose: () => void }) {
  const [notice, setNotice] = useState(subject.hasNotice)
  const [breakdown, setBreakdown] = useState<BreakdownExport>({})
  const [suggestions, setSuggestions] = useState<SuggestionExport>('reject')
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [error, setError] = useState<string | null>(null)
  const busy = progress !== null
  const run = async (): Promise<void> => {
    setError(null)
    setProgress({ phase: 'generating' })
    try {
      const { blob, filename } = await fetchExport(target, notice && subject.hasNotice, setProgress, breakdown, suggestions)
      saveBlob(blob, filename)
      notify(`已导出“${filename}”，请在浏览器的下载列表中查看`, 'success')
      onClose()
    } catch (err) {
      setError(errorMessage(err, '导出没有成功，请稍后重试'))
      setProgress(null)
    }
  }
  return (
    <Dialog
      title="导出 Word"
      onClose={onClose}
      busy={busy}
      actions={
        <>
          <button className="button" onClick={onClose} disabled={busy}>
            取消
          </button>
          <button className="button primary" onClick={() => void run()} disabled={busy} data-testid="export-confirm">
            {busy ? '正在导出…' : '导出'}
          </button>
        </>
      }
    >
      <div className="export-file" data-testid="export-dialog">
        <span className="export-file-mark" aria-hidden="true">
          W
        </span>
        <span className="export-file-text">
          <strong>《{subject.title || '未命名工作要点'}》</strong>
          <span>{subject.versionName ? `版本“${subject.versionName}”的内容，不含此后的修改` : '当前文档的最新内容，包括其他人刚刚的修改'}</span>
        </span>
      </div>
      <p className="dialog-hint">按党政机关公文格式（GB/T 9704）排版：A4 纸，标题小标宋二号，正文仿宋三号，每页 22 行、每行 28 字，页码在外侧。</p>
      <label className={`export-option${subject.hasNotice ? '' : ' disabled'}`}>
        <input type="checkbox" checked={notice && subject.hasNotice} disabled={!subject.hasNotice || busy} onChange={(e) => setNotice(e.target.checked)} data-testid="export-notice" />
        <span>
          <span className="export-option-label">包含印发通知（封面页）</span>
          <span className="export-option-note">
            {subject.hasNotice ? (notice ? '印发通知在第一页，工作要点作为“附件”从第二页开始。' : '只导出工作要点本身，不含印发通知。') : '这份文档没有印发通知，只能导出工作要点本身。'}
          </span>
        </span>
      </label>
      <BreakdownExportOptions value={breakdown} onChange={setBreakdown} disabled={busy} />
      <SuggestionOptions value={suggestions} onChange={setSuggestions} disabled={busy} />
      {progress && <ExportProgressLine progress={progress} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

/** The three readings of open 修订 and what each prints. */
const READINGS: ReadonlyArray<{ value: SuggestionExport; label: string; note: string }> = [
  { value: 'reject', label: '清洁稿（按全部拒绝）', note: '未处理的修订不算数，打印修订前的文字。' },
  { value: 'accept', label: '按全部接受', note: '未处理的修订全部照改，条目按接受后的顺序编号。' },
  { value: 'track', label: '带修订和批注（征求意见稿）', note: 'Word 修订注明修订人和时间，未解决的批注随文；新增条目标“（新增）”，其他条目序号不变。' },
]

/** 修订: export the clean draft (all rejected), the draft as if all were accepted, or the 征求意见稿 with Word revisions and comments; only the chosen one's note shows, to keep the dialog short. */
function SuggestionOptions({ value, onChange, disabled }: { value: SuggestionExport; onChange: (v: SuggestionExport) => void; disabled: boolean }) {
  return (
    <div role="radiogroup" aria-label="修订" data-testid="export-suggestions">
      <p className="dialog-hint">尚未接受或拒绝的修订：</p>
      {READINGS.map((r) => (
        <label key={r.value} className="export-option">
          <input type="radio" name="export-suggestions" value={r.value} checked={value === r.value} disabled={disabled} onChange={() => onChange(r.value)} data-testid={`export-suggestions-${r.value}`} />
          <span>
            <span className="export-option-label">{r.label}</span>
            {value === r.value && <span className="export-option-note">{r.note}</span>}
          </span>
        </label>
      ))}
    </div>
  )
}

function ExportProgressLine({ progress }: { progress: ExportProgress }) {
  const generating = progress.phase === 'generating'
  const percent = generating ? 0 : Math.round(progress.fraction * 100)
  const label = generating ? '正在生成 Word 文件…' : `正在下载 ${percent}%`
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
      <div className={`progress-bar${generating ? ' pulsing' : ''}`} style={{ width: generating ? '100%' : `${Math.max(4, percent)}%` }} />
      <span className="progress-label">{label}</span>
    </div>
  )
}
