import { useLayoutEffect, useRef, useState } from 'react'

// Room kept for the 更多 button itself and the toolbar's padding.
const MORE_WIDTH = 84

/**
 * How many of a toolbar's groups fit on its line, the rest going into a 更多 menu. Each group's width
 * is measured while it is on the bar and remembered, so a group inside the menu still counts at its
 * real width when the window grows again. Groups carry data-group="<index>".
 */
export function useToolbarOverflow(count: number) {
  const bar = useRef<HTMLDivElement>(null)
  const right = useRef<HTMLDivElement>(null)
  const widths = useRef<number[]>([])
  const [shown, setShown] = useState(count)
  useLayoutEffect(() => {
    const el = bar.current
    if (!el) return
    const fit = (): void => {
      el.querySelectorAll<HTMLElement>(':scope > [data-group]').forEach((g) => {
        widths.current[Number(g.dataset.group)] = g.offsetWidth
      })
      const room = el.clientWidth - (right.current?.offsetWidth ?? 0) - 24
      const total = widths.current.slice(0, count).reduce((a, b) => a + b, 0)
      if (total <= room) return setShown(count)
      let used = MORE_WIDTH
      let n = 0
      while (n < count && used + (widths.current[n] ?? 0) <= room) used += widths.current[n++] ?? 0
      setShown(n)
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    return () => observer.disconnect()
  }, [count])
  return { bar, right, shown }
}
