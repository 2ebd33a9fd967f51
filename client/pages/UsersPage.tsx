import { useCallback, useEffect, useState } from 'react'
import type { AccountInfo } from '../../shared/api/accounts.ts'
import { PASSWORD_RULES } from '../../shared/api/accounts.ts'
import type { GlobalRole } from '../../shared/api/types.ts'
import { createAccount, listAccounts, listDepartments, resetPassword, saveDepartments, updateAccount } from '../api/accounts.ts'
import { ApiFailure } from '../api/ApiFailure.ts'
import { errorMessage } from '../api/errorMessage.ts'
import type { Session } from '../api/session.ts'
import { AppHeader } from '../components/AppHeader.tsx'
import { passwordProblem } from '../components/ChangePasswordDialog.tsx'
import { ActionDialog } from '../components/Dialog.tsx'
import { formatTime } from '../components/labels.ts'
import { PromptDialog } from '../components/PromptDialog.tsx'
import { navigate } from '../router/navigate.ts'
import { notify } from '../state/notices.ts'
import '../styles/accounts.css'

const GLOBAL_ROLE_LABEL: Record<GlobalRole, string> = { admin: '管理员', member: '成员' }

type Open = { dialog: 'add' } | { dialog: 'reset'; account: AccountInfo } | { dialog: 'rename'; account: AccountInfo } | { dialog: 'departments' } | null

