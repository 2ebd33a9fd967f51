import { KIND_LABEL, ROLE_LABEL, formatTime } from './labels.ts'
import { LinkedTitle, ReferenceSettingsButton } from './ReferenceSettings.tsx'
import type { SidePanelContext } from './sidePanelRegistry.ts'

const LEVEL_LABEL: Record<string, string> = { district: '区级', municipal: '市级', school: '校级', other: '其他' }

/** 文档信息: kind, year, level, the user's role, when the document was made and last changed, and its linked plans (settable here). */
export function DocumentInfoPanel({ document }: SidePanelContext) {
  if (!document) return <p className="muted">联网后显示文档信息。</p>
  const rows: [string, string][] = [
    ['类型', KIND_LABEL[document.kind]],
    ['年份', document.year ? `${document.year}年` : '未填写'],
    ['层级', document.level ? (LEVEL_LABEL[document.level] ?? document.level) : '未填写'],
    ['我的角色', ROLE_LABEL[document.role]],
    ['创建', formatTime(document.createdAt)],
    ['最近修改', formatTime(document.updatedAt)],
  ]
  return (
    <dl className="info-list">
      {rows.map(([k, v]) => (
        <div key={k} className="info-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
      <div className="info-row">
        <dt>对照上年</dt>
        <dd data-testid="info-prior">
          <LinkedTitle id={document.priorId} />
        </dd>
      </div>
      <div className="info-row">
        <dt>落实市级</dt>
        <dd data-testid="info-municipal">
          <LinkedTitle id={document.municipalId} />
        </dd>
      </div>
      <ReferenceSettingsButton document={document} label="设置对照文档" />
      {document.carriedFrom && (
        <div className="info-row">
          <dt>结转自</dt>
          <dd>上年计划（条目上的“结转”标记在编辑后消失）</dd>
        </div>
      )}
    </dl>
  )
}
