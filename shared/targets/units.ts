/**
 * Units recognised after a number, longest first so that 人次 wins over 人 and 个百分点 over 个.
 * Years, months, ages (岁), ordinals (第…届) and 批 (一批 is vague) are deliberately absent: they date,
 * name or gesture at things, they are not targets.
 */
export const TARGET_UNITS = [
  '个百分点',
  '百分点',
  '平方米',
  '人次',
  '课时',
  '学时',
  '小时',
  '大项',
  '万元',
  '亿元',
  '%',
  '个',
  '所',
  '家',
  '项',
  '门',
  '件',
  '次',
  '场',
  '名',
  '人',
  '位',
  '种',
  '类',
  '节',
  '支',
  '条',
  '座',
  '套',
  '处',
  '间',
  '本',
  '册',
  '篇',
  '部',
  '台',
  '元',
  '亩',
  '倍',
  '天',
] as const

/** Unit + next character pairs that are words, not counts: 一次性, 门户, 家庭, 项目, 一件事. */
export const NOT_A_UNIT = /^(次性|门户|家庭|家长|家园|项目|件事|个性|个人|支持|支撑|条件|条例|种类|名单|名校|本市|本区|部门|类型|台阶|批次|天然|处理|处置|间隙|位置|场所|场地|场景|套餐|人员|人才|倍增)/

/** Units that measure a proportion or a property rather than count things; their subject comes before the number. */
export const RATIO_UNITS = new Set(['%', '个百分点', '百分点', '倍'])
