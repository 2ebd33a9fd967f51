import type { Paragraph, Segment } from '../../review/textParagraphs.ts'

/** One run of text: inserted text in <ins>, deleted in <del>, lead sentences bold. */
export function MarkedSegment({ segment }: { segment: Segment }) {
  const className = segment.lead ? 'rv-lead' : undefined
  if (segment.op === 'insert') return <ins className={className}>{segment.text}</ins>
  if (segment.op === 'delete') return <del className={className}>{segment.text}</del>
  return className ? <span className={className}>{segment.text}</span> : <>{segment.text}</>
}

/** Paragraphs with their changes marked; an item's number leads the paragraph where the item starts. */
export function MarkedParagraphs({ paragraphs, className }: { paragraphs: Paragraph[]; className?: string }) {
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className={className}>
          {p.label && <span className="rv-num">{p.label}</span>}
          {p.segments.map((s, j) => (
            <MarkedSegment key={j} segment={s} />
          ))}
        </p>
      ))}
    </>
  )
}

/** Paragraph segments on one line (a heading or a title). */
export function MarkedLine({ paragraphs }: { paragraphs: Paragraph[] }) {
  return <>{paragraphs.flatMap((p, i) => p.segments.map((s, j) => <MarkedSegment key={`${i}-${j}`} segment={s} />))}</>
}
