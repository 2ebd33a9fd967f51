import { useCallback, useEffect, useMemo, useState } from 'react'
import type { DocRole, DocumentInfo, MemberInfo, SharedRole, UserInfo } from '../../shared/api/types.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { listMembers, listUsers, removeMember, setEveryoneRole, setMember } from '../api/members.ts'
import { useAsyncAction } from '../hooks/useAsyncAction.ts'
import { PendingRequests, usePendingCount } from './AccessRequests.tsx'
import { Avatar } from './Avatar.tsx'
import { Dialog } from './Dialog.tsx'
import { ROLE_LABEL } from './labels.ts'

const ROLES: DocRole[] = ['owner', 'editor', 'reviewer', 'viewer']
const SHARED_ROLES: SharedRole[] = ['editor', 'reviewer', 'viewer']

/** What each role may do, said once under the add row. */
const ROLE_HINT = '所有者可共享和更改状态；编辑者可修改正文；审阅人可提出修订建议和批注、查看修改对照；查看者只能阅读。'

/** How a person is named in lists: display name, with the sign-in name when it differs. */
function personLabel(p: { name: string; displayName: string }): string {
  return p.displayName && p.displayName !== p.name ? `${p.displayName}（${p.name}）` : p.name
}

/**
 * 共享 (owners): add people (or a whole 科室) with a role, change or remove roles, the role of everyone in the bureau,
 * and the document's link. Every change is saved at once and reaches open editors at once.
 */
export function ShareDialog({ info, onChanged, onClose }: { info: DocumentInfo; onChanged: () => void; onClose: () => void }) {
  const [members, setMembers] = useState<MemberInfo[] | null>(null)
  const [users, setUsers] = useState<UserInfo[]>([])
  const [who, setWho] = useState('')
  const [role, setRole] = useState<DocRole>('editor')
  const [everyone, setEveryone] = useState<SharedRole | ''>(info.everyone ?? '')
  const { busy, error, setError, run: runAction } = useAsyncAction()
  const [copied, setCopied] = useState(false)
  const link = `${window.location.origin}/documents/${info.id}`

  const refresh = useCallback(() => listMembers(info.id).then(setMembers, (err: unknown) => setError(errorMessage(err, '成员没有载入'))), [info.id])
  useEffect(() => {
    void refresh()
    listUsers().then(setUsers, () => setUsers([]))
  }, [refresh])

  const candidates = useMemo(() => users.filter((u) => !members?.some((m) => m.userId === u.id)), [users, members])
  // A whole 科室 can be added at once: its members who have no role yet.
  const departments = useMemo(() => [...new Set(users.flatMap((u) => (u.department ? [u.department] : [])))], [users])
  // Every change is followed by the members as the server now has them, and tells the page.
  const run = (action: () => Promise<unknown>): Promise<boolean> =>
    runAction(async () => {
      await action()
      await refresh()
      onChanged()
    })
  const add = async (): Promise<void> => {
    const wanted = who.trim()
    if (!wanted) return setError('请填写要添加的人的姓名、账号或科室')
    const department = wanted.replace(/^科室[：:]\s*/, '')
    if (departments.includes(department) && !users.some((u) => u.name === wanted)) {
      const people = candidates.filter((u) => u.department === department)
      if (!people.length) return setError(`${department}的同事都已经是成员`)
      if (await run(() => Promise.all(people.map((u) => setMember(info.id, u.id, role))))) setWho('')
      return
    }
    const user = candidates.find((u) => u.name === wanted || u.displayName === wanted || personLabel(u) === wanted)
    if (!user) return setError(members?.some((m) => m.name === wanted || m.displayName === wanted) ? `“${wanted}”已经是成员，可以在下面更改角色` : `找不到账号“${wanted}”`)
    if (await run(() => setMember(info.id, user.id, role))) setWho('')
  }
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link)
    } catch {
      // Without clipboard access the link stays selected in its field for Ctrl+C.
      document.querySelector<HTMLInputElement>('[data-testid=share-link]')?.select()
    }
    setCopied(true)
  }

  return (
    <Dialog
      title={`共享《${info.title}》`}
      onClose={onClose}
      busy={busy}
      wide
      actions={
        <button className="button" onClick={onClose} disabled={busy}>
          完成
        </button>
      }
    >
      <PendingRequests
        docId={info.id}
        onDecided={() => {
          void refresh()
          onChanged()
        }}
      />
      <form
        className="share-add"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <label className="field share-who">
          <span>添加成员</span>
          <input list="share-candidates" value={who} placeholder="输入姓名、账号或科室" onChange={(e) => setWho(e.target.value)} data-testid="share-who" />
          <datalist id="share-candidates">
            {candidates.map((u) => (
              <option key={u.id} value={personLabel(u)} label={u.department} />
            ))}
            {departments.map((d) => (
              <option key={`dept-${d}`} value={`科室：${d}`} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>角色</span>
          <select value={role} onChange={(e) => setRole(e.target.value as DocRole)} data-testid="share-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <button className="button primary" type="submit" disabled={busy} data-testid="share-add">
          添加
        </button>
      </form>
      <p className="dialog-hint">{ROLE_HINT}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="share-members" data-testid="share-members" aria-label="成员">
        {members?.map((m) => (
          <li key={m.userId} data-user={m.name}>
            <Avatar name={m.displayName || m.name} color="#8a94a6" size={26} />
            <span className="share-name">{personLabel(m)}</span>
            <select aria-label={`${personLabel(m)}的角色`} value={m.role} disabled={busy} onChange={(e) => void run(() => setMember(info.id, m.userId, e.target.value as DocRole))}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
            <button type="button" className="button subtle" disabled={busy} onClick={() => void run(() => removeMember(info.id, m.userId))} aria-label={`移除${personLabel(m)}`}>
              移除
            </button>
          </li>
        ))}
        {!members && !error && <li className="dialog-hint">正在载入…</li>}
      </ul>
      <label className="field share-everyone">
        <span>本局所有人</span>
        <select
          value={everyone}
          disabled={busy}
          data-testid="share-everyone"
          onChange={(e) => {
            const next = e.target.value as SharedRole | ''
            void run(() => setEveryoneRole(info.id, next || null)).then((ok) => ok && setEveryone(next))
          }}
        >
          <option value="">仅限成员</option>
          {SHARED_ROLES.map((r) => (
            <option key={r} value={r}>
              都是{ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      <div className="share-link">
        <input readOnly value={link} aria-label="文档链接" data-testid="share-link" onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={() => void copy()} data-testid="share-copy">
          {copied ? '已复制' : '复制链接'}
        </button>
      </div>
    </Dialog>
  )
}

/** The 共享 button for owners; opens the dialog. */
export function ShareButton({ info, onChanged }: { info: DocumentInfo; onChanged: () => void }) {
  const [open, setOpen] = useState(false)
  const [pending, recount] = usePendingCount(info.id, true)
  return (
    <>
      <button type="button" className="share-button" onClick={() => setOpen(true)} title={pending ? `${pending} 条权限申请待处理` : '添加成员、更改角色、复制链接'} data-testid="open-share">
        共享
        {pending > 0 && (
          <span className="request-badge" data-testid="share-badge">
            {pending}
          </span>
        )}
      </button>
      {open && (
        <ShareDialog
          info={info}
          onChanged={onChanged}
          onClose={() => {
            setOpen(false)
            recount()
          }}
        />
      )}
    </>
  )
}
