import type { CollabDoc } from '../hooks/useCollabDoc.ts'
import type { SaveState } from '../hooks/useSaveState.ts'

/** The connection in words (已连接 / 同步中… / 离线，修改已保存在本机) and whether the user's changes are saved. */
export function ConnectionStatus({ collab, save }: { collab: CollabDoc | null; save: SaveState }) {
  const { tone, text } = describe(collab)
  const online = collab?.connection === 'connected' && collab.synced
  return (
    <div className="connection" data-state={tone}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-text" data-testid="connection-state">
        {text}
      </span>
      {online && (
        <span className="save-state" data-testid="save-state" data-save={save}>
          {save === 'saving' ? '正在保存…' : '已保存'}
        </span>
      )}
    </div>
  )
}

function describe(collab: CollabDoc | null): { tone: string; text: string } {
  if (!collab) return { tone: 'syncing', text: '同步中…' }
  if (collab.connection === 'closed') return { tone: 'closed', text: collab.closedMessage ?? '连接已断开' }
  if (collab.connection === 'offline') return { tone: 'offline', text: '离线，修改已保存在本机' }
  if (collab.connection === 'connected' && collab.synced) return { tone: 'online', text: '已连接' }
  return { tone: 'syncing', text: '同步中…' }
}
