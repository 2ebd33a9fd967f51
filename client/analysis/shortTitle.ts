/** An item's lead sentence cut to fit a label: final 。 dropped, an ellipsis past `max` characters. */
export function shortTitle(title: string, max = 10): string {
  const t = title.trim().replace(/[。；！？]$/, '')
  if (!t) return '（未填写）'
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}
