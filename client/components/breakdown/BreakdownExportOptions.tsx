import type { BreakdownExport } from '../../api/fetchExport.ts'

/** The 导出 Word dialog's 任务分解 options: print each item's fields after it, attach the 任务分解表 as 附件. */
export function BreakdownExportOptions({ value, onChange, disabled }: { value: BreakdownExport; onChange: (v: BreakdownExport) => void; disabled: boolean }) {
  return (
    <>
      <label className="export-option">
        <input type="checkbox" checked={!!value.fields} disabled={disabled} onChange={(e) => onChange({ ...value, fields: e.target.checked })} data-testid="export-fields" />
        <span>
          <span className="export-option-label">在每条后注明责任分工</span>
          <span className="export-option-note">如“（牵头科室：基教科；配合科室：德育科；完成时限：2025年6月底）”，未填分工的条目不加。</span>
        </span>
      </label>
      <label className="export-option">
        <input type="checkbox" checked={!!value.table} disabled={disabled} onChange={(e) => onChange({ ...value, table: e.target.checked })} data-testid="export-breakdown-table" />
        <span>
          <span className="export-option-label">附任务分解表</span>
          <span className="export-option-note">在工作要点之后作为附件，横向 A4 表格，表头每页重复。</span>
        </span>
      </label>
    </>
  )
}
