import type { Present } from '../hooks/usePresence.ts'
import { Avatar } from './Avatar.tsx'

const SHOWN = 5

/** Who is here: overlapping avatars in each person's caret colour, with a count. */
export function PresenceList({ people }: { people: Present[] }) {
  if (!people.length) return null
  const names = people.map((p) => (p.self ? `${p.name}（我）` : p.name)).join('、')
  return (
    <div className="presence" aria-label={`正在编辑：${names}`} title={`正在编辑：${names}`} data-testid="presence">
      <div className="presence-avatars">
        {people.slice(0, SHOWN).map((p) => (
          <Avatar key={p.key} name={p.name} color={p.color} size={28} title={p.self ? `${p.name}（我）` : p.name} />
        ))}
        {people.length > SHOWN && <span className="avatar more">+{people.length - SHOWN}</span>}
      </div>
      <span className="presence-count">{people.length} 人在线</span>
    </div>
  )
}
