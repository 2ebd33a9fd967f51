import { itemNumbers } from '../diff/describeChange.ts'
import type { ItemDiff, ItemRef, SectionDiff, SectionRef } from '../diff/types.ts'

/** 原第五部分, 原第五部分（二）: where an item sat in the old text. */
function oldPlace(r: ItemRef): string {
  return `原第${r.section.label.replace('、', '')}部分${r.subsection ? r.subsection.label : ''}`
}

/**
 * The short label next to an entry's kind, naming old numbers as printed in the old text:
 * 原第6、7条合并, 原第12条拆分为第12、13条, 原第13条，由原第五部分移入, 删除原第1条, 原第3条.
 * Empty for an unchanged item that kept its number.
 */
export function entryNote(d: ItemDiff): string {
  const o = d.old[0]
  const n = d.new[0]
  const moved = d.moved && o && n ? (d.movedSection ? `由${oldPlace(o)}移入` : '调整顺序') : ''
  const join = (...parts: string[]): string => parts.filter(Boolean).join('，')
  switch (d.kind) {
    case 'added':
      return '新增条目'
    case 'removed':
      return `删除原${itemNumbers(d.old)}`
    case 'merged':
      return join(`原${itemNumbers(d.old)}合并`, moved)
    case 'split':
      return join(`原${itemNumbers(d.old)}拆分为${itemNumbers(d.new)}`, moved)
    case 'moved':
      return join(`原${itemNumbers(d.old)}`, moved, d.reworded ? '并修改文字' : '')
    default:
      return o && n && o.number !== n.number ? `原${itemNumbers(d.old)}` : ''
  }
}

/** 原第八部分 or 原（二）: a section's old place. */
function oldSectionName(r: SectionRef, level: SectionDiff['level']): string {
  return level === 'section' ? `原第${r.label.replace('、', '')}部分` : `原${r.label}`
}

/** The chip of a section change: 标题修改, 新增部分, 删除部分, 顺序调整 (小节 for a sub-section); empty when nothing changed. */
export function sectionChip(s: SectionDiff): string {
  const noun = s.level === 'section' ? '部分' : '小节'
  if (s.kind === 'added') return `新增${noun}`
  if (s.kind === 'removed') return `删除${noun}`
  if (s.kind === 'renamed') return '标题修改'
  return s.moved ? '顺序调整' : ''
}

/**
 * Where a kept section sat in the old text when its number changed or it moved: 原第八部分, 原（二）.
 * Empty for added and removed sections and for sections that kept their place.
 */
export function sectionNote(s: SectionDiff): string {
  if (!s.old || !s.new) return ''
  return s.old.number !== s.new.number || s.moved ? oldSectionName(s.old, s.level) : ''
}

/**
 * A section change in one sentence, for the 修改说明 column: 部分标题修改（原第八部分，现第七部分）,
 * 小节标题修改（原（二），现（三））, 新增部分, 删除小节, 顺序调整（原第五部分，现第四部分）. Empty when unchanged.
 */
export function sectionDescription(s: SectionDiff): string {
  const noun = s.level === 'section' ? '部分' : '小节'
  if (s.kind === 'added') return `新增${noun}`
  if (s.kind === 'removed') return `删除${noun}`
  if (!s.old || !s.new || (s.kind === 'unchanged' && !s.moved)) return ''
  const places = `（${oldSectionName(s.old, s.level)}，${oldSectionName(s.new, s.level).replace(/^原/, '现')}）`
  return s.kind === 'renamed' ? `${noun}标题修改${places}` : `顺序调整${places}`
}
