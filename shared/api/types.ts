import type { PlanJson } from '../plan/planJson.ts'
import type { PlanLevel, PlanWarning } from '../plan/types.ts'
import type { PlanStatus } from './status.ts'

/** A user's role on the whole server. Admins manage users and may open every document. */
export type GlobalRole = 'admin' | 'member'

/** A user's role on one document: owners share and archive, editors edit, reviewers and viewers read. */
export type DocRole = 'owner' | 'editor' | 'reviewer' | 'viewer'

/** True when the role may change the document's text. */
export function canEdit(role: DocRole | undefined): boolean {
  return role === 'owner' || role === 'editor'
}

/** A signed-in user as the API shows it. */
export interface UserInfo {
  id: string
  name: string
  displayName: string
  role: GlobalRole
  /** Caret colour, #rrggbb. */
  color: string
  /** 科室, from the bureau's list (GET /api/departments). */
  department?: string
  /** The first-start admin still has the printed password: the client asks for a new one. */
  mustChangePassword?: boolean
}

/** What a document is for: a draft being written, last year's plan, or a municipal reference. */
export type DocumentKind = 'draft' | 'prior' | 'reference'

/** A document in the list. `role` is the caller's role on it. */
export interface DocumentInfo {
  id: string
  title: string
  kind: DocumentKind
  level?: PlanLevel
  year?: number
  /** The prior-year document this one is compared with. */
  priorId?: string
  /** The municipal document this one aligns with. */
  municipalId?: string
  /** The document this one was carried forward from. */
  carriedFrom?: string
  archived: boolean
  createdAt: string
  updatedAt: string
  createdBy: string
  role: DocRole
  /** Role of every signed-in user who is not a member; absent: members only. */
  everyone?: SharedRole
  /** 起草 … 定稿 (shared/api/status.ts); absent: drafting. */
  status?: PlanStatus
  /** Where it came from; absent for documents made before this was recorded. */
  source?: DocumentSource
  /** Display name of the account that made it. */
  creatorName?: string
  /** Display names of its owners (members with the owner role). */
  ownerNames?: string[]
}

/** How a document was made: 新建 (the blank template), 模板 (another template), 导入 (a file) or 结转 (carried from a document). */
export type DocumentSource = { kind: 'new' } | { kind: 'template'; template: string; title: string } | { kind: 'import'; filename: string } | { kind: 'carry'; fromTitle?: string }

/** A role that can be given to everyone at once (ownership is always personal). */
export type SharedRole = Exclude<DocRole, 'owner'>

/** A named version (征求意见稿, 送审稿 …) of a document. */
export interface VersionInfo {
  id: string
  docId: string
  name: string
  createdAt: string
  createdBy: { id: string; name: string }
  /** Position in the authored history the version was taken at (compare with HistoryEntry.seq). */
  seq?: number
}

/** One entry of the authored history: who sent which change when. */
export interface HistoryEntry {
  seq: number
  userId: string
  userName: string
  at: string
  /** Size of the stored update in bytes. */
  bytes: number
  /** When compaction merged several updates of this user: the first one's number and time, and how many. */
  firstSeq?: number
  firstAt?: string
  count?: number
}

/** A document member and their role. */
export interface MemberInfo {
  userId: string
  name: string
  displayName: string
  role: DocRole
}

/** Every error body the API sends: a stable code and a plain Chinese sentence. */
export interface ApiError {
  error: { code: string; message: string }
}

/** POST /api/login */
export interface LoginRequest {
  name: string
  password: string
}

/** Answer to POST /api/login. */
export interface LoginResponse {
  token: string
  expiresAt: string
  user: UserInfo
}

/** POST /api/documents: from a template, by importing a file, or by carrying a document forward (`carryMunicipal`: link the source's 落实市级 plan too; default no). */
export type CreateDocumentRequest =
  | { template: string; title?: string; kind?: DocumentKind; priorId?: string; municipalId?: string }
  | { import: { filename: string; base64: string }; kind?: DocumentKind; priorId?: string; municipalId?: string }
  | { carryFrom: string; title?: string; carryMunicipal?: boolean }

/** Answer to POST /api/documents. */
export interface CreateDocumentResponse {
  document: DocumentInfo
  warnings: PlanWarning[]
}

/** PATCH /api/documents/:id */
export interface UpdateDocumentRequest {
  title?: string
  archived?: boolean
  priorId?: string | null
  municipalId?: string | null
  /** Owner only: give every signed-in user a role, or null for members only. */
  everyone?: SharedRole | null
}

/** A template offered by GET /api/templates. */
export interface TemplateInfo {
  name: string
  title: string
  description: string
}

/** Plan JSON as served by the API. */
export type PlanResponse = PlanJson
