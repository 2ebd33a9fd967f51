import { useMemo, useState } from 'react'
import type { ReviewSuggestion } from '../../shared/api/review.ts'
import { canEdit } from '../../shared/api/types.ts'
import type { ItemChangeKind } from '../../shared/diff/types.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { downloadReviewTable } from '../api/review.ts'
import type { Session } from '../api/session.ts'
import { AppHeader } from '../components/AppHeader.tsx'
import { DocTitle } from '../components/DocTitle.tsx'
import { formatTime } from '../components/labels.ts'
import { ChangeList } from '../components/review/ChangeList.tsx'
import { InlineReview } from '../components/review/InlineReview.tsx'
import { ItemSuggestionsContext } from '../components/review/ItemSuggestions.tsx'
import { ReviewSide } from '../components/review/ReviewSide.tsx'
import { ReviewSummary } from '../components/review/ReviewSummary.tsx'
import { ReviewToolbar } from '../components/review/ReviewToolbar.tsx'
import { SideBySideReview } from '../components/review/SideBySideReview.tsx'
import { useReview, type LoadedReview } from '../hooks/useReview.ts'
import { useReviewSources } from '../hooks/useReviewSources.ts'
import { baseOptions, defaultBase, requestBase } from '../review/baseOptions.ts'
import { formatReviewQuery, parseReviewQuery, type ReviewQuery } from '../review/reviewQuery.ts'
import { DEFAULT_SIDE_FILTER, entriesById, entryOf, suggestionVisible, type SideFilter } from '../review/reviewSide.ts'
import { visitBefore } from '../review/visitMemory.ts'
import { navigate } from '../router/navigate.ts'
import { notify } from '../state/notices.ts'
import '../styles/review.css'

/** How the side-by-side view captions the old text: 上年计划《…》, 版本“征求意见稿”（…保存）, 上次访问（今天 09:12）. */
function oldCaption(review: LoadedReview, visitAt: string | undefined): string {
  const base = review.response.base
  if (base.kind === 'version') return `${base.label}${base.at ? `（${formatTime(base.at)}${base.by ? `，${base.by}保存` : ''}）` : ''}`
  if (base.kind === 'visit') {
    const at = base.at ?? visitAt
    return at ? `上次访问时（${formatTime(at)}）` : '上次访问时'
  }
  return base.label
}

/**
 * 审阅修改: the current text against a base (the prior-year plan, a named version, or the user's
 * last visit), inline or side by side, with a summary, a change list, who changed what (version and
 * visit bases) and the 修改对照表 download. Beside the diff, the 修订 (open, and decided since the base)
 * and 批注, under one filter bar; each entry shows its own 修订 and 采纳情况. Opening it records no visit.
 */
