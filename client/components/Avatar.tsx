const HAN = /[\u3400-\u9fff]/

/** Endings of titles used as names (管理员, 王老师, 李科长): such a name shows its first character. */
const TITLE_END = /[员长者师]$/

/** What an avatar shows: a Chinese given name (the last two characters of a longer name), a title's first character, or a Latin initial. */
export function avatarText(name: string): string {
  const chars = Array.from(name.trim())
  if (!chars.length) return '?'
  if (!HAN.test(chars[0])) return chars[0].toUpperCase()
  if (chars.length > 2 && TITLE_END.test(name.trim())) return chars[0]
  return chars.length > 2 ? chars.slice(-2).join('') : chars.join('')
}

/** A round badge with a person's name in their colour (the same colour as their caret). */
export function Avatar({ name, color, size = 28, title }: { name: string; color: string; size?: number; title?: string }) {
  const text = avatarText(name)
  return (
    <span className="avatar" title={title ?? name} style={{ backgroundColor: color, width: size, height: size, fontSize: text.length > 1 ? size * 0.4 : size * 0.5 }}>
      {text}
    </span>
  )
}
