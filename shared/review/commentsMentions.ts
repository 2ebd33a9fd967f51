/** Someone who can be mentioned: an account id and the display name written after @. */
export interface Mentionable {
  id: string
  name: string
}

/**
 * The accounts a text names with @显示名 (or the full-width ＠): after each @ the longest display
 * name that follows it, so that 李娜 and 李娜娜 are told apart. Unknown names are ignored.
 */
export function mentionedIn(text: string, people: readonly Mentionable[]): string[] {
  const byLength = people.filter((p) => p.name.length > 0).sort((a, b) => b.name.length - a.name.length)
  const ids: string[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '@' && text[i] !== '＠') continue
    const person = byLength.find((p) => text.startsWith(p.name, i + 1))
    if (person && !ids.includes(person.id)) ids.push(person.id)
  }
  return ids
}
