/** The stable `id` attribute shared by sections, sub-sections and items, kept in data-id. */
export function idAttribute() {
  return {
    id: {
      default: null as string | null,
      // Splitting must not copy an id: the ItemIds extension gives the new node its own.
      keepOnSplit: false,
      parseHTML: (el: HTMLElement) => el.getAttribute('data-id'),
      renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { 'data-id': attrs.id } : {}),
    },
  }
}
