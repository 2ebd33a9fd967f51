/**
 * Domain synonym groups for education work plans, kept as data: any variant found in an item adds the
 * group's concept to the item, so 托班 in a district item meets 托育 in a municipal one.
 * The first entry of `variants` is how the concept is named in explanations. Variants are matched
 * leftmost-longest, so 心理健康 wins over 心理 at the same place.
 */
export interface SynonymGroup {
  concept: string
  variants: string[]
}

/** The synonym groups (edit freely; every variant needs at least two Han characters). */
export const SYNONYM_GROUPS: SynonymGroup[] = [
  { concept: '托育', variants: ['托育', '托班', '托幼', '托额', '宝宝屋', '婴幼儿照护', '育儿指导'] },
  { concept: '思政', variants: ['思政', '德育', '思想政治', '课程思政', '铸魂育人', '思想道德'] },
  { concept: '班主任', variants: ['班主任', '全员导师制', '辅导员'] },
  { concept: '心理健康', variants: ['心理健康', '心理', '心理咨询', '心理危机', '医教结合'] },
  { concept: '特殊教育', variants: ['特殊教育', '特教', '融合教育', '随班就读', '残疾儿童', '特殊儿童', '送教上门', '无障碍'] },
  { concept: '职业教育', variants: ['职业教育', '职教', '中职', '高职', '职业学校', '职业院校', '职业技术学院', '职业本科', '双师'] },
  { concept: '产教融合', variants: ['产教融合', '校企合作', '校企共建', '产业发展', '专业布局'] },
  { concept: '学前教育', variants: ['学前教育', '幼儿园', '学前', '入园', '保育', '办园'] },
  { concept: '双减', variants: ['双减', '减负', '校外培训', '培训机构', '学科类培训', '作业负担', '培训市场'] },
  { concept: '课后服务', variants: ['课后服务', '课后育人', '延时托管', '晚托'] },
  { concept: '劳动教育', variants: ['劳动教育', '劳动', '劳动素养'] },
  { concept: '家庭教育', variants: ['家庭教育', '家校共育', '家校', '家长学校', '协同育人'] },
  { concept: '教师队伍', variants: ['教师队伍', '师资', '师资队伍', '教师培训', '教师培养', '教师发展'] },
  { concept: '体育', variants: ['体育', '体质健康', '阳光体育', '体育赛事', '体育场地', '体育场馆'] },
  { concept: '美育', variants: ['美育', '艺术教育', '艺术团', '艺术展演', '艺术实践', '艺术技能'] },
  { concept: '卫生健康', variants: ['卫生', '近视防控', '传染病防控', '健康教育', '疫情防控'] },
  { concept: '评价改革', variants: ['教育评价', '评价改革', '考试', '中招', '中考', '高考', '命题'] },
  { concept: '招生', variants: ['招生', '入学', '招生入学', '入学报名'] },
  { concept: '优质均衡', variants: ['优质均衡', '均衡发展'] },
  { concept: '学区集团', variants: ['学区集团', '紧密型学区', '集团化办学', '教育集团', '学区化', '集团化'] },
  { concept: '普通高中', variants: ['普通高中', '高中', '特色高中'] },
  { concept: '课程教学', variants: ['课程教学', '课程改革', '教学改革', '双新', '新课程新教材', '项目化学习', '教研'] },
  { concept: '教育数字化', variants: ['教育数字化', '数字化转型', '智慧教育', '教育信息化', '信息化', '数字校园'] },
  { concept: '终身教育', variants: ['终身教育', '学习型社会', '学习型城区', '社区教育', '老年教育', '继续教育', '终身学习', '社区学校'] },
  { concept: '民办教育', variants: ['民办教育', '民办学校', '民办'] },
  { concept: '依法治教', variants: ['依法治教', '依法治校', '法治教育', '法治宣传教育', '未成年人保护'] },
  { concept: '校园安全', variants: ['校园安全', '安全管理', '护校安园', '食品安全', '消防'] },
  { concept: '教育经费', variants: ['财务', '预算', '经费', '收费'] },
  { concept: '政务服务', variants: ['政务服务', '行政审批', '公共服务事项', '随申办', '一网通办', '全程网办'] },
  { concept: '长三角', variants: ['长三角'] },
]
