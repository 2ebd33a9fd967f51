import type { NodeType, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'
import { parseSuggestionAttr } from '../../shared/editor/nodes/suggestionAttribute.ts'
import { DEFAULT_PLAN_LIMITS, type PlanLimits } from '../../shared/plan/limits.ts'
import { originProblem } from './originCheck.ts'
import { breakdownValueProblem, linkValueProblem, REVIEW_WRITE, rootRule, type RootRule } from './rootRules.ts'
import { ItemLengths, textLimitViolation } from './textLimits.ts'

/** Any Yjs shared type, by the fields the walk reads (AbstractType<T> is invariant in T). */
export interface YType {
  _start: Y.Item | null
  _item: Y.Item | null
}

/** y-tiptap stores overlapping marks of one type under `name--<hash>`. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/

/** The form of a comment or suggestion id in a mark. */
const REVIEW_ID = /^[A-Za-z0-9_-]{1,64}$/

/** Why an update was refused: `size` when it broke a limit (close 4413), `schema` otherwise (close 4400). */
export interface Violation {
  kind: 'schema' | 'size'
  reason: string
}

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
 * The check every update passes on the server's shadow copy before anyone else sees it. For the
 * structs a transaction added it checks nesting (known node names in parents that may hold them,
 * text only in text blocks, the schema's attributes and marks, plain values in the meta map, nothing
 * under root types the plan does not use); for every element whose children changed it checks the
 * schema's content expression (order and counts: one plan title, a lead sentence first in every
 * item …); and it keeps the plan within its size limits (text per block, items, sections, total).
 * It keeps a running character count, so call reset() whenever the document is rebuilt.
 */
export class UpdateCheck {
  private totalChars = 0
  private readonly itemLengths = new ItemLengths()
  private readonly rules: Map<string, NodeRules>
  /** The plan fragment of the document last reset() on: looked up once, not per update. */
  private plan: Y.XmlFragment | null = null
  /** Emptied and refilled by every check (two collections fewer to allocate and collect per keystroke). */
  private readonly touched = new Set<Y.XmlElement | Y.XmlFragment>()
  /** Each changed text with the characters added to it; emptied and refilled by every check. */
  private readonly texts = new Map<Y.XmlText, number>()

  constructor(
    private readonly limits: PlanLimits = DEFAULT_PLAN_LIMITS,
    private readonly schema: Schema = planSchema(),
  ) {
    this.rules = rulesOf(schema)
  }

  /** Counts the document's text from scratch (after loading it or throwing away a refused update). */
  reset(doc: Y.Doc): void {
    const plan = doc.getXmlFragment(PLAN_FIELD)
    this.plan = plan
    this.touched.clear()
    this.texts.clear()
    this.totalChars = countChars(plan)
    this.itemLengths.reset(plan)
  }

