import { EditorContent, useEditor } from '@tiptap/react'
import { useCallback, useEffect, useState } from 'react'
import { CLOSE, closeReason } from '../../shared/api/closeCodes.ts'
import type { DocumentInfo } from '../../shared/api/types.ts'
import { planExtensions } from '../../shared/editor/planExtensions.ts'
import type { Session } from '../api/session.ts'
import { RequestAccessBox } from '../components/AccessRequests.tsx'
import { AppHeader } from '../components/AppHeader.tsx'
import { ConnectionStatus } from '../components/ConnectionStatus.tsx'
import { DocTitle } from '../components/DocTitle.tsx'
import { ExportButton } from '../components/ExportButton.tsx'
import { FindBar } from '../components/FindBar.tsx'
import { Icon } from '../components/Icon.tsx'
import { Outline } from '../components/Outline.tsx'
import { PresenceList } from '../components/PresenceList.tsx'
import { PrintButton } from '../components/PrintButton.tsx'
import { StatusControl } from '../components/StatusControl.tsx'
import { ReadOnlyBanner, readOnlyReason } from '../components/ReadOnlyBanner.tsx'
import { ShareButton } from '../components/ShareDialog.tsx'
import { SidePanel } from '../components/SidePanel.tsx'
import { StatusBar } from '../components/StatusBar.tsx'
import { SuggestModeButton } from '../components/suggestions/SuggestModeButton.tsx'
import { useSuggestMode } from '../components/suggestions/useSuggestMode.ts'
import { Toolbar } from '../components/Toolbar.tsx'
import { CommentButton } from '../components/comments/CommentButton.tsx'
import { CommentComposer } from '../components/comments/CommentComposer.tsx'
import { useRevealFromAddress } from '../components/breakdown/itemLink.ts'
import { SHOW_SIDE_TAB } from '../components/comments/showSideTab.ts'
import { mayComment } from '../components/comments/commentRoles.ts'
import { collabExtensions } from '../editor/collabExtensions.ts'
import { editorExportSubject } from '../editor/exportSubject.ts'
import { FindReplace } from '../editor/FindReplace.ts'
import { useCollabDoc } from '../hooks/useCollabDoc.ts'
import type { CollabDoc } from '../hooks/useCollabDoc.ts'
import { useDocumentChanges } from '../hooks/useDocumentChanges.ts'
import { useDocumentInfo } from '../hooks/useDocumentInfo.ts'
import { useFindShortcuts } from '../hooks/useFindShortcuts.ts'
import type { FindMode } from '../hooks/useFindShortcuts.ts'
import { useOutline } from '../hooks/useOutline.ts'
import { usePresence } from '../hooks/usePresence.ts'
import { useSaveState } from '../hooks/useSaveState.ts'
import { navigate } from '../router/navigate.ts'

/** Below this window width the outline and side panel are drawers over the paper (layout.css uses the same figure). */
const NARROW = 1100

/** The editor page: opens the shared document (from this browser first, then the server) and shows the workspace. */
export function EditorPage({ docId, session }: { docId: string; session: Session }) {
  const { info, error, fatal, reload } = useDocumentInfo(docId, session.user.id)
  const collab = useCollabDoc(docId, session.user.id, session.token)
  const people = usePresence(collab?.provider ?? null)
  useDocumentChanges(collab?.provider ?? null, reload)
  const save = useSaveState(collab)
  // 定稿 closes every open editor (4423): fetch the status again so the banner says why.
  const finalized = collab?.connection === 'closed' && collab.closedMessage === closeReason(CLOSE.finalized)
  useEffect(() => {
    if (finalized) reload()
  }, [finalized, reload])
  // A changed role (shared, demoted, promoted) closes the socket with 4409: reopen with the new role.
  const roleChanged = collab?.connection === 'closed' && collab.closedMessage === closeReason(CLOSE.roleChanged)
  useEffect(() => {
    if (roleChanged) window.location.reload()
  }, [roleChanged])
  const problem = fatal ? error : collab && !collab.ready && collab.connection === 'closed' ? (collab.closedMessage ?? '无法打开文档') : null
  const header = (
    <AppHeader
      user={session.user}
      right={
        <>
          {/* Offline, the only presence known is one's own: "1 人在线" would be wrong, and 离线 says it. */}
          <PresenceList people={collab?.connection === 'connected' ? people : []} />
          <ConnectionStatus collab={collab} save={save} />
        </>
      }
    >
      <DocTitle info={info} fallback={problem ? '无法打开文档' : '正在打开…'} />
      {info?.kind === 'draft' && <StatusControl info={info} onChanged={reload} />}
      {info?.role === 'owner' && <ShareButton info={info} onChanged={reload} />}
    </AppHeader>
  )
  if (problem || !collab?.ready) {
    return (
      <div className="editor-page">
        {header}
        <div className="desk centered">
          <div className="paper placeholder" data-testid="editor-placeholder">
            {problem ? (
              <>
                <p className="placeholder-text">{problem}</p>
                {fatal && <RequestAccessBox docId={docId} />}
                <button className="button" onClick={() => navigate({ page: 'documents' })}>
                  返回文档列表
                </button>
              </>
            ) : collab?.noLocalCopy ? (
              <p className="placeholder-text">现在处于离线状态，本机还没有这份文档的副本。联网后会自动打开。</p>
            ) : (
              <p className="placeholder-text">正在打开文档…</p>
            )}
          </div>
        </div>
      </div>
    )
  }
  return <Workspace docId={docId} session={session} info={info} collab={collab} header={header} />
}

