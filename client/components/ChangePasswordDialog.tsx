import { useState } from 'react'
import { PASSWORD_RULES, passwordRuleProblem } from '../../shared/api/accounts.ts'
import { changeOwnPassword } from '../api/accounts.ts'
import { setSession, type Session } from '../api/session.ts'
import { notify } from '../state/notices.ts'
import { ActionDialog } from './Dialog.tsx'

/** Why a new password is refused before asking the server, in Chinese; null when it may be tried. */
export function passwordProblem(password: string, repeat: string, name: string): string | null {
  const problem = passwordRuleProblem(password, name)
  if (problem) return `新${problem}`
  if (password !== repeat) return '两次输入的新密码不一致'
  return null
}

/** 修改密码: old and new password (twice), the rules stated; other sign-ins of the account end. `reason` says why it is asked for. */
export function ChangePasswordDialog({ userName, reason, onDone, onClose }: { userName: string; reason?: string; onDone?: () => void; onClose: () => void }) {
  const [old, setOld] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const submit = async (): Promise<string | void> => {
    if (!old) return '请输入原密码'
    const problem = passwordProblem(next, repeat, userName)
    if (problem) return problem
    await changeOwnPassword(old, next)
    notify('密码已修改，其他设备上的登录已退出', 'success')
    onDone?.()
  }
  return (
    <ActionDialog title="修改密码" confirmLabel="修改密码" confirmTestId="password-save" onConfirm={submit} onClose={onClose}>
      {reason && <p className="dialog-hint">{reason}</p>}
      <label className="field">
        <span>原密码</span>
        <input type="password" autoComplete="current-password" value={old} onChange={(e) => setOld(e.target.value)} data-testid="password-old" />
      </label>
      <label className="field">
        <span>新密码</span>
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} data-testid="password-new" />
      </label>
      <label className="field">
        <span>再次输入新密码</span>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} data-testid="password-repeat" />
      </label>
      <p className="dialog-hint">{PASSWORD_RULES}</p>
    </ActionDialog>
  )
}

/** At first sign-in of the first-start admin (printed password): asks for a new password until it is changed. */
export function FirstPasswordPrompt({ session }: { session: Session }) {
  const [later, setLater] = useState(false)
  if (!session.user.mustChangePassword || later) return null
  return (
    <ChangePasswordDialog
      userName={session.user.name}
      reason="这是服务器首次启动时打印出的初始密码，请先修改为只有您知道的密码。"
      onDone={() => setSession({ ...session, user: { ...session.user, mustChangePassword: false } })}
      onClose={() => setLater(true)}
    />
  )
}