  /**
   * Why the transaction's changes do not fit the plan, or null (and then they are counted). Adds
   * to `writers` the Yjs clients whose structs it added (one pass over the state vector, which has
   * an entry for every client that ever wrote to the document).
   */
  check(doc: Y.Doc, tr: Y.Transaction, writers?: Set<number>): Violation | null {
    const plan = this.plan?.doc === doc ? this.plan : doc.getXmlFragment(PLAN_FIELD)
    const touched = this.touched
    const texts = this.texts
    // clear() allocates a fresh table, so only when there is something to clear (a keystroke touches no element).
    if (touched.size) touched.clear()
    if (texts.size) texts.clear()
    let added = 0
    for (const [client, end] of tr.afterState) {
      const start = tr.beforeState.get(client) ?? 0
      if (end <= start) continue
      writers?.add(client)
      const structs = doc.store.clients.get(client) ?? []
      for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
        const struct = structs[i]
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item)) continue
        const misplaced = originProblem(struct)
        if (misplaced) return { kind: 'schema', reason: misplaced }
        const parent = struct.parent
        if (!(parent instanceof Y.AbstractType)) return { kind: 'schema', reason: 'item without a parent type' }
        // Found once per struct: the rule, the plan test and the size count all need it.
        const root = rootOf(parent)
        const problem = this.checkItem(struct, parent, root, root === plan ? 'plan' : rootRule(doc, root), tr.origin)
        if (problem) return { kind: 'schema', reason: problem }
        if (struct.deleted || root !== plan) continue
        added += collectTouched(struct, touched, texts)
      }
    }
    let deleted = 0
    if (tr.deleteSet.clients.size) {
      const removed = deletedFrom(tr, doc, plan)
      if (removed.review && tr.origin !== REVIEW_WRITE) return { kind: 'schema', reason: 'a client deleted from the server-owned review root' }
      deleted = removed.planChars
    }
    for (const [type, keys] of tr.changed) {
      if (!keys.has(null) || rootOf(type) !== plan) continue
      if (type instanceof Y.XmlText) {
        if (!texts.has(type)) texts.set(type, 0)
      } else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) touched.add(type)
    }
    for (const element of touched) {
      const problem = this.contentProblem(element)
      if (problem) return { kind: 'schema', reason: problem }
    }
    const total = this.totalChars + added - deleted
    const size = textLimitViolation(plan, touched, texts, total, this.limits, this.itemLengths)
    if (size) return { kind: 'size', reason: size }
    this.totalChars = total
    return null
  }

  /** The element's live children against its node type's content expression. */
  private contentProblem(element: Y.XmlElement | Y.XmlFragment): string | null {
    if (element._item?.deleted) return null
    const name = element instanceof Y.XmlElement ? element.nodeName : this.schema.topNodeType.name
    const type = this.schema.nodes[name]
    if (!type) return `unknown node ${name}`
    let match = type.contentMatch
    for (let item = element._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue
      const child = item.content.type
      const childType = child instanceof Y.XmlText ? this.schema.nodes.text : child instanceof Y.XmlElement ? this.schema.nodes[child.nodeName] : undefined
      const next = childType ? match.matchType(childType) : null
      if (!next) return `${childType?.name ?? 'foreign type'} out of place in ${name}`
      match = next
    }
    return match.validEnd ? null : `${name} is incomplete`
  }

  private checkItem(item: Y.Item, parent: Y.AbstractType<unknown>, root: YType, rule: RootRule, origin: unknown): string | null {
    const content = item.content
    if (content instanceof Y.ContentDeleted) return null
    if (rule === 'foreign') return 'content under a root type the plan does not use'
    // Comment threads and suggestion authors carry author and time: only the server writes them.
    if (rule === 'review') return origin === REVIEW_WRITE ? null : 'a client wrote the server-owned review root'
    if (rule === 'links') return parent === root && item.parentSub !== null ? linkValueProblem(item.parentSub, content, this.limits) : 'nested content in the links map'
    if (rule === 'breakdown')
      return parent === root && item.parentSub !== null ? breakdownValueProblem(item.parentSub, content, (root as unknown as Y.Map<unknown>)._map.size, this.limits) : 'nested content in the breakdown map'
    if (rule === 'meta') {
      if (parent !== root || item.parentSub === null) return 'list content in the meta map'
      return plainValue(content, this.limits.titleChars) ? null : 'meta value is not a plain value'
    }
    if (parent instanceof Y.XmlText) return this.textContentProblem(item, content)
    if (parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) return this.elementContentProblem(item, parent, content)
    return 'content in a foreign type'
  }

  private textContentProblem(item: Y.Item, content: Y.Item['content']): string | null {
    if (item.parentSub !== null) return 'attribute on a text'
    if (content instanceof Y.ContentString) return null
    if (content instanceof Y.ContentFormat) {
      const name = HASHED_MARK.exec(content.key)?.[1] ?? content.key
      if (!this.schema.marks[name]) return `unknown mark ${name}`
      return markValueProblem(content.value)
    }
    return 'non-text content in a text'
  }

  private elementContentProblem(item: Y.Item, parent: Y.XmlElement | Y.XmlFragment, content: Y.Item['content']): string | null {
    const nodeName = parent instanceof Y.XmlElement ? parent.nodeName : this.schema.topNodeType.name
    const rule = this.rules.get(nodeName)
    if (!rule) return `unknown node ${nodeName}`
    if (item.parentSub !== null) {
      if (!(parent instanceof Y.XmlElement) || !rule.attrs.has(item.parentSub)) return `unknown attribute ${item.parentSub} on ${nodeName}`
      if (!plainValue(content, this.limits.paragraphChars)) return 'attribute value is not a plain value'
      return item.parentSub === 'suggestion' ? suggestionValueProblem(content) : null
    }
    if (!(content instanceof Y.ContentType)) return `non-node content in ${nodeName}`
    const child = content.type
    if (child instanceof Y.XmlText) return rule.text ? null : `text in ${nodeName}`
    if (child instanceof Y.XmlElement && !(child instanceof Y.XmlHook)) {
      return rule.children.has(child.nodeName) ? null : `${child.nodeName} inside ${nodeName}`
    }
    return `foreign type inside ${nodeName}`
  }
}

