import type { NodeType, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { META_MAP, PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'

/** y-tiptap stores overlapping marks of one type under `name--<hash>`. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/

interface NodeRules {
  children: Set<string>
  text: boolean
  attrs: Set<string>
}

const rulesCache = new WeakMap<Schema, Map<string, NodeRules>>()

/** Which children, text and attributes each node type of the schema may hold. */
function rulesOf(schema: Schema): Map<string, NodeRules> {
  let rules = rulesCache.get(schema)
  if (rules) return rules
  rules = new Map()
  for (const type of Object.values(schema.nodes)) {
    const children = reachableTypes(type)
    rules.set(type.name, { children, text: children.has('text'), attrs: new Set(Object.keys(type.spec.attrs ?? {})) })
  }
  rulesCache.set(schema, rules)
  return rules
}

function reachableTypes(type: NodeType): Set<string> {
  const out = new Set<string>()
  const seen = new Set<unknown>()
  const stack = [type.contentMatch]
  while (stack.length) {
    const match = stack.pop()
    if (!match || seen.has(match)) continue
    seen.add(match)
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i)
      out.add(edge.type.name)
      stack.push(edge.next)
    }
  }
  return out
}

/**
 * Checks the structs a transaction added (clock ranges between `before` and `after`) against the
 * plan schema: every element has a known node name in a parent that may hold it, text sits only in
 * text blocks, attributes and marks are the schema's, and the meta map holds plain values. Returns
 * why the structs do not fit, or null. Structs under other root types are not checked.
 */
export function schemaViolation(doc: Y.Doc, before: Map<number, number>, after: Map<number, number>, schema = planSchema()): string | null {
  const rules = rulesOf(schema)
  const plan = doc.getXmlFragment(PLAN_FIELD)
  const meta = doc.getMap(META_MAP)
  for (const [client, end] of after) {
    const start = before.get(client) ?? 0
    if (end <= start) continue
    const structs = doc.store.clients.get(client) ?? []
    for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
      const struct = structs[i]
      if (struct.id.clock >= end) break
      if (!(struct instanceof Y.Item)) continue
      const problem = checkItem(struct, plan, meta, rules, schema)
      if (problem) return problem
    }
  }
  return null
}

function checkItem(item: Y.Item, plan: Y.XmlFragment, meta: Y.Map<unknown>, rules: Map<string, NodeRules>, schema: Schema): string | null {
  const parent = item.parent
  if (!(parent instanceof Y.AbstractType)) return 'item without a parent type'
  const root = rootOf(parent)
  if (root !== plan && root !== meta) return null
  const content = item.content
  if (content instanceof Y.ContentDeleted) return null
  if (parent === meta) {
    if (item.parentSub === null) return 'list content in the meta map'
    return plainValue(content) ? null : 'meta value is not a plain value'
  }
  if (parent instanceof Y.XmlText) {
    if (item.parentSub !== null) return 'attribute on a text'
    if (content instanceof Y.ContentString) return null
    if (content instanceof Y.ContentFormat) {
      const name = HASHED_MARK.exec(content.key)?.[1] ?? content.key
      if (!schema.marks[name]) return `unknown mark ${name}`
      const v: unknown = content.value
      return v === null || typeof v === 'object' || typeof v === 'boolean' ? null : 'bad mark value'
    }
    return 'non-text content in a text'
  }
  if (parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) {
    const nodeName = parent instanceof Y.XmlElement ? parent.nodeName : schema.topNodeType.name
    const rule = rules.get(nodeName)
    if (!rule) return `unknown node ${nodeName}`
    if (item.parentSub !== null) {
      if (!(parent instanceof Y.XmlElement) || !rule.attrs.has(item.parentSub)) return `unknown attribute ${item.parentSub} on ${nodeName}`
      return plainValue(content) ? null : 'attribute value is not a plain value'
    }
    if (!(content instanceof Y.ContentType)) return `non-node content in ${nodeName}`
    const child = content.type
    if (child instanceof Y.XmlText) return rule.text ? null : `text in ${nodeName}`
    if (child instanceof Y.XmlElement && !(child instanceof Y.XmlHook)) {
      return rule.children.has(child.nodeName) ? null : `${child.nodeName} inside ${nodeName}`
    }
    return `foreign type inside ${nodeName}`
  }
  return 'content in a foreign type'
}

function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let t = type
  while (t._item && t._item.parent instanceof Y.AbstractType) t = t._item.parent
  return t
}

function plainValue(content: Y.Item['content']): boolean {
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return false
  const v: unknown = content.arr[0]
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
}
