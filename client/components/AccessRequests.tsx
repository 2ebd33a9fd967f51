import { useCallback, useEffect, useState } from 'react'
import type { AccessRequestInfo } from '../../shared/api/accessRequests.ts'
import type { SharedRole } from '../../shared/api/types.ts'
import { decideRequest, ownRequest, pendingRequests, requestAccess, requestsOverview } from '../api/accessRequests.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { useAsyncAction } from '../hooks/useAsyncAction.ts'
import { navigate } from '../router/navigate.ts'
import { formatTime, ROLE_LABEL } from './labels.ts'

/** On the no-access page: 申请权限 with an optional note, or where the earlier request stands. Nothing when the document does not exist. */
export function RequestAccessBox({ docId }: { docId: string }) {
  const [request, setRequest] = useState<AccessRequestInfo | null | undefined>(undefined)
  const [note, setNote] = useState('')
  const { busy, error, run } = useAsyncAction()
  useEffect(() => {
    ownRequest(docId).then(setRequest, () => setRequest(undefined))
  }, [docId])
  if (request === undefined) return null
  const ask = (): Promise<boolean> => run(async () => setRequest(await requestAccess(docId, note.trim())))
  if (request?.state === 'pending') {
    return (
      <p className="request-state" data-testid="request-state">
        已于 {formatTime(request.at)} 申请权限，等待文档所有者处理。处理结果会显示在文档列表中。
      </p>
    )
  }
  return (
    <div className="request-box" data-testid="request-access">
      {request?.state === 'declined' && <p className="request-state">文档所有者没有同意上次的申请，可以补充说明后再次申请。</p>}
      <p className="dialog-hint">可以向文档所有者申请权限；所有者同意后，文档会出现在您的文档列表中。</p>
      <label className="field">
        <span>说明（可不填）</span>
        <input value={note} maxLength={200} placeholder="例如：我负责德育部分的起草" onChange={(e) => setNote(e.target.value)} data-testid="request-note" />
      </label>
      <button className="button primary" disabled={busy} onClick={() => void ask()} data-testid="request-submit">
        申请权限
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/** Owners, in the 共享 dialog: pending requests, each granted with a role or declined in one click. */
export function PendingRequests({ docId, onDecided }: { docId: string; onDecided: () => void }) {
  const [requests, setRequests] = useState<AccessRequestInfo[]>([])
  const [roles, setRoles] = useState<Record<string, SharedRole>>({})
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => pendingRequests(docId).then(setRequests, () => setRequests([])), [docId])
  useEffect(() => {
    void load()
  }, [load])
  if (!requests.length && !error) return null
  const act = async (r: AccessRequestInfo, decision: 'grant' | 'decline'): Promise<void> => {
    setError(null)
    try {
      await decideRequest(docId, r.userId, decision, decision === 'grant' ? (roles[r.userId] ?? 'editor') : undefined)
      await load()
      onDecided()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <section className="pending-requests" data-testid="pending-requests">
      <h3>权限申请</h3>
      <ul>
        {requests.map((r) => (
          <li key={r.userId} data-user={r.name}>
            <span className="request-who">
              {r.displayName && r.displayName !== r.name ? `${r.displayName}（${r.name}）` : r.name} <small className="muted">{formatTime(r.at)}</small>
              {r.note && <span className="request-note">“{r.note}”</span>}
            </span>
            <select aria-label={`授予${r.name}的角色`} value={roles[r.userId] ?? 'editor'} onChange={(e) => setRoles({ ...roles, [r.userId]: e.target.value as SharedRole })}>
              {(['editor', 'reviewer', 'viewer'] as const).map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABEL[role]}
                </option>
              ))}
            </select>
            <button type="button" className="button primary" onClick={() => void act(r, 'grant')} data-testid="request-grant">
              同意
            </button>
            <button type="button" className="button subtle" onClick={() => void act(r, 'decline')} data-testid="request-decline">
              拒绝
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

/** The number of pending requests on a document, for the 共享 button's badge (owners). */
export function usePendingCount(docId: string, enabled: boolean): [number, () => void] {
  const [count, setCount] = useState(0)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    if (!enabled) return
    let live = true
    pendingRequests(docId).then(
      (list) => live && setCount(list.length),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [docId, enabled, generation])
  return [count, useCallback(() => setGeneration((g) => g + 1), [])]
}

/** In the document list: requests waiting for the user's decision and the outcome of the user's own requests. */
export function AccessRequestsNotice() {
  const [data, setData] = useState<{ toDecide: AccessRequestInfo[]; mine: AccessRequestInfo[] } | null>(null)
  useEffect(() => {
    requestsOverview().then(setData, () => setData(null))
  }, [])
  if (!data) return null
  const decided = data.mine.filter((r) => r.state !== 'pending')
  const waiting = data.mine.filter((r) => r.state === 'pending')
  if (!data.toDecide.length && !data.mine.length) return null
  return (
    <div className="requests-notice" data-testid="requests-notice">
      {data.toDecide.length > 0 && (
        <div>
          <span className="request-badge" data-testid="requests-badge">
            {data.toDecide.length}
          </span>
          待处理的权限申请：
          {data.toDecide.map((r) => (
            <button key={r.docId + r.userId} className="link-button" onClick={() => navigate({ page: 'editor', docId: r.docId })}>
              {r.displayName} 申请打开《{r.docTitle}》
            </button>
          ))}
        </div>
      )}
      {decided.map((r) => (
        <div key={r.docId} data-testid="request-outcome">
          {r.state === 'granted' ? (
            <>
              您的申请已通过{r.role ? `，角色为${ROLE_LABEL[r.role]}` : ''}：
              <button className="link-button" onClick={() => navigate({ page: 'editor', docId: r.docId })}>
                《{r.docTitle}》
              </button>
            </>
          ) : (
            <>您于 {formatTime(r.at)} 提交的一条权限申请没有获得同意。</>
          )}
        </div>
      ))}
      {waiting.length > 0 && <div className="muted">另有 {waiting.length} 条申请等待所有者处理。</div>}
    </div>
  )
}
