// “双减”, "双减", 「双减」 and 《…》 titles; short quotes only, since long ones are slogans, not terms.
const QUOTED = /[“"「]([^“”"「」]{2,16})[”"」]/g
const BOOK = /《([^《》]{2,60})》/g

/** Terms a text marks itself: quoted terms (“双减”) and document titles in 《》, as printed. */
export function quotedTerms(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(QUOTED)) out.push(`“${m[1]}”`)
  for (const m of text.matchAll(BOOK)) out.push(`《${m[1]}》`)
  return out
}
