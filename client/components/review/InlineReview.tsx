import type { ReviewFilter } from '../../review/reviewFilter.ts'
import { foldEntries, isFiltering, sectionVisible } from '../../review/reviewFilter.ts'
import type { ItemView, ReviewModel, SectionView } from '../../review/reviewModel.ts'
import { inlineParagraphs, sideParagraphs, textParagraphs } from '../../review/textParagraphs.ts'
import { AuthorsLine, KindChip } from './ChangeTag.tsx'
import { ItemChangeHead, SectionChangeHead } from './ItemChangeHead.tsx'
import { ItemSuggestions } from './ItemSuggestions.tsx'
import { MarkedLine, MarkedParagraphs } from './MarkedText.tsx'

/** 修订: the current text as a printed page with every change inline (insertions underlined in green, deletions struck in red). */
export function InlineReview({ model, filter }: { model: ReviewModel; filter: ReviewFilter }) {
  const filtering = isFiltering(filter)
  const sections = model.sections.filter((s) => sectionVisible(s, filter))
  return (
    <article className="paper review-paper" data-testid="review-inline">
      <div className="review-doc">
        {model.title.changed && (
          <div className="rv-head centered">
            <KindChip kind="reworded" label="标题修改" />
            <AuthorsLine authors={model.title.authors} />
          </div>
        )}
        <h1 className="rv-title">
          <MarkedLine paragraphs={textParagraphs(model.title.spans)} />
        </h1>
        {model.preamble.spans.length > 0 && (!filtering || model.preamble.changed) && (
          <div className={`rv-preamble${model.preamble.changed ? ' changed' : ''}`}>
            {model.preamble.changed && (
              <div className="rv-head">
                <KindChip kind="reworded" label="导语修改" />
                <AuthorsLine authors={model.preamble.authors} />
              </div>
            )}
            <MarkedParagraphs paragraphs={textParagraphs(model.preamble.spans)} />
          </div>
        )}
        {sections.map((s) => (
          <SectionBlock key={s.key} section={s} filter={filter} />
        ))}
        {filtering && sections.length === 0 && <p className="rv-empty">没有符合筛选条件的修改。</p>}
      </div>
    </article>
  )
}

function SectionBlock({ section, filter }: { section: SectionView; filter: ReviewFilter }) {
  const heading = (
    <div id={`rv-${section.key}`} className={`rv-heading-block${section.changed ? ' changed' : ''}`} data-kind={section.kind}>
      {section.changed && <SectionChangeHead section={section} />}
      <h2 className={section.level === 'section' ? 'rv-section-heading' : 'rv-subsection-heading'}>
        <span className="rv-num">{section.label}</span>
        <MarkedLine paragraphs={textParagraphs(section.diff.spans)} />
        {!section.changed && section.note && <span className="rv-renumbered">{section.note}</span>}
      </h2>
    </div>
  )
  return (
    <section className="rv-section">
      {heading}
      {foldEntries(section.items, filter).map((e) =>
        e.type === 'fold' ? (
          <div key={e.key} className="rv-fold">
            {e.label}
          </div>
        ) : (
          <ItemBlock key={e.item.key} item={e.item} />
        ),
      )}
      {section.subsections
        .filter((u) => sectionVisible(u, filter))
        .map((u) => (
          <SectionBlock key={u.key} section={u} filter={filter} />
        ))}
    </section>
  )
}

/** The paragraphs an entry shows inline: a whole item added or removed on its own side, anything else with both sides merged. */
function itemParagraphs(item: ItemView) {
  const d = item.diff
  if (item.kind === 'removed') return sideParagraphs(d.old, d.spans, 'old')
  if (item.kind === 'added') return sideParagraphs(d.new, d.spans, 'new')
  if (item.kind === 'unchanged') return sideParagraphs(d.new, d.spans, 'new', false)
  return inlineParagraphs(d.old, d.new, d.spans)
}

function ItemBlock({ item }: { item: ItemView }) {
  return (
    <div id={`rv-${item.key}`} className={`rv-item${item.changed ? ' changed' : ''}`} data-kind={item.kind} data-testid={item.changed ? 'review-change' : undefined}>
      {item.changed && <ItemChangeHead item={item} />}
      <MarkedParagraphs paragraphs={itemParagraphs(item)} />
      <ItemSuggestions item={item} />
    </div>
  )
}
