import { useState } from 'react'
import type { NotPlaced, WordReturnSummary } from '../../../shared/review/wordReturnTypes.ts'
import { importWordReturn } from '../../api/wordReturn.ts'
import { useAsyncAction } from '../../hooks/useAsyncAction.ts'
import { Dialog } from '../Dialog.tsx'

const KIND: Record<NotPlaced['kind'], string> = { insertion: '插入', deletion: '删除', comment: '批注', item: '新增条目' }

/** The 导入返回的Word button of the 修订 panel (owners and editors) and its dialog. */
export function WordReturnButton({ docId }: { docId: string }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" data-testid="word-return" onClick={() => setOpen(true)} title="把科室在 Word 或 WPS 中所做的修订和批注导入为本文档的修订和批注">
        导入返回的Word
      </button>
      {open && <WordReturnDialog docId={docId} onClose={() => setOpen(false)} />}
    </>
  )
}

/**
 * Picks a returned .docx, imports it, then lists what was placed (修订 and 批注, attributed to the
 * author named in the file and to the importer) and what could not be placed, with the reason.
 */
function WordReturnDialog({ docId, onClose }: { docId: string; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null)
  const [summary, setSummary] = useState<WordReturnSummary | null>(null)
  const { busy, error, run } = useAsyncAction()
  const start = (): void => {
    if (file) void run(async () => setSummary(await importWordReturn(docId, file)))
  }
  const actions = summary ? (
    <button type="button" className="button primary" onClick={onClose}>
      完成
    </button>
  ) : (
    <>
      <button type="button" className="button" onClick={onClose} disabled={busy}>
        取消
      </button>
      <button type="button" className="button primary" data-testid="word-return-start" onClick={start} disabled={!file || busy}>
        {busy ? '正在导入…' : '导入'}
      </button>
    </>
  )
  return (
    <Dialog title="导入返回的Word" onClose={onClose} busy={busy} actions={actions}>
      {summary ? (
        <Summary summary={summary} />
      ) : (
        <>
          <p>选择科室或领导返回的 .docx 文件（在 Word 或 WPS 中用“修订”和“批注”修改过的征求意见稿）。其中的修订会成为本文档的修订，批注会成为批注，按内容找到对应的条目，不受条目移动和重新编号的影响。</p>
          <input type="file" accept=".docx" data-testid="word-return-file" disabled={busy} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </Dialog>
  )
}

function Summary({ summary }: { summary: WordReturnSummary }) {
  // A file saved without 修订 on has nothing to import: say so rather than "已导入 0 处修订…全部内容均已导入".
  if (!summary.placedSuggestions && !summary.placedComments && !summary.notPlaced.length)
    return <p data-testid="word-return-summary">文件中没有修订或批注，未导入任何内容。请确认科室是在“修订”模式下修改的（Word、WPS：审阅 → 修订），批注用“新建批注”添加。</p>
  return (
    <div data-testid="word-return-summary">
      <p>
        已导入 {summary.placedSuggestions} 处修订、{summary.placedComments} 条批注。
        {summary.notPlaced.length ? `以下 ${summary.notPlaced.length} 处未能导入：` : '全部内容均已导入。'}
      </p>
      {summary.notPlaced.length > 0 && (
        <ul className="word-return-unplaced">
          {summary.notPlaced.map((n, i) => (
            <li key={i}>
              <strong>{KIND[n.kind]}</strong>“{n.text.length > 40 ? `${n.text.slice(0, 40)}…` : n.text}”：{n.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