/** 用户管理 (admins): every account with role, 科室, last sign-in and state; add, reset a password, disable/enable, rename; the 科室 list. */
export function UsersPage({ session }: { session: Session }) {
  const [accounts, setAccounts] = useState<AccountInfo[] | null>(null)
  const [departments, setDepartments] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [open, setOpen] = useState<Open>(null)
  const reload = useCallback(() => {
    listAccounts().then(setAccounts, (err: unknown) => setError(errorMessage(err, '账号列表没有载入')))
    listDepartments().then(setDepartments, () => setDepartments([]))
  }, [])
  useEffect(reload, [reload])
  const change = async (account: AccountInfo, patch: Parameters<typeof updateAccount>[1], done?: string): Promise<void> => {
    try {
      await updateAccount(account.id, patch)
      if (done) notify(done, 'success')
      reload()
    } catch (err) {
      notify(errorMessage(err), 'error')
      reload()
    }
  }
  const close = (): void => setOpen(null)
  if (session.user.role !== 'admin') {
    return (
      <div className="list-page">
        <AppHeader user={session.user} />
        <main className="list-main">
          <BackToList />
          <p className="form-error">只有管理员可以管理账号。</p>
        </main>
      </div>
    )
  }
  return (
    <div className="list-page users-page">
      <AppHeader user={session.user} />
      <main className="list-main">
        <BackToList />
        <div className="list-head">
          <div>
            <h1>用户管理</h1>
            <p className="muted">添加同事、重置密码、停用离岗人员的账号。停用的账号不能登录，已写的内容仍署其名。</p>
          </div>
          <div className="list-actions">
            <button className="button" onClick={() => setOpen({ dialog: 'departments' })} data-testid="edit-departments">
              科室列表
            </button>
            <button className="button primary" onClick={() => setOpen({ dialog: 'add' })} data-testid="add-account">
              添加账号
            </button>
          </div>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="table-scroll">
          <table className="doc-table accounts-table" data-testid="accounts">
            <thead>
              <tr>
                <th>账号</th>
                <th>显示名称</th>
                <th>角色</th>
                <th>科室</th>
                <th>最近登录</th>
                <th>状态</th>
                <th className="col-actions">操作</th>
              </tr>
            </thead>
            <tbody>
              {accounts?.map((a) => (
                <tr key={a.id} data-user={a.name} className={a.disabled ? 'disabled' : ''}>
                  <td>{a.name}</td>
                  <td>
                    <button className="link-button" onClick={() => setOpen({ dialog: 'rename', account: a })} title="修改显示名称">
                      {a.displayName}
                    </button>
                  </td>
                  <td>
                    <select aria-label={`${a.name}的角色`} value={a.role} onChange={(e) => void change(a, { role: e.target.value as GlobalRole })}>
                      {(['member', 'admin'] as const).map((r) => (
                        <option key={r} value={r}>
                          {GLOBAL_ROLE_LABEL[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label={`${a.name}的科室`} value={a.department ?? ''} onChange={(e) => void change(a, { department: e.target.value || null })}>
                      <DepartmentOptions departments={departments} current={a.department} />
                    </select>
                  </td>
                  <td className="muted">{a.lastSignInAt ? formatTime(a.lastSignInAt) : '从未登录'}</td>
                  <td>{a.disabled ? <span className="state-badge off">已停用</span> : <span className="state-badge on">正常</span>}</td>
                  <td className="col-actions">
                    <button className="button subtle" onClick={() => setOpen({ dialog: 'reset', account: a })}>
                      重置密码
                    </button>
                    <button
                      className="button subtle"
                      data-testid="toggle-disabled"
                      onClick={() => void change(a, { disabled: !a.disabled }, a.disabled ? `已启用 ${a.name}` : `已停用 ${a.name}，其登录已全部退出`)}
                    >
                      {a.disabled ? '启用' : '停用'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!accounts && !error && <p className="muted">正在载入…</p>}
      </main>
      {open?.dialog === 'add' && <AddAccountDialog departments={departments} onDone={reload} onClose={close} />}
      {open?.dialog === 'reset' && (
        <PromptDialog
          title={`重置 ${open.account.name} 的密码`}
          label="新密码"
          hint={`${PASSWORD_RULES}重置后该账号在所有设备上的登录都会退出。`}
          confirmLabel="重置密码"
          onSubmit={async (password) => {
            const problem = passwordProblem(password, password, open.account.name)
            if (problem) throw new ApiFailure('weak-password', problem, 400)
            await resetPassword(open.account.id, password)
            notify(`已重置 ${open.account.name} 的密码`, 'success')
          }}
          onClose={close}
        />
      )}
      {open?.dialog === 'rename' && (
        <PromptDialog
          title={`修改 ${open.account.name} 的显示名称`}
          label="显示名称"
          initial={open.account.displayName}
          confirmLabel="保存"
          onSubmit={async (displayName) => {
            await updateAccount(open.account.id, { displayName })
            reload()
          }}
          onClose={close}
        />
      )}
      {open?.dialog === 'departments' && <DepartmentsDialog initial={departments} onDone={reload} onClose={close} />}
    </div>
  )
}

/** A 科室 choice's options: 未设置, the bureau's list, and the account's own 科室 when it has left the list. */
function DepartmentOptions({ departments, current }: { departments: string[]; current?: string }) {
  return (
    <>
      <option value="">未设置</option>
      {current && !departments.includes(current) && <option value={current}>{current}</option>}
      {departments.map((d) => (
        <option key={d} value={d}>
          {d}
        </option>
      ))}
    </>
  )
}

/** The way back to the document list, above the page title. */
function BackToList() {
  return (
    <a
      className="back-link"
      href="/"
      data-testid="back-to-list"
      onClick={(e) => {
        e.preventDefault()
        navigate({ page: 'documents' })
      }}
    >
      ← 返回文档列表
    </a>
  )
}

/** 添加账号: sign-in name, display name, role, 科室 (from the bureau's list) and first password (the colleague changes it after signing in). */
function AddAccountDialog({ departments, onDone, onClose }: { departments: string[]; onDone: () => void; onClose: () => void }) {
  const [name, setName] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<GlobalRole>('member')
  const [department, setDepartment] = useState('')
  const submit = async (): Promise<string | void> => {
    const account = name.trim()
    if (!account) return '请填写账号（登录用的名字）'
    const problem = passwordProblem(password, password, account)
    if (problem) return problem.replace('新密码', '初始密码')
    const user = await createAccount({ name: account, password, role, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) })
    onDone()
    if (department) {
      try {
        await updateAccount(user.id, { department })
      } catch (err) {
        // The account exists now: say that only the 科室 is missing, and close so that it is not added twice.
        notify(`已添加账号 ${account}，但科室没有设置：${errorMessage(err)}`, 'error')
        return
      }
      onDone()
    }
    notify(`已添加账号 ${account}`, 'success')
  }
  return (
    <ActionDialog title="添加账号" confirmLabel="添加" confirmTestId="account-create" onConfirm={submit} onClose={onClose}>
      <label className="field">
        <span>账号（登录用的名字）</span>
        <input value={name} maxLength={32} onChange={(e) => setName(e.target.value)} data-testid="account-name" />
      </label>
      <label className="field">
        <span>显示名称（可不填，默认同账号）</span>
        <input value={displayName} maxLength={32} onChange={(e) => setDisplayName(e.target.value)} data-testid="account-display" />
      </label>
      <label className="field">
        <span>科室</span>
        <select value={department} onChange={(e) => setDepartment(e.target.value)} data-testid="account-department">
          <DepartmentOptions departments={departments} />
        </select>
      </label>
      <label className="field">
        <span>初始密码</span>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="account-password" />
      </label>
      <label className="field">
        <span>角色</span>
        <select value={role} onChange={(e) => setRole(e.target.value as GlobalRole)}>
          <option value="member">成员</option>
          <option value="admin">管理员（可管理账号、打开所有文档）</option>
        </select>
      </label>
      <p className="dialog-hint">{PASSWORD_RULES}</p>
    </ActionDialog>
  )
}

/** 科室列表: one name a line; accounts keep a 科室 that leaves the list. */
function DepartmentsDialog({ initial, onDone, onClose }: { initial: string[]; onDone: () => void; onClose: () => void }) {
  const [text, setText] = useState(initial.join('\n'))
  const submit = async (): Promise<void> => {
    await saveDepartments(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    onDone()
  }
  return (
    <ActionDialog title="科室列表" confirmLabel="保存" confirmTestId="departments-save" onConfirm={submit} onClose={onClose}>
      <label className="field">
        <span>每行一个科室</span>
        <textarea className="departments-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} data-testid="departments-text" />
      </label>
      <p className="dialog-hint">账号的科室从这个列表中选择；从列表中删去的科室，已设置它的账号仍然保留。</p>
    </ActionDialog>
  )
}
