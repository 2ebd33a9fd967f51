import type { ItemChangeKind, ItemDiff, ItemRef, SectionChangeKind } from './types.ts'

/** Chinese names of the item change kinds, as reviewers say them. */
export const ITEM_KIND_LABELS: Record<ItemChangeKind, string> = {
  unchanged: '未修改',
  reworded: '修改',
  moved: '移动',
  merged: '合并',
  split: '拆分',
  added: '新增',
  removed: '删除',
}

/** Chinese names of the section change kinds. */
export const SECTION_KIND_LABELS: Record<SectionChangeKind, string> = {
  unchanged: '未修改',
  renamed: '标题修改',
  added: '新增',
  removed: '删除',
}

/** The numbers of items as printed, joined: 第6、7条. */
export function itemNumbers(refs: ItemRef[]): string {
  return refs.length ? `第${refs.map((r) => r.number).join('、')}条` : ''
}

/**
 * What happened to an entry, in one Chinese sentence for a 修改说明 column or a tooltip:
 * “由原第6、7条合并；修改文字”, “由第五部分移至第一部分”, “指标：公办幼儿园覆盖率 60% → 65%（提高）”.
 */
export function describeChange(d: ItemDiff): string {
  const parts: string[] = []
  const o = d.old[0]
  const n = d.new[0]
  switch (d.kind) {
    case 'added':
      parts.push(`新增${itemNumbers(d.new)}`)
      break
    case 'removed':
      parts.push(`删除原${itemNumbers(d.old)}`)
      break
    case 'merged':
      parts.push(`原${itemNumbers(d.old)}合并为${itemNumbers(d.new)}`)
      break
    case 'split':
      parts.push(`原${itemNumbers(d.old)}拆分为${itemNumbers(d.new)}`)
      break
    case 'unchanged':
      parts.push(o.number === n.number ? '未修改' : `未修改（原${itemNumbers(d.old)}）`)
      break
    default:
      if (!d.moved) parts.push(o.number === n.number ? '修改文字' : `修改文字（原${itemNumbers(d.old)}）`)
  }
  if (d.moved && o && n) {
    parts.push(d.movedSection ? `由${sectionName(o)}移至${sectionName(n)}` : `调整顺序（原${itemNumbers(d.old)}，现${itemNumbers(d.new)}）`)
    if (d.kind === 'moved' && d.reworded) parts.push('修改文字')
  }
  if (d.targets.length) parts.push(`指标：${d.targets.map((t) => t.description).join('；')}`)
  return parts.join('；')
}

/** 第五部分“坚持五育并举，建构全面育人体系”, with the sub-section when there is one. */
function sectionName(r: ItemRef): string {
  const sub = r.subsection ? `${r.subsection.label}${r.subsection.heading}` : ''
  return `第${r.section.label.replace('、', '')}部分“${r.section.heading}”${sub ? `${sub}` : ''}`
}
