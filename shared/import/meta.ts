import type { Closing, CoverNotice, PlanLevel, PlanMeta } from '../plan/types.ts'

const PERIOD = /(上半年|下半年|春季学期|秋季学期|第[一二三四]季度)/
const BODY_IN_TITLE = /^\d{4}年(?:上半年|下半年)?(.{2,30}?(?:教育局|教育委员会|教委|教育厅|教育部|人民政府|政府))/

/** Infers issuing body, level, year and period from the title, the notice and the closing. */
export function inferMeta(title: string, notice?: CoverNotice, closing?: Closing): PlanMeta {
  const meta: PlanMeta = {}
  const issuer = notice?.issuer ?? closing?.issuer ?? BODY_IN_TITLE.exec(title)?.[1]
  if (issuer) meta.issuer = issuer
  const level = levelOf(issuer ?? title)
  if (level) meta.level = level
  const year = /(\d{4})\s*年/.exec(title)?.[1]
  if (year) meta.year = Number(year)
  const period = PERIOD.exec(title)?.[1]
  if (period) meta.period = period
  return meta
}

/** District when the issuer is a 区/县 body, municipal for a 市/省 body. */
export function levelOf(name: string): PlanLevel | undefined {
  if (/[区县]/.test(name)) return 'district'
  if (/[市省]|教委|教育委员会|教育厅/.test(name)) return 'municipal'
  return undefined
}
