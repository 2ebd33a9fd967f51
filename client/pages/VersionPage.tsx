import { Extension } from '@tiptap/core'
import { EditorContent, useEditor } from '@tiptap/react'
import type { VersionSuggestionsResponse } from '../../shared/api/review.ts'
import { useEffect, useState } from 'react'
import type { VersionInfo } from '../../shared/api/types.ts'
import { canEdit } from '../../shared/api/types.ts'
import { planToPm } from '../../shared/editor/convert/planToPm.ts'
import { planExtensions } from '../../shared/editor/planExtensions.ts'
import { parsePlanJson } from '../../shared/plan/planJson.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { errorMessage } from '../api/errorMessage.ts'
import type { Session } from '../api/session.ts'
import { getVersionSuggestions } from '../api/reviewSuggestions.ts'
import { getVersionPlan, listVersions, restoreVersion } from '../api/versions.ts'
import { AppHeader } from '../components/AppHeader.tsx'
import { DocTitle } from '../components/DocTitle.tsx'
import { ExportButton } from '../components/ExportButton.tsx'
import { PrintButton } from '../components/PrintButton.tsx'
import { formatTime } from '../components/labels.ts'
import { Outline } from '../components/Outline.tsx'
import { StatusBar } from '../components/StatusBar.tsx'
import { RestoreDialog } from '../components/VersionsPanel.tsx'
import { suggestionDecorations } from '../components/suggestions/suggestionDecorations.ts'
import '../components/suggestions/suggestions.css'
import { EmptyHints } from '../editor/EmptyHints.ts'
import { planExportSubject } from '../editor/exportSubject.ts'
import { useDocumentInfo } from '../hooks/useDocumentInfo.ts'
import { useOutline } from '../hooks/useOutline.ts'
import { navigate } from '../router/navigate.ts'
import { notify } from '../state/notices.ts'

/** A named version, read-only, with a way back to the live document and (for editors) a restore after confirming. */
export function VersionPage({ docId, versionId, session }: { docId: string; versionId: string; session: Session }) {
  const { info } = useDocumentInfo(docId, session.user.id)
  const [plan, setPlan] = useState<Plan | null>(null)
  const [version, setVersion] = useState<VersionInfo | null>(null)
  const [suggested, setSuggested] = useState<VersionSuggestionsResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [restoring, setRestoring] = useState(false)
  useEffect(() => {
    let live = true
    // The version's open 修订 are extra: without them the page shows its plan as before.
    const marks = getVersionSuggestions(docId, versionId).catch(() => null)
    Promise.all([getVersionPlan(docId, versionId), listVersions(docId), marks]).then(
      ([json, versions, withMarks]) => {
        if (!live) return
        setSuggested(withMarks?.doc ? withMarks : null)
        setPlan(parsePlanJson(json).plan)
        setVersion(versions.find((v) => v.id === versionId) ?? null)
      },
      (err: unknown) => live && setError(errorMessage(err, '这个版本没有载入')),
    )
    return () => {
      live = false
    }
  }, [docId, versionId])
  const back = (): void => navigate({ page: 'editor', docId })
  return (
    <div className="editor-page version-page">
      <AppHeader user={session.user}>
        <DocTitle info={info} fallback="版本" extra={version ? `版本：${version.name}` : undefined} />
      </AppHeader>
      <div className="version-bar" role="note" data-testid="version-banner">
        <span>
          {version ? `正在查看版本“${version.name}”（${formatTime(version.createdAt)}，${version.createdBy.name}保存），只能阅读。` : '正在查看一个已保存的版本，只能阅读。'}
          {suggested && <span data-testid="version-suggestions-note">保存时未处理的修订按作者颜色显示：下划线为插入，删除线为删除。</span>}
        </span>
        <span className="version-bar-actions">
          <button className="button" onClick={back}>
            返回当前文档
          </button>
          {plan && version && <PrintButton look="button" />}
          {plan && version && <ExportButton look="button" target={{ docId, versionId }} subject={() => planExportSubject(plan, info?.title, version.name)} />}
          {canEdit(info?.role) && version && (
            <button className="button danger" onClick={() => setRestoring(true)} data-testid="restore-version">
              恢复此版本
            </button>
          )}
        </span>
      </div>
      {error ? (
        <div className="desk centered">
          <div className="paper placeholder">
            <p className="placeholder-text">{error}</p>
            <button className="button" onClick={back}>
              返回当前文档
            </button>
          </div>
        </div>
      ) : plan ? (
        <ReadOnlyPlan plan={plan} suggested={suggested} />
      ) : (
        <div className="desk centered">
          <div className="paper placeholder">
            <p className="placeholder-text">正在载入版本…</p>
          </div>
        </div>
      )}
      {restoring && version && (
        <RestoreDialog
          version={version}
          onClose={() => setRestoring(false)}
          onRestore={async () => {
            await restoreVersion(docId, version.id)
            notify(`已恢复为“${version.name}”`, 'success')
            back()
          }}
        />
      )}
    </div>
  )
}

/** Draws a version's open 修订 in their authors' colours, as the editor does (stamps from the version's review root). */
function versionMarks(stamps: VersionSuggestionsResponse['stamps']) {
  const byId = new Map(Object.entries(stamps))
  return Extension.create({ name: 'versionSuggestions', addProseMirrorPlugins: () => [suggestionDecorations(() => byId)] })
}

function ReadOnlyPlan({ plan, suggested }: { plan: Plan; suggested: VersionSuggestionsResponse | null }) {
  // No Collaboration here, so the text is given as content (the only editor in the app that does so): with
  // open 修订, the version's own text with its marks; otherwise its plan.
  const editor = useEditor(
    {
      extensions: [...planExtensions(), EmptyHints.configure({ derivedOnly: true }), ...(suggested ? [versionMarks(suggested.stamps)] : [])],
      content: suggested ? (suggested.doc as Record<string, unknown>) : planToPm(plan),
      editable: false,
      editorProps: { attributes: { class: 'plan-doc', 'data-testid': 'version-view' } },
    },
    [plan, suggested],
  )
  const overview = useOutline(editor)
  return (
    <>
      <div className="workspace">
        <Outline editor={editor} overview={overview} />
        <main className="desk">
          <article className="paper">
            <EditorContent editor={editor} />
          </article>
        </main>
      </div>
      <StatusBar overview={overview} />
    </>
  )
}
