/** What a structural suggestion proposes for an item or section: adding it, deleting it, or moving it here. */
export type StructuralKind = 'insert' | 'delete' | 'move'

/** The form of a `suggestion` attribute value: `<kind>:<suggestion id>`, a plain string so Yjs and the server check keep it flat. */
export const SUGGESTION_ATTR = /^(insert|delete|move):([A-Za-z0-9_-]{1,64})$/

/** A parsed structural suggestion, or null for a value that is not one. */
export function parseSuggestionAttr(value: unknown): { kind: StructuralKind; id: string } | null {
  if (typeof value !== 'string') return null
  const m = SUGGESTION_ATTR.exec(value)
  return m ? { kind: m[1] as StructuralKind, id: m[2] } : null
}

/** The optional `suggestion` attribute of items, sections and sub-sections (structural 修订), kept in data-suggestion. */
export function suggestionAttribute() {
  return {
    suggestion: {
      default: null as string | null,
      // A node split off a suggested item is new text of its own, not part of that suggestion.
      keepOnSplit: false,
      parseHTML: (el: HTMLElement) => el.getAttribute('data-suggestion'),
      renderHTML: (attrs: Record<string, unknown>) => (attrs.suggestion ? { 'data-suggestion': attrs.suggestion } : {}),
    },
  }
}
