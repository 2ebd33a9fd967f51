/**
 * Domain synonym groups for education work plans, kept as data: any variant found in an item adds the
 * group's concept to the item, so 托班 in a district item meets 托育 in a municipal one.
 * The first entry of `variants` is how the concept is named in explanations. Variants are matched
 * leftmost-longest, so 心理健康 wins over 心理 at the same place.
 *
 * The groups come from the general vocabulary of national education policy (the families of
 * documents named in `source`), not from the sample plans: the alignment is measured on a pair of
 * plans written apart from this list (test/fixtures/align/pair2), and terms that only one city uses
 * (a local service's brand name, a local app) do not belong here.
 */
export interface SynonymGroup {
  concept: string
  variants: string[]
  /** Where the terms are the standard wording: the policy area or family of national documents. */
  source: string
}

/** The synonym groups (edit freely; every variant needs at least two Han characters). */
export const SYNONYM_GROUPS: SynonymGroup[] = [
  { concept: '托育', variants: ['托育', '托班', '托幼', '婴幼儿照护', '育儿指导', '托育服务', '托育机构'], source: '国务院办公厅关于促进3岁以下婴幼儿照护服务发展的指导意见（2019）' },
  { concept: '思政', variants: ['思政', '德育', '思想政治', '课程思政', '铸魂育人', '思想道德', '立德树人'], source: '大中小学思政课一体化建设、中小学德育工作指南' },
  { concept: '班主任', variants: ['班主任', '辅导员', '导师制'], source: '中小学班主任工作规定' },
  { concept: '心理健康', variants: ['心理健康', '心理', '心理咨询', '心理危机', '心理辅导', '心理测评'], source: '全面加强和改进新时代学生心理健康工作专项行动计划（2023—2025年）' },
  { concept: '特殊教育', variants: ['特殊教育', '特教', '融合教育', '随班就读', '残疾儿童', '特殊儿童', '送教上门', '无障碍'], source: '“十四五”特殊教育发展提升行动计划' },
  { concept: '职业教育', variants: ['职业教育', '职教', '中职', '高职', '职业学校', '职业院校', '职业技术学院', '职业本科', '双师'], source: '中华人民共和国职业教育法（2022修订）' },
  { concept: '产教融合', variants: ['产教融合', '校企合作', '校企共建', '产业学院'], source: '关于深化现代职业教育体系建设改革的意见（2022）' },
  { concept: '学前教育', variants: ['学前教育', '幼儿园', '学前', '入园', '保育', '办园', '普惠性'], source: '中华人民共和国学前教育法（2024）' },
  { concept: '双减', variants: ['双减', '减负', '校外培训', '培训机构', '学科类培训', '作业负担', '作业设计', '作业总量'], source: '关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见（2021）' },
  { concept: '课后服务', variants: ['课后服务', '延时服务', '延时托管', '晚托'], source: '关于做好中小学生课后服务工作的指导意见' },
  { concept: '劳动教育', variants: ['劳动教育', '劳动', '劳动素养', '劳动实践'], source: '关于全面加强新时代大中小学劳动教育的意见（2020）' },
  { concept: '家庭教育', variants: ['家庭教育', '家校共育', '家校', '家长学校', '协同育人'], source: '中华人民共和国家庭教育促进法（2021）' },
  { concept: '教师队伍', variants: ['教师队伍', '师资', '师资队伍', '教师培训', '教师培养', '教师发展', '名师', '骨干教师', '教师交流', '轮岗'], source: '关于全面深化新时代教师队伍建设改革的意见（2018）' },
  { concept: '体育', variants: ['体育', '体质健康', '阳光体育', '体育赛事', '体育场地', '体育场馆', '体育活动', '运动会'], source: '关于全面加强和改进新时代学校体育工作的意见（2020）' },
  { concept: '美育', variants: ['美育', '艺术教育', '艺术团', '艺术展演', '艺术实践'], source: '关于全面加强和改进新时代学校美育工作的意见（2020）' },
  { concept: '卫生健康', variants: ['卫生', '近视防控', '传染病防控', '健康教育', '疫情防控'], source: '综合防控儿童青少年近视实施方案、学校卫生工作条例' },
  { concept: '评价改革', variants: ['教育评价', '评价改革', '考试', '中考', '高考', '命题'], source: '深化新时代教育评价改革总体方案（2020）' },
  { concept: '招生', variants: ['招生', '入学', '招生入学', '入学报名'], source: '义务教育招生入学工作通知（年度）' },
  { concept: '优质均衡', variants: ['优质均衡', '均衡发展', '基本均衡'], source: '县域义务教育优质均衡发展督导评估办法（2017）' },
  { concept: '集团化办学', variants: ['集团化办学', '教育集团', '学区化', '集团化', '学区制', '学区集团'], source: '关于构建优质均衡的基本公共教育服务体系的意见（2023）' },
  { concept: '普通高中', variants: ['普通高中', '高中', '特色高中'], source: '关于新时代推进普通高中育人方式改革的指导意见（2019）' },
  { concept: '课程教学', variants: ['课程教学', '课程改革', '教学改革', '新课程', '新教材', '项目化学习', '教研'], source: '基础教育课程教学改革深化行动方案（2023）' },
  { concept: '教育数字化', variants: ['教育数字化', '数字化转型', '智慧教育', '智慧校园', '教育信息化', '信息化', '数字校园', '数字素养'], source: '国家教育数字化战略行动、教育信息化2.0行动计划' },
  { concept: '终身教育', variants: ['终身教育', '学习型社会', '社区教育', '老年教育', '老年大学', '继续教育', '终身学习'], source: '中国教育现代化2035（构建服务全民的终身学习体系）' },
  { concept: '民办教育', variants: ['民办教育', '民办学校', '民办'], source: '中华人民共和国民办教育促进法实施条例（2021）' },
  { concept: '依法治教', variants: ['依法治教', '依法治校', '法治教育', '法治宣传教育', '未成年人保护', '学校章程'], source: '全面推进依法治校实施纲要、中华人民共和国未成年人保护法' },
  { concept: '校园安全', variants: ['校园安全', '安全管理', '护校安园', '食品安全', '消防', '防溺水', '安全隐患'], source: '中小学幼儿园安全管理办法' },
  { concept: '教育经费', variants: ['财务', '预算', '经费', '收费'], source: '关于进一步加强和规范教育经费管理的意见（2018）' },
  { concept: '政务服务', variants: ['政务服务', '行政审批', '公共服务事项', '一网通办', '放管服'], source: '全国一体化政务服务平台建设指导意见' },
  { concept: '区域协作', variants: ['长三角', '京津冀', '粤港澳', '对口支援', '对口帮扶', '东西部协作'], source: '区域教育协同发展与对口支援政策' },
]
