import type { CoverageReport } from '../../shared/align/coverage.ts'
import type { ConfirmedLink } from '../analysis/alignmentView.ts'
import { uncoveredTaskGroups } from '../analysis/coverageGroups.ts'
import { LinkByline } from './LinkByline.tsx'
import { VERDICT_LABEL } from '../../shared/align/taskVerdict.ts'

/**
 * What the draft leaves out: municipal items nothing carries out, their tasks sentence by sentence,
 * district items with no link that are not marked local, and confirmed links to check again.
 */
export function CoverageLists({
  report,
  municipal,
  confirmed,
  onOpenDistrict,
  onMarkLocal,
}: {
  report: CoverageReport
  municipal: { id: string; number: number; title: string }[]
  /** Accepted links and local marks, with who decided them and when. */
  confirmed: ConfirmedLink[]
  onOpenDistrict: (id: string) => void
  onMarkLocal: ((id: string) => void) | null
}) {
  const groups = uncoveredTaskGroups(report, municipal)
  const uncoveredIds = new Set(report.uncovered.map((u) => u.id))
  return (
    <div className="coverage-lists">
      <section data-testid="uncovered-items">
        <h4>
          未覆盖的市级条目 <span className="count">{report.uncovered.length}</span>
        </h4>
        {report.uncovered.length === 0 ? (
          <p className="muted">每一条市级要点都有区级条目对应。</p>
        ) : (
          <ul className="plain-list">
            {report.uncovered.map((u) => (
              <li key={u.id} className="uncovered-item">
                <span className="num-tag red">市{u.number}</span> {u.title}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section data-testid="unlinked-items">
        <h4>
          无对应的区级条目 <span className="count">{report.unlinked.length}</span>
        </h4>
        {report.unlinked.length === 0 ? (
          <p className="muted">每一条都有市级对应或已标为本区特色。</p>
        ) : (
          <ul className="plain-list">
            {report.unlinked.map((d) => (
              <li key={d.id} className="unlinked-item">
                <button className="link-button" onClick={() => onOpenDistrict(d.id)}>
                  <span className="num-tag">{d.number}</span> {d.title || '（未填写）'}
                </button>
                {onMarkLocal && (
                  <button className="link-button small" onClick={() => onMarkLocal(d.id)} title="本区自主安排、不要求市级对应">
                    标为本区特色
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {report.suspect.length > 0 && (
        <section data-testid="suspect-links">
          <h4>
            需要重新确认的对应 <span className="count">{report.suspect.length}</span>
          </h4>
          <ul className="plain-list">
            {report.suspect.map((s) => (
              <li key={s.key} className="suspect-item">
                <button className="link-button" onClick={() => onOpenDistrict(s.districtItemId)} disabled={s.district === undefined}>
                  {s.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section data-testid="confirmed-list">
        <h4>
          已确认的对应 <span className="count">{confirmed.length}</span>
        </h4>
        {confirmed.length === 0 ? (
          <p className="muted">还没有人确认过对应关系。在“对标”中采纳建议或标为本区特色后，会列在这里。</p>
        ) : (
          <ul className="plain-list confirmed-list">
            {confirmed.map((c) => (
              <li key={c.link.key}>
                <button className="link-button" onClick={() => onOpenDistrict(c.link.districtItemId)} title={`${c.districtTitle}${c.municipalTitle ? ` → ${c.municipalTitle}` : ''}`}>
                  <span className="num-tag">{c.district}</span>
                  <span className="confirmed-arrow">→</span>
                  {c.municipal !== undefined ? <span className="num-tag blue">市{c.municipal}</span> : <span className="num-tag purple">本区特色</span>}
                </button>
                <LinkByline link={c.link} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section data-testid="uncovered-tasks">
        <h4>
          尚未落实的市级任务 <span className="count">{groups.reduce((n, g) => n + g.uncovered.length, 0)}</span>
        </h4>
        {groups.length === 0 && <p className="muted">市级要点的每一项任务都有区级条目落实。</p>}
        {groups.map((g) => (
          <div key={g.municipalId} className="task-group">
            <div className="task-group-head">
              <span className={`num-tag${uncoveredIds.has(g.municipalId) ? ' red' : ''}`}>市{g.number}</span>
              <span className="task-group-title">{g.title}</span>
              <span className="task-group-count">
                {g.uncovered.length}/{g.total}
              </span>
            </div>
            <ol className="task-list">
              {g.uncovered.map((t, i) => (
                <li key={i} className={`task-${t.verdict}`}>
                  <span className={`verdict-tag ${t.verdict}`}>{VERDICT_LABEL[t.verdict]}</span> {t.text}
                  {t.verdict === 'partial' && t.evidence && (
                    <button className="link-button evidence" onClick={() => onOpenDistrict(t.evidence!.districtId)} title="区级条目中最接近的一句">
                      区{t.evidence.district}：{t.evidence.sentence}
                      {t.evidence.weaker ? `（${t.evidence.weaker}）` : ''}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
    </div>
  )
}
