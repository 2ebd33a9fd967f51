import { foldTraditional } from './traditional.ts'

/** The kinds of text that sites add around (or inside) a copied document, each reported on its own. */
export type SiteTextKind = 'page-info' | 'navigation' | 'editor-note' | 'doc-share' | 'article' | 'disclosure' | 'collection' | 'inserted'

/** What each kind is called in the warning. */
export const SITE_TEXT_NAMES: Record<SiteTextKind, string> = {
  'page-info': '网页的发布信息（发布时间、来源、阅读次数等）',
  navigation: '网页的导航和工具（当前位置、打印、上一篇等）',
  'editor-note': '范文网站的导语（小编整理、仅供参考等）',
  'doc-share': '文库网站的文字（会员分享、页数、下载等）',
  article: '公众号文章的附加文字（关注、编辑审核、在看、阅读原文等）',
  disclosure: '政务公开目录信息（索引号、发布机构等）',
  collection: '合集的标题（汇编、精选N篇等）',
  inserted: '插在标题或正文中的网站文字',
}

// Each rule describes a kind of line by what sites write there, not by one site's exact wording; a
// rule never matches a sentence a plan would contain (all need a site word together with its shape).
/** A line that starts with a structure number (一、 （一） 1.) is a heading or an item, never a site line. */
const STRUCTURE_START = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[）)]|\d{1,3}\s*[.．、](?!\d))/
/** Longest line taken for a site line; the 文库 line naming the document is the longest kind. */
const MAX_SITE_LINE = 200
const META_LABEL = '(?:发布时间|发布日期|发表时间|更新时间|录入时间|上传时间|时间|日期|信息来源|文章来源|来源|作者|责任编辑|编辑|阅读次数|浏览次数|阅读量|浏览量|点击数|点击量|访问量|字体|字号)'
const META_PAIR = new RegExp(`${META_LABEL}\\s*[:：]`, 'g')
const META_START = new RegExp(`^[【[]?${META_LABEL}\\s*[:：]`)
const CLOCK = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}/
const COUNT_LABEL = /(阅读次数|浏览次数|阅读量|浏览量|点击数|点击量|访问量)\s*[:：]/
const LABEL_WORDS = /精品|文档|资料|推荐|最新|精选|范文|优秀|可编辑|word版|文库|免费|下载|[\s【】[\]]/gi
const TOOL_WORDS = /打印本页|打印|关闭窗口|关闭|分享到|收藏本页|收藏|返回顶部|扫一扫在手机打开当前页|扫一扫|字体|字号|默认|[大中小]|[【】[\]\s:：|、/]/g

const RULES: [SiteTextKind, RegExp][] = [
  ['disclosure', /^(公开属性|信息索引号|索引号|索取号|发布机构|生成日期|发文机关|主题分类|主题词|公开方式|公开范围|公开时限|有效性)\s*[:：]/],
  ['disclosure', /^[（(]此件.{0,4}公开.{0,4}[)）]$/],
  ['article', /^原创\s.{0,40}发表于|(点击|长按).{0,10}(关注|蓝字|二维码)|^.{0,10}关注我们$/],
  ['article', /^(往期推荐|往期回顾|往期精彩|精彩推荐|阅读原文|喜欢此内容的人还喜欢|点个?[“"]?在看[”"]?.{0,12}|分享.{0,2}点赞.{0,2}在看.{0,12})$/],
  ['article', /^(来源|编辑|责任编辑|责编|审核|审稿|校对|排版|美编|供稿|初审|复审|终审|撰稿|摄影|文字|图片|文|图)\s*[:：|丨]\s*[^。，；！？]{1,24}$/],
  ['navigation', /^(当前位置|您的位置|你的位置|现在位置|所在位置)\s*[:：]/],
  ['navigation', /^首页\s*[>＞»›]/],
  ['navigation', /^(上一篇|下一篇|上一页|下一页|相关阅读|相关推荐|相关文章|相关文档|更多相关|扩展阅读|延伸阅读|猜你喜欢|热门推荐|推荐阅读|网友评论|发表评论)\s*(?:[:：].*)?$/],
  ['navigation', /评论功能已关闭|扫一扫在手机|手机扫一扫|我要投稿|返回顶部/],
  ['editor-note', /^导语\s*[:：]/],
  ['editor-note', /(小编|编者|本站|网友).{0,12}(整理|收集|分享|精心|上传|投稿|带来|观点|提供|搜集)/],
  ['editor-note', /(供大家|仅供|以供|欢迎)(参考|阅读|借鉴)|希望.{0,12}(大家|您|你).{0,8}(帮助|喜欢)|希望.{0,10}(帮助|喜欢).{0,4}(大家|您|你)|如有侵权|联系(我们)?删除/],
  ['doc-share', /由会员分享|可在线阅读|请在.{0,30}上搜索|\d+页珍藏版|下载(后|即)可(任意)?编辑|该文档总共\s*\d+\s*页|已阅读\s*\d+\s*页|还剩\s*\d+\s*页|此处隐藏\s*\d+\s*个字/],
  ['doc-share', /^(上传人|上传者|文档编号|资源ID|下载积分|文档格式|格式|页数|大小|版权说明)\s*[:：]/],
  ['doc-share', /^(下载\s*相关\s*举报|下载资源|资源描述|文档简介|立即下载|免费下载|下载文档|下载本文档|继续免费阅读|全文预览已结束)$/],
  ['doc-share', /_第\s*\d+\s*页$|^第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页$/],
  ['doc-share', /^(?!附件)\S.{0,80}\.(docx?|pdf|wps|txt)$/i],
  ['doc-share', /^\S{2,12}(文库|文档|网)\s*[-—|｜丨]\s*\S{2,30}$/],
  ['collection', /^[^。！？]{2,60}(汇编|合集|集锦|大全)\s*([（(【]\s*\d+\s*篇\s*[）)】])?$/],
  ['collection', /^[^。！？]{2,60}[（(【]\s*(精选|通用|最新|推荐|热门|优秀|经典|优选)?\s*\d+\s*篇\s*[）)】]$/],
]

