const PATHS = {
  addItem: 'M4 6h10M4 10h10M4 14h6M15 13v6M12 16h6',
  addSection: 'M4 5h12M4 9h8M4 13h8M15 12v6M12 15h6',
  up: 'M10 15V5M5 10l5-5 5 5',
  down: 'M10 5v10M5 10l5 5 5-5',
  move: 'M3 10h14M13 6l4 4-4 4M6 4v12',
  split: 'M4 5h12M4 9h12M4 12.5h2M8 12.5h2M12 12.5h2M4 16h12',
  merge: 'M4 5h12M4 8h12M10 10v5M7 13l3 3 3-3',
  trash: 'M5 6h10M8 6V4h4v2M6 6l1 11h6l1-11',
  undo: 'M7 5L3 9l4 4M3 9h9a5 5 0 010 10h-2',
  redo: 'M13 5l4 4-4 4M17 9H8a5 5 0 000 10h2',
  panel: 'M3 4h14v12H3zM12 4v12',
  outline: 'M3 4h14v12H3zM8 4v12',
  back: 'M12 4l-6 6 6 6',
  download: 'M10 3v10M6 9l4 4 4-4M4 16h12',
  compare: 'M3 4h6v12H3zM11 4h6v12h-6zM5 8h2M5 11h2M13 8h2M13 11h2',
  refresh: 'M16 10a6 6 0 11-1.8-4.3M16 3v4h-4',
  more: 'M4 10h.01M10 10h.01M16 10h.01',
  search: 'M9 15a6 6 0 100-12 6 6 0 000 12zM13.5 13.5L17 17',
  print: 'M6 8V3h8v5M6 14H4V8h12v6h-2M6 12h8v5H6z',
  comment: 'M4 4h12v9H9l-4 3v-3H4zM7 8h6M7 11h4',
} as const

/** The name of a toolbar icon. */
export type IconName = keyof typeof PATHS

/** A small line icon drawn in the current text colour. */
export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  )
}
