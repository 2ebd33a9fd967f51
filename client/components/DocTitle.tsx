import type { DocumentInfo } from '../../shared/api/types.ts'
import { navigate } from '../router/navigate.ts'
import { Icon } from './Icon.tsx'
import { KIND_LABEL, ROLE_LABEL } from './labels.ts'

/** The document's name in the header, with its kind and the user's role, and a way back to the list. */
export function DocTitle({ info, fallback, extra }: { info: DocumentInfo | null; fallback: string; extra?: string }) {
  return (
    <div className="doc-title">
      <button className="icon-button" onClick={() => navigate({ page: 'documents' })} title="返回文档列表" aria-label="返回文档列表">
        <Icon name="back" />
      </button>
      <h1 title={info?.title ?? fallback}>{info?.title || fallback}</h1>
      {info && <span className={`kind-badge kind-${info.kind}`}>{KIND_LABEL[info.kind]}</span>}
      {info && <span className="role-badge">{ROLE_LABEL[info.role]}</span>}
      {extra && <span className="version-badge">{extra}</span>}
    </div>
  )
}
