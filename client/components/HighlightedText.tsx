import { highlightSegments } from '../analysis/highlightSegments.ts'

/** A text with the shared terms marked, paragraph by paragraph. */
export function HighlightedText({ text, terms, className }: { text: string; terms: string[]; className?: string }) {
  return (
    <div className={`highlighted-text${className ? ` ${className}` : ''}`}>
      {text.split('\n').map((para, i) => (
        <p key={i}>{highlightSegments(para, terms).map((s, j) => (s.hit ? <mark key={j}>{s.text}</mark> : <span key={j}>{s.text}</span>))}</p>
      ))}
    </div>
  )
}
