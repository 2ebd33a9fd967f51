/** The level of government that issues a plan. */
export type PlanLevel = 'district' | 'municipal' | 'school' | 'other'

/** Who issued a plan and for which period; not part of the printed text. */
export interface PlanMeta {
  /** Issuing body, e.g. 上海市闵行区教育局. */
  issuer?: string
  level?: PlanLevel
  /** Calendar year the plan is for, e.g. 2021. */
  year?: number
  /** Period within the year as printed, e.g. 下半年; absent for a whole-year plan. */
  period?: string
}

/** The cover notice (关于印发《…》的通知) that issues the plan as an attachment. */
export interface CoverNotice {
  /** Notice title; when absent it is derived from the plan title. */
  title?: string
  /** 发文字号, e.g. 闵教〔2021〕12号. */
  docNumber?: string
  /** 主送 line without its colon. */
  addressee: string
  /** Notice text, one string per paragraph. */
  body: string[]
  /** 附件 line without the label, e.g. 2021年下半年闵行教育工作要点. */
  attachment?: string
  issuer?: string
  /** Date as printed, e.g. 2021年9月14日. */
  date?: string
}

/** The issuer and date printed after the last item. */
export interface Closing {
  issuer?: string
  date?: string
}

/** 任务分解 of an item: who leads, who supports, who answers for it and by when; names as typed. */
export interface ItemBreakdown {
  /** 牵头科室, one or more. */
  lead?: string[]
  /** 配合科室. */
  support?: string[]
  /** 分管领导. */
  leader?: string
  /** 责任人. */
  person?: string
  /** 完成时限 as written (2025年6月底, 第二季度, 长期 …); shared/breakdown/deadline.ts reads it. */
  deadline?: string
}

/** One numbered item: a lead sentence (its title) followed by concrete tasks. */
export interface PlanItem {
  /** Stable id; survives renumbering, moves and carry-forward. */
  id: string
  /** Lead sentence including its final 。, without the number. */
  title: string
  /** Body text; paragraphs separated by "\n". */
  body: string
  /** True while an item carried forward from last year's plan has not been edited. */
  carried?: boolean
  /** 任务分解 fields; in a Y.Doc they live in the `breakdown` map keyed by item id. */
  breakdown?: ItemBreakdown
}

/** A sub-section （一）（二） inside a section. */
export interface PlanSubsection {
  id: string
  heading: string
  /** Paragraphs between the heading and the first item. */
  intro: string[]
  items: PlanItem[]
}

/** A section 一、二、… with its items and optional sub-sections. */
export interface PlanSection {
  id: string
  heading: string
  /** Drafting guidance from a template, shown in the editor and never printed. */
  guidance?: string
  /** Paragraphs between the heading and the first item. */
  intro: string[]
  /** Items directly under the section (before any sub-section). */
  items: PlanItem[]
  subsections: PlanSubsection[]
}

/** Something an import or check noticed; never fatal. */
export interface PlanWarning {
  code: string
  message: string
}

/** A whole work plan. Numbers are not stored: they follow from order. */
export interface Plan {
  title: string
  notice?: CoverNotice
  preamble: string[]
  sections: PlanSection[]
  closing?: Closing
  meta: PlanMeta
}
