/** A collaborator's caret: a thin line in their colour with their name above it. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#888888'
  const name = typeof user.name === 'string' ? user.name : '协作者'
  const caret = document.createElement('span')
  caret.className = 'collab-caret'
  caret.style.borderColor = color
  caret.setAttribute('data-user', name)
  const label = document.createElement('span')
  label.className = 'collab-caret-label'
  label.style.backgroundColor = color
  label.textContent = name
  caret.append(label)
  return caret
}

/** A collaborator's selection, tinted with their colour. */
export function renderSelection(user: Record<string, unknown>): { nodeName: string; class: string; style: string } {
  const color = typeof user.color === 'string' ? user.color : '#888888'
  return { nodeName: 'span', class: 'collab-selection', style: `background-color: ${color}33` }
}