/**
 * Remembers the element (and text, with the characters added to it) an added struct changed, and
 * a new element itself (its content must be complete); returns the characters it added.
 */
function collectTouched(struct: Y.Item, touched: Set<Y.XmlElement | Y.XmlFragment>, texts: Map<Y.XmlText, number>): number {
  const parent = struct.parent
  const content = struct.content
  const chars = content instanceof Y.ContentString ? content.str.length : 0
  if (parent instanceof Y.XmlText) texts.set(parent, (texts.get(parent) ?? 0) + chars)
  else if ((parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) && struct.parentSub === null) touched.add(parent)
  if (content instanceof Y.ContentType) {
    if (content.type instanceof Y.XmlElement) touched.add(content.type)
    else if (content.type instanceof Y.XmlText && !texts.has(content.type)) texts.set(content.type, 0)
  }
  return chars
}

/**
 * What the transaction deleted, in one pass: whether anything under the review root (only the
 * server may) and how many characters of plan text (deleting an element deletes its texts too).
 */
function deletedFrom(tr: Y.Transaction, doc: Y.Doc, plan: Y.XmlFragment): { review: boolean; planChars: number } {
  let review = false
  let planChars = 0
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return
    const root = rootOf(struct.parent)
    if (root === plan) {
      if (struct.content instanceof Y.ContentString) planChars += struct.content.str.length
    } else if (rootRule(doc, root) === 'review') review = true
  })
  return { review, planChars }
}

/** Characters in every live text under a type. */
export function countChars(type: YType): number {
  let n = 0
  for (let item = type._start; item; item = item.right) {
    if (item.deleted) continue
    if (item.content instanceof Y.ContentString) n += item.content.str.length
    else if (item.content instanceof Y.ContentType) n += countChars(item.content.type)
  }
  return n
}

/** The root type a type belongs to. */
export function rootOf(type: YType): YType {
  let t = type
  while (t._item && t._item.parent instanceof Y.AbstractType) t = t._item.parent
  return t
}

/** Review marks carry only an id: `{id}` when set, null when removed; anything else could smuggle author or time. */
function markValueProblem(v: unknown): string | null {
  if (v === null) return null
  if (typeof v !== 'object' || Array.isArray(v)) return 'bad mark value'
  const keys = Object.keys(v)
  const id: unknown = (v as Record<string, unknown>).id
  return keys.length === 1 && typeof id === 'string' && REVIEW_ID.test(id) ? null : 'bad mark value'
}

/** A structural suggestion attribute is null or `<kind>:<id>`. */
function suggestionValueProblem(content: Y.Item['content']): string | null {
  const v: unknown = (content as Y.ContentAny).arr[0]
  return v === null || parseSuggestionAttr(v) ? null : 'bad suggestion attribute'
}

function plainValue(content: Y.Item['content'], maxChars: number): boolean {
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return false
  const v: unknown = content.arr[0]
  if (typeof v === 'string') return v.length <= maxChars
  return v === null || typeof v === 'number' || typeof v === 'boolean'
}
