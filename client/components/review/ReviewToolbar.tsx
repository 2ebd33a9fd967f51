import type { BaseOption } from '../../review/baseOptions.ts'
import type { ReviewView } from '../../review/reviewQuery.ts'
import { Icon } from '../Icon.tsx'

const GROUPS: { group: BaseOption['group']; label: string }[] = [
  { group: 'prior', label: '上年计划' },
  { group: 'version', label: '已保存的版本' },
  { group: 'visit', label: '访问记录' },
]

/** The review page's bar: the base to compare with, 修订 or 对照, 只看修改, a refresh, the 修改对照表 download and the way back. */
export function ReviewToolbar({
  options,
  base,
  onBase,
  view,
  onView,
  only,
  onOnly,
  exporting,
  canExport,
  onExport,
  onRefresh,
  refreshing,
  onBack,
  backLabel,
}: {
  options: BaseOption[]
  base: string | undefined
  onBase: (value: string) => void
  view: ReviewView
  onView: (view: ReviewView) => void
  only: boolean
  onOnly: (only: boolean) => void
  exporting: boolean
  canExport: boolean
  onExport: () => void
  onRefresh: () => void
  refreshing: boolean
  onBack: () => void
  backLabel: string
}) {
  return (
    <div className="toolbar review-toolbar" role="toolbar" aria-label="审阅">
      <label className="base-picker">
        <span className="base-picker-label">对照基准</span>
        <select data-testid="review-base" value={base ?? ''} onChange={(e) => onBase(e.target.value)} disabled={!options.length}>
          {!options.length && <option value="">正在载入…</option>}
          {GROUPS.map(({ group, label }) => {
            const list = options.filter((o) => o.group === group)
            return list.length ? (
              <optgroup key={group} label={label}>
                {list.map((o) => (
                  <option key={o.value} value={o.value} disabled={o.disabled}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ) : null
          })}
        </select>
      </label>
      <div className="segmented review-views" role="group" aria-label="显示方式">
        <button className={view === 'inline' ? 'active' : ''} aria-pressed={view === 'inline'} onClick={() => onView('inline')} title="在正文中标出增删" data-testid="view-inline">
          修订
        </button>
        <button className={view === 'side' ? 'active' : ''} aria-pressed={view === 'side'} onClick={() => onView('side')} title="原文与修改后左右对照" data-testid="view-side">
          对照
        </button>
      </div>
      <label className="toggle review-only">
        <input type="checkbox" checked={only} onChange={(e) => onOnly(e.target.checked)} data-testid="only-changes" />
        只看修改
      </label>
      <div className="toolbar-right">
        <button className="button subtle" onClick={onRefresh} disabled={refreshing || !canExport} title="重新读取当前文本并比较（其他人可能刚刚做了修改）" data-testid="refresh-review">
          <Icon name="refresh" />
          刷新
        </button>
        <button className="button" onClick={onExport} disabled={!canExport || exporting} data-testid="export-review" title="下载 Word 格式的修改对照表（原文 | 修改后 | 修改说明）">
          <Icon name="download" />
          {exporting ? '正在生成…' : '导出修改对照表'}
        </button>
        <button className="button" onClick={onBack}>
          <Icon name="back" />
          {backLabel}
        </button>
      </div>
    </div>
  )
}
