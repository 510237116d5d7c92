/** Chinese names of the supervision service's coded values, and the documents its rules come from. */
export const GRADE_COLOUR: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'default', 不合格: 'red' };
export const ASSESSMENT_STATUS_ZH: Record<string, string> = { draft: '录入中', computed: '已计算', reviewed: '已提交审批', approved: '已批准', published: '已通报' };
export const CONSEQUENCE_STATUS_ZH: Record<string, string> = { proposed: '待落实', done: '已落实', declined: '不予实施' };
export const FINDING_SOURCE_ZH: Record<string, string> = {
  inspection: '督查巡查',
  audit: '审计',
  complaint: '群众投诉举报',
  monitoring: '系统监测预警',
  'first-secretary-check': '第一书记督查',
};
export const FINDING_STATUS_ZH: Record<string, string> = { open: '整改中', submitted: '待复核', closed: '已销号' };
export const ESCALATION_ZH: Record<number, string> = { 0: '', 1: '已逾期', 2: '逾期超过30天（报领导小组）' };
export const TEAM_ROLE_ZH: Record<string, string> = { 'first-secretary': '第一书记', leader: '工作队长', member: '工作队员' };
export const LEVEL_ZH: Record<string, string> = { city: '市派', district: '区派', town: '镇派' };
export const END_REASON_ZH: Record<string, string> = { 'term-ended': '任期届满', replaced: '轮换交接', recalled: '撤回', other: '其他' };
export const KEY_LEVEL_ZH: Record<string, string> = { provincial: '省定重点村', municipal: '市定重点村' };
export const PARTNER_KIND_ZH: Record<string, string> = { unit: '帮扶单位', 'civilised-unit': '文明单位', enterprise: '企业' };
export const GAP_ZH: Record<string, string> = { 'first-secretary': '缺第一书记', team: '缺工作队员' };

const SAFETY = '《关于下达2018年度全区安全生产控制目标的通知》（台政发〔2018〕1号）';
const PLAN = '《台儿庄区“十三五”脱贫攻坚规划》';
/** The document and item each veto rule comes from (the rule's citation, as the document names it). */
export const VETO_SOURCE_ZH: Record<string, string> = {
  SAFETY_TARGET_BREACH: `${SAFETY}第一条`,
  FATAL_ACCIDENT_ENTERPRISE: `${SAFETY}第二条`,
  FATAL_ACCIDENT_TERRITORY: `${SAFETY}第三条`,
  ACCIDENT_REPORT_FAILURE: `${SAFETY}第四条`,
  TWO_CRITICISMS: `${SAFETY}第五条`,
  HAZARD_ORDER_OVERDUE: `${SAFETY}第五条`,
  ILLEGAL_OPERATIONS_UNHANDLED: `${SAFETY}第六条`,
  SAFETY_ASSESSMENT_FAILED: `${SAFETY}第七条`,
  POVERTY_TASK_UNFINISHED: `${PLAN}（扶贫工作实绩“一票否决”）`,
  FALSE_EXIT: '中共枣庄市峄城区委峯发〔2018〕26号文件（对数字脱贫、虚假脱贫严肃问责）',
};
export const CONSEQUENCE_SOURCE_ZH = `${PLAN}：完不成年度任务的约谈，连续两年完不成的组织调整，提前完成的资金不减、政策不变并表扬奖励`;

export const zhOf = (table: Record<string, string>, value: string | undefined) => (value ? (table[value] ?? '其他') : '—');
