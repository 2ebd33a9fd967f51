import { useState } from 'react'
import type { VersionInfo } from '../../shared/api/types.ts'
import { createVersion, restoreVersion } from '../api/versions.ts'
import { useVersions } from '../hooks/useVersions.ts'
import { navigate } from '../router/navigate.ts'
import { notify } from '../state/notices.ts'
import { ConfirmDialog } from './ConfirmDialog.tsx'
import { formatTime } from './labels.ts'
import { PromptDialog } from './PromptDialog.tsx'
import type { SidePanelContext } from './sidePanelRegistry.ts'

/** Names offered for a new version, in the order drafts usually go through. */
export const VERSION_NAMES = ['征求意见稿', '送审稿', '定稿']

/** 版本: save the current text under a name, list versions, open one read-only, restore one (after confirming). */
export function VersionsPanel({ docId, canEdit, collab }: SidePanelContext) {
  const { versions, error, reload } = useVersions(docId)
  const [creating, setCreating] = useState(false)
  const [restoring, setRestoring] = useState<VersionInfo | null>(null)
  const online = collab.connection === 'connected' && collab.synced
  return (
    <div className="versions-panel">
      {canEdit && (
        <button className="button primary wide" onClick={() => setCreating(true)} disabled={!online} title={online ? '' : '联网后才能保存版本'} data-testid="create-version">
          保存当前版本
        </button>
      )}
      <p className="panel-hint">版本是某一时刻全文的存档，例如征求意见稿、送审稿。恢复版本会生成一次新的修改，原有历史和版本都会保留。</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {versions === null && !error && <p className="muted">正在载入…</p>}
      {versions?.length === 0 && <p className="muted empty-panel">还没有保存过版本。</p>}
      <ul className="version-list">
        {versions?.map((v) => (
          <li key={v.id} className="version-row" data-version-name={v.name}>
            <div className="version-name">{v.name}</div>
            <div className="version-meta">
              {formatTime(v.createdAt)} · {v.createdBy.name}
            </div>
            <div className="version-actions">
              <button className="link-button" onClick={() => navigate({ page: 'version', docId, versionId: v.id })}>
                查看
              </button>
              {canEdit && (
                <button className="link-button" onClick={() => setRestoring(v)} disabled={!online}>
                  恢复
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {creating && (
        <PromptDialog
          title="保存当前版本"
          label="版本名称"
          placeholder="例如：征求意见稿"
          suggestions={VERSION_NAMES}
          confirmLabel="保存"
          onClose={() => setCreating(false)}
          onSubmit={async (name) => {
            await createVersion(docId, name)
            notify(`已保存版本“${name}”`, 'success')
            reload()
          }}
        />
      )}
      {restoring && (
        <RestoreDialog
          version={restoring}
          onClose={() => setRestoring(null)}
          onRestore={async () => {
            await restoreVersion(docId, restoring.id)
            notify(`已恢复为“${restoring.name}”`, 'success')
            reload()
          }}
        />
      )}
    </div>
  )
}

/** The confirmation before a restore, saying what happens to everyone's current text. */
export function RestoreDialog({ version, onClose, onRestore }: { version: VersionInfo; onClose: () => void; onRestore: () => Promise<void> }) {
  return (
    <ConfirmDialog title="恢复版本" confirmLabel="恢复" danger onClose={onClose} onConfirm={onRestore}>
      <p>
        把全文恢复为“{version.name}”（{formatTime(version.createdAt)}，{version.createdBy.name}保存）？
      </p>
      <p className="muted">当前全文会被替换，所有协作者会立即看到恢复后的内容。恢复前系统会把当前全文自动另存为一个版本；之前的修改和版本都不会丢失。</p>
    </ConfirmDialog>
  )
}