export function ReviewPage({ docId, session }: { docId: string; session: Session }) {
  const { info, bases, error: sourceError } = useReviewSources(docId)
  const [query, setQuery] = useState<ReviewQuery>(() => parseReviewQuery(location.search))
  const [kind, setKind] = useState<ItemChangeKind | null>(null)
  const [exporting, setExporting] = useState(false)
  const [generation, setGeneration] = useState(0)
  const visit = useMemo(() => {
    const remembered = visitBefore(session.user.id, docId)
    return remembered !== undefined ? remembered : (bases?.visit ?? null)
  }, [session.user.id, docId, bases])
  const options = useMemo(() => (bases ? baseOptions(bases, visit) : []), [bases, visit])
  // With nothing to compare with, say so instead of asking for a base the server must refuse.
  const nothing = options.length > 0 && options.every((o) => o.disabled) && !query.base
  const baseValue = query.base ?? (options.length ? defaultBase(options) : undefined)
  const param = bases && baseValue && !nothing ? requestBase(baseValue, visit) : null
  const { review, error, loading } = useReview(docId, param, generation)
  const [sideFilter, setSideFilter] = useState<SideFilter>(DEFAULT_SIDE_FILTER)
  const entries = useMemo(() => entriesById(review?.model.items ?? []), [review])
  const byEntry = useMemo(() => {
    const out = new Map<string, ReviewSuggestion[]>()
    for (const s of review?.response.suggestions ?? []) {
      const entry = suggestionVisible(s, sideFilter) ? entryOf(s, entries) : undefined
      if (entry) out.set(entry.key, [...(out.get(entry.key) ?? []), s])
    }
    return out
  }, [review, entries, sideFilter])

  const update = (change: Partial<ReviewQuery>): void => {
    const next = { ...query, ...change }
    setQuery(next)
    history.replaceState(null, '', location.pathname + formatReviewQuery(next))
  }
  const back = (): void => navigate({ page: 'editor', docId })
  const exportTable = async (): Promise<void> => {
    if (!param) return
    setExporting(true)
    try {
      await downloadReviewTable(docId, param)
      notify('修改对照表已生成，正在下载', 'success')
    } catch (err) {
      notify(errorMessage(err, '修改对照表没有生成，请稍后重试'), 'error')
    } finally {
      setExporting(false)
    }
  }

  const problem = sourceError ?? error
  const filter = { only: query.only, kind }
  return (
    <div className="editor-page review-page">
      <AppHeader user={session.user}>
        <DocTitle info={info} fallback="审阅修改" extra="审阅修改" />
      </AppHeader>
      <ReviewToolbar
        options={options}
        base={baseValue}
        onBase={(value) => {
          setKind(null)
          update({ base: value })
        }}
        view={query.view}
        onView={(view) => update({ view })}
        only={query.only}
        onOnly={(only) => update({ only })}
        exporting={exporting}
        canExport={!!review}
        onExport={() => void exportTable()}
        onRefresh={() => setGeneration((g) => g + 1)}
        refreshing={loading}
        onBack={back}
        backLabel={info && !canEdit(info.role) ? '返回文档' : '返回编辑'}
      />
      {review && <ReviewSummary model={review.model} kind={kind} onKind={setKind} />}
      <div className="workspace review-workspace with-comments">
        {review ? <ChangeList model={review.model} /> : <nav className="outline change-list" aria-label="修改一览" />}
        <ItemSuggestionsContext.Provider value={byEntry}>
          <main className="desk review-desk" data-view={query.view}>
            {problem ? (
              <Placeholder>
                <p className="placeholder-text" data-testid="review-error">
                  {problem}
                </p>
                {!sourceError && <p className="placeholder-hint">可以在上方“对照基准”中换一个：上年计划、已保存的版本或上次访问。</p>}
              </Placeholder>
            ) : nothing ? (
              <Placeholder>
                <p className="placeholder-text" data-testid="review-nothing">
                  这份文档还没有可以对照的文本：没有关联上年计划，没有保存过版本，也没有您上次访问的记录。
                </p>
                <p className="placeholder-hint">在编辑页的“侧栏 → 版本”中保存一个版本（如“征求意见稿”）后，就能查看此后的修改。</p>
              </Placeholder>
            ) : review ? (
              <>
                {review.model.timedOut && <p className="review-note">部分条目文字改动很多，已整段显示为删除和新增。</p>}
                {query.view === 'side' ? (
                  <SideBySideReview model={review.model} filter={filter} oldCaption={oldCaption(review, visit?.at)} newCaption="当前文本" />
                ) : (
                  <InlineReview model={review.model} filter={filter} />
                )}
              </>
            ) : (
              <Placeholder>
                <p className="placeholder-text">{loading || !bases ? '正在比较两份文本…' : '请选择对照基准。'}</p>
              </Placeholder>
            )}
          </main>
        </ItemSuggestionsContext.Provider>
        <ReviewSide
          docId={docId}
          suggestions={review?.response.suggestions}
          entries={entries}
          filter={sideFilter}
          onFilter={setSideFilter}
          onJump={(key) => document.getElementById(`rv-${key}`)?.scrollIntoView({ block: 'center' })}
        />
      </div>
    </div>
  )
}

function Placeholder({ children }: { children: React.ReactNode }) {
  return <div className="paper placeholder review-placeholder">{children}</div>
}