function Workspace({ docId, session, info, collab, header }: { docId: string; session: Session; info: DocumentInfo | null; collab: CollabDoc; header: React.ReactNode }) {
  const reason = readOnlyReason(info?.role, info?.archived ?? false, collab.connection === 'closed' ? collab.closedMessage : undefined, info?.status)
  const canEdit = reason === null
  // A reviewer types in 修订 mode whenever an editor could type (not 定稿, archived or closed).
  const reviewing = info?.role === 'reviewer' && readOnlyReason('editor', info.archived, collab.connection === 'closed' ? collab.closedMessage : undefined, info.status) === null
  const user = { id: session.user.id, name: session.user.displayName, color: session.user.color }
  const editor = useEditor(
    {
      extensions: [...planExtensions(), ...collabExtensions(collab, user), FindReplace],
      editable: canEdit || reviewing,
      editorProps: { attributes: { class: 'plan-doc', spellcheck: 'false', 'aria-label': '工作要点正文', 'data-testid': 'plan-editor' } },
    },
    [collab.ydoc],
  )
  useEffect(() => {
    if (editor.isEditable !== (canEdit || reviewing)) editor.setEditable(canEdit || reviewing)
  }, [editor, canEdit, reviewing])
  const suggest = useSuggestMode(editor, collab.ydoc, session.user.id, reviewing, canEdit)
  const overview = useOutline(editor)
  // A link from the 台账 or the 定稿 refusal (?item=…) opens the plan at that item.
  useRevealFromAddress(editor)
  // On a narrow screen the side panel would cover the paper, so it starts closed there.
  const [panelOpen, setPanelOpen] = useState(() => (sessionStorage.getItem('plan-studio/panel') ?? (window.innerWidth > NARROW ? 'open' : 'closed')) !== 'closed')
  const [outlineOpen, setOutlineOpen] = useState(false)
  const [find, setFind] = useState<FindMode | null>(null)
  useFindShortcuts(useCallback((mode: FindMode) => setFind(mode), []))
  const narrow = (): boolean => window.innerWidth <= NARROW
  const togglePanel = (open: boolean): void => {
    setPanelOpen(open)
    // On a narrow screen both are drawers over the paper: one at a time.
    if (open && narrow()) setOutlineOpen(false)
    sessionStorage.setItem('plan-studio/panel', open ? 'open' : 'closed')
  }
  const toggleOutline = (open: boolean): void => {
    setOutlineOpen(open)
    if (open && narrow()) setPanelOpen(false)
  }
  // A request for a side tab (批注 after adding one) opens the panel.
  useEffect(() => {
    const onShow = (): void => setPanelOpen(true)
    window.addEventListener(SHOW_SIDE_TAB, onShow)
    return () => window.removeEventListener(SHOW_SIDE_TAB, onShow)
  }, [])
  // Esc closes an open drawer on a narrow screen, as it closes a dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || !narrow()) return
      setOutlineOpen(false)
      setPanelOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <div className="editor-page">
      {header}
      <Toolbar
        editor={editor}
        editable={canEdit}
        tools={
          <>
            <button
              type="button"
              className={`tool-button${find ? ' pressed' : ''}`}
              title="查找（Ctrl+F）和替换（Ctrl+H）"
              data-testid="open-find"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setFind(find ? null : canEdit ? 'replace' : 'find')}
            >
              <Icon name="search" />
              <span>查找替换</span>
            </button>
            <PrintButton />
            <CommentButton allowed={mayComment(info?.role) && info?.status !== 'final'} />
          </>
        }
        right={
          <>
            <SuggestModeButton mode={suggest} />
            <button
              className={`tool-button outline-toggle${outlineOpen ? ' pressed' : ''}`}
              onClick={() => toggleOutline(!outlineOpen)}
              title={outlineOpen ? '收起大纲' : '展开大纲'}
              aria-pressed={outlineOpen}
              data-testid="toggle-outline"
            >
              <Icon name="outline" />
              <span>大纲</span>
            </button>
            <ExportButton target={{ docId }} subject={() => editorExportSubject(editor, info?.title)} />
            <button className="tool-button" onClick={() => navigate({ page: 'review', docId })} title="查看与上年计划、某个版本或上次访问相比的修改" data-testid="open-review">
              <Icon name="compare" />
              <span>审阅修改</span>
            </button>
            <button
              className={`tool-button${panelOpen ? ' pressed' : ''}`}
              onClick={() => togglePanel(!panelOpen)}
              title={panelOpen ? '收起侧栏' : '展开侧栏：版本、文档信息'}
              aria-pressed={panelOpen}
              data-testid="toggle-panel"
            >
              <Icon name="panel" />
              <span>侧栏</span>
            </button>
          </>
        }
      />
      <div className={`workspace${panelOpen ? ' with-panel' : ''}${outlineOpen ? ' outline-open' : ''}`}>
        <Outline editor={editor} overview={overview} onJump={() => setOutlineOpen(false)} />
        <main className="desk">
          <ReadOnlyBanner reason={reason} />
          <CommentComposer editor={editor} docId={docId} role={info?.role} final={info?.status === 'final'} />
          {find && <FindBar editor={editor} replace={find === 'replace'} editable={canEdit} onClose={() => setFind(null)} />}
          <article className="paper">
            <EditorContent editor={editor} />
          </article>
        </main>
        {panelOpen && <SidePanel context={{ editor, docId, document: info, canEdit, session, collab }} onClose={() => togglePanel(false)} />}
      </div>
      <StatusBar overview={overview} note={canEdit ? '撤销只撤销自己的修改' : undefined} />
    </div>
  )
}