/** Text inserted inside a line: ---本文来源于网络…--- and labels such as 【精品范文】 or （下载后可任意编辑）. */
const INSERTED = [
  /-{2,6}[^-\n]{0,80}?(来源|网络|侵权|删除|下载|编辑|参考|转载)[^-\n]{0,80}?-{2,6}/g,
  /[（(【[]\s*(?:(?:下载后可任意编辑|可任意编辑|可编辑|可下载|word版|精品|范文|完整版|最新版|推荐|原创|必备|实用|模板|大全|精选|通用|最新|热门|优秀)\s*){1,4}[）)】\]]/gi,
]

/** One piece of site text taken out, with its kind. */
export interface RemovedSiteText {
  kind: SiteTextKind
  text: string
}

/** Lines without site text, what was removed, and the document names it mentioned (hints for the title). */
export interface BoilerplateResult {
  lines: string[]
  removed: RemovedSiteText[]
  titleHints: string[]
}

/**
 * Removes the text sites add to a copied document: whole lines of each kind above, and fragments
 * inserted inside a line. Names in 《…》 or a file name line (minus the extension) are kept as title hints.
 */
export function removeBoilerplate(lines: string[]): BoilerplateResult {
  const kept: string[] = []
  const removed: RemovedSiteText[] = []
  const titleHints: string[] = []
  for (const line of lines) {
    // Inserted text goes first: the rest of its line is the document's own.
    const rest = removeInserted(line, removed)
    if (rest !== line && !rest.trim()) continue
    const trimmed = rest.trim()
    const kind = lineKind(trimmed)
    if (!kind) {
      kept.push(rest)
      continue
    }
    removed.push({ kind, text: trimmed })
    for (const name of documentNames(trimmed)) if (!titleHints.includes(name)) titleHints.push(name)
  }
  return { lines: kept, removed, titleHints }
}

/** The kind of site line this is, or undefined for a line of the document. */
export function lineKind(line: string): SiteTextKind | undefined {
  // A long paragraph that happens to contain a site word is the document's own text.
  if (!line || line.length > MAX_SITE_LINE || STRUCTURE_START.test(line)) return undefined
  const folded = foldTraditional(line)
  if (isPageInfo(folded)) return 'page-info'
  if (isToolLine(folded)) return 'navigation'
  if (isLabelLine(folded)) return 'doc-share'
  return RULES.find(([, re]) => re.test(folded))?.[0]
}

/** 发布时间：… 来源：… 阅读次数：…: two labels or more, or one with a clock time or a count. */
function isPageInfo(line: string): boolean {
  if (!META_START.test(line) || /。./.test(line)) return false
  const labels = line.match(META_PAIR)?.length ?? 0
  return labels >= 2 || CLOCK.test(line) || COUNT_LABEL.test(line)
}

/** 精品文档, 最新精品资料推荐: a short line of nothing but a site's labels. */
function isLabelLine(line: string): boolean {
  return line.length <= 16 && line.replace(LABEL_WORDS, '') === ''
}

/** 【字体：大 中 小】【打印】【关闭】: nothing but page tools. */
function isToolLine(line: string): boolean {
  return /打印|关闭|分享|收藏|扫一扫|字体|字号/.test(line) && line.replace(TOOL_WORDS, '') === ''
}

function removeInserted(line: string, removed: RemovedSiteText[]): string {
  // Most lines have neither a dash run nor a bracket: skip the patterns for them.
  if (!/--|[（(【[]/.test(line)) return line
  let out = line
  for (const re of INSERTED) {
    out = out.replace(re, (m) => {
      removed.push({ kind: 'inserted', text: m })
      return ''
    })
  }
  return out
}

function documentNames(line: string): string[] {
  const names = [...line.matchAll(/《([^《》]{4,80})》/g)].map((m) => m[1])
  if (/^[^《》\s]{4,80}\.(docx?|pdf|wps|txt)$/i.test(line)) names.push(line)
  // "《X.docx(21页珍藏版)》": the page count comes after the extension, so it goes first.
  return names.map((n) =>
    n
      .replace(/[(（]\d+页珍藏版[)）]$/, '')
      .replace(/\.(docx?|pdf|txt|wps)$/i, '')
      .trim(),
  )
}
