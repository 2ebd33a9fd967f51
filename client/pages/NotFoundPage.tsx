import { navigate } from '../router/navigate.ts'

/** Shown for an address that names no page. */
export function NotFoundPage() {
  return (
    <div className="page-message">
      <h1>找不到这个页面</h1>
      <p>地址可能有误，或者页面已经移走。</p>
      <button className="button primary" onClick={() => navigate({ page: 'documents' })}>
        返回文档列表
      </button>
    </div>
  )
}
