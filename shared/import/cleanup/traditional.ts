// Traditional forms of the characters that site lines, notice titles and document kinds are written
// with, and their simplified forms. Used only to recognise such lines: the text itself is kept as written.
const TRADITIONAL = '時間導語來網傳觀點關於發佈閱讀數編輯擴覽頁為請聯繫刪權僅參範載號創諮詢歡這評論檔錄訪問與計劃屬開機構題類標準務資訊會員線縣區學園單處劃報稱'
const SIMPLIFIED = '时间导语来网传观点关于发布阅读数编辑扩览页为请联系删权仅参范载号创咨询欢这评论档录访问与计划属开机构题类标准务资讯会员线县区学园单处划报称'

const MAP = new Map(Array.from(TRADITIONAL).map((ch, i) => [ch, Array.from(SIMPLIFIED)[i]]))
const ANY = new RegExp(`[${TRADITIONAL}]`)

/** The text with the traditional characters above in simplified form, same length, for pattern matching only. */
export function foldTraditional(text: string): string {
  if (!ANY.test(text)) return text
  let out = ''
  for (const ch of text) out += MAP.get(ch) ?? ch
  return out
}
