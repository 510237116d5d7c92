/** Chinese names of the register's coded values, for the console (the API speaks codes). */

import { identificationApi, ROLE_NAMES_ZH, scoringApi } from '@jingzhun/types';

export const RELATION_ZH: Record<string, string> = { head: '户主', spouse: '配偶', child: '子女', parent: '父母', grandchild: '孙辈', sibling: '兄弟姐妹', other: '其他' };
export const HEALTH_ZH: Record<string, string> = { healthy: '健康', chronic: '长期慢性病', serious: '大病', disabled: '残疾' };
export const LABOR_ZH: Record<string, string> = { full: '有劳动能力', partial: '弱劳动能力', none: '无劳动能力' };
/** Register statuses (workflows.md §1). */
export const STATUS_ZH: Record<string, string> = {
  APPLYING: '识别中',
  REJECTED: '未通过',
  REGISTERED: '在册贫困户',
  RE_REGISTERED: '返贫重新纳入',
  MONITORED: '监测对象',
  RISK_ELIMINATED: '风险已消除',
  EXITED_WITH_POLICY: '已脱贫（享受政策）',
  EXITED_NO_POLICY: '已脱贫（不再享受政策）',
};
export const MEMBER_STATUS_ZH: Record<string, string> = { active: '在户', deceased: '已故', moved_out: '已迁出' };
/** 四色管理 (seed 000 ID-7 L507–522). */
export const COLOUR_ZH: Record<string, string> = { RED: '红色（未脱贫）', ORANGE: '橙色（达到脱贫标准待退出）', YELLOW: '黄色（已脱贫有返贫风险）', GREEN: '绿色（稳定脱贫）' };
/** Overdue monitoring cases (workflows.md §1.4), appended to the workflow state. */
const ALERT_ZH: Record<string, string> = { none: '', orange: '（橙色预警：环节超期）', red: '（红色预警：超过15天）' };
const WORKFLOW_KIND_ZH: Record<string, string> = { entry: '识别', exit: '退出', monitoring: '监测' };

/** Workflow states (workflows.md §1.3, §1.4, §2.1). */
export const WORKFLOW_STATE_ZH: Record<string, string> = {
  APPLIED: '已申请',
  SURVEYED: '已入户调查',
  GROUP_REVIEWED: '已小组评议',
  NOTICE1: '第一次公示中',
  NOTICE1_CLEARED: '第一次公示无异议',
  COMPARED: '已比对',
  ASSEMBLY_REVIEWED: '已村民代表会议评议',
  NOTICE2: '第二次公示中',
  NOTICE2_CLEARED: '第二次公示无异议',
  TOWN_REVIEWED: '镇已审核',
  COUNTY_APPROVED: '区县已审批',
  ANNOUNCED: '公告中',
  AWAITING_WINDOW: '待系统开放期建档',
  PRE_EXIT: '列入拟退出名单',
  APPRAISED: '已民主评议',
  VERIFIED: '已核实',
  CONSENTED: '户已认可',
  VILLAGE_NOTICE: '村内公示中',
  VILLAGE_NOTICE_CLEARED: '村内公示无异议',
  TOWN_ACCEPTED: '镇已验收',
  TOWN_APPROVED: '镇已审定',
  VILLAGE_ANNOUNCEMENT: '村内公告中',
  ANNOUNCEMENT_CLEARED: '公告无异议',
  FILED: '已备案待销号',
  SIGNALLED: '已发现风险',
  CHECKED: '已核查',
  REVIEWED: '已民主评议',
  NOTICED: '公示中',
  NOTICE_CLEARED: '公示无异议',
  COUNTY_DECIDED: '区县已认定',
};

export const zh = (names: Record<string, string>, code: string | undefined): string => (code === undefined ? '—' : (names[code] ?? code));

/** Outcomes of a dispatch job run. */
export const RUN_OUTCOME_ZH: Record<string, string> = { succeeded: '成功', failed: '失败', running: '运行中' };

/** A workflow state for staff: the Chinese name with the code the API and the rules use. */
export const stateLabel = (state: string): string => (WORKFLOW_STATE_ZH[state] ? `${WORKFLOW_STATE_ZH[state]}（${state}）` : state);

/** A workflow for staff, e.g. 识别 · 已申请 with its overdue alert; `stateText` is the state as the caller names it. */
export const workflowLabel = (kind: string | undefined, stateText: string, alert: string | undefined): string =>
  `${zh(WORKFLOW_KIND_ZH, kind)} · ${stateText}${ALERT_ZH[alert ?? 'none'] ?? ''}`;

/**
 * Staff roles (the `custom:role` claim): the register's names, with the shorter 领导小组 that the
 * console has always shown in its header.
 */
export const ROLE_ZH: Record<string, string> = { ...ROLE_NAMES_ZH, leading_group: '领导小组' };

/** Path and query parameters of the API, for the generic operation forms (the code follows in brackets). */
const PARAM_ZH: Record<string, string> = {
  bankId: '银行编号',
  code: '区划代码',
  county: '区县代码',
  cursor: '翻页游标',
  district: '区县代码',
  format: '格式',
  from: '起始月份',
  hitId: '比对结果编号',
  householdId: '户编号',
  itemId: '政策项目编号',
  job: '任务名称',
  jurisdiction: '适用地区',
  kind: '类别',
  level: '层级',
  limit: '每页条数',
  loanId: '贷款编号',
  memberId: '成员编号',
  metric: '指标',
  name: '姓名',
  noticeId: '公示编号',
  objectionId: '异议编号',
  period: '期间（年-月）',
  region: '区划代码',
  status: '状态',
  target: '目标',
  to: '截止月份',
  type: '类型',
  village: '村代码',
  workflowState: '流程环节',
  year: '年度',
};

/** A parameter's label: its Chinese name with the API's name, e.g. 年度（year）. */
export const paramLabel = (name: string): string => (PARAM_ZH[name] ? `${PARAM_ZH[name]}（${name}）` : name);

/** Evidence kinds (identification's EvidenceKind): the contracts' own names, also in the server's messages. */
export const EVIDENCE_ZH: Record<string, string> = identificationApi.EVIDENCE_NAMES_ZH;

/** Workflow steps (identification's step tables), as the buttons name them. */
export const ACTION_ZH: Record<string, string> = {
  APPLY: '提出申请',
  SURVEY: '入户调查',
  GROUP_REVIEW: '村民小组评议',
  REJECT: '不予通过',
  POST_NOTICE: '发起公示',
  COMPARE: '信息比对',
  ASSEMBLY_REVIEW: '村民代表会议评议',
  TOWN_REVIEW: '镇审核',
  COUNTY_APPROVE: '区县审批',
  REGISTER: '建档立卡',
  PRE_EXIT: '列入拟退出名单',
  APPRAISE: '民主评议',
  VERIFY: '入户核实',
  CONSENT: '贫困户认可',
  REFUSE: '贫困户不认可',
  TOWN_ACCEPT: '镇验收',
  TOWN_APPROVE: '镇审定',
  FILE: '审查备案',
  DEREGISTER: '销号',
  SIGNAL: '纳入监测（发现风险）',
  CHECK: '核查',
  REVIEW: '民主评议',
  CONFIRM: '确认为监测对象',
  COUNTY_DECIDE: '区县认定',
  PRELIM_REVIEW: '初审',
  EVALUATE: '评估',
  APPROVE: '审批',
  MIGRATE: '迁移',
  PROPOSE_NO_POLICY: '提出不再享受政策',
  RE_REGISTER: '返贫重新纳入',
  ELIMINATE_RISK: '风险消除',
  UPDATE: '修改信息',
  OBJECTION_UPHELD: '公示异议成立',
  HELPER_HANDOVER: '帮扶责任人交接',
  MEASURE_ADDED: '登记帮扶措施',
};

/** 致贫原因 (workflows.md §1.1 L114). */
export const CAUSE_ZH: Record<string, string> = {
  '01': '因病',
  '02': '因残',
  '03': '因学',
  '04': '因灾',
  '05': '缺土地',
  '06': '缺水',
  '07': '缺技术',
  '08': '缺劳力',
  '09': '缺资金',
  '10': '交通条件落后',
  '11': '自身发展动力不足',
  '12': '其它',
};
export const EDUCATION_ZH: Record<string, string> = {
  none: '无',
  illiterate: '文盲或半文盲',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中专或职高',
  college: '大专及以上',
  preschool: '学龄前',
};
export const SCHOOLING_ZH: Record<string, string> = {
  none: '不在校',
  preschool: '学前教育',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  college: '大专或本科',
  graduate: '研究生',
};
export const SEX_ZH: Record<string, string> = { male: '男', female: '女' };
/** 两不愁三保障 and safe water (WelfareChecks). */
export const WELFARE_ZH: Record<string, string> = {
  food: '不愁吃',
  clothing: '不愁穿',
  education: '义务教育有保障',
  medical: '基本医疗有保障',
  housing: '住房安全有保障',
  water: '饮水安全有保障',
};
export const MEASURE_KIND_ZH: Record<string, string> = {
  industry: '产业扶贫',
  employment: '就业扶贫',
  education: '教育扶贫',
  health: '健康扶贫',
  housing: '危房改造',
  finance: '金融扶贫',
  'social-security': '社会保障兜底',
  'asset-income': '资产收益',
  relocation: '易地搬迁',
  other: '其他',
};
/** Departments' comparison lists (identification's SOURCES). */
export const COMPARISON_SOURCE_ZH: Record<string, string> = {
  'caizheng-payroll': '财政供养人员',
  'gongan-death': '公安死亡注销',
  'gongan-move': '公安户籍迁移',
  vehicle: '车辆登记（农用车除外）',
  'real-estate': '商品房或其他不动产',
  business: '工商注册（公司或个体）',
  'tax-fund': '纳税、公积金或职工社保',
  finance: '存款、保险或证券',
  'minzheng-dibao': '民政低保名单',
  'minzheng-tekun': '民政特困名单',
  'canlian-disability': '残联持证残疾人',
};
/** Which department uploads which list (identification's SOURCES; the county the block and review lists). */
export const COMPARISON_SOURCE_OWNER: Record<string, string | null> = {
  'caizheng-payroll': 'caizheng',
  'gongan-death': 'gongan',
  'gongan-move': 'gongan',
  vehicle: 'gongan',
  'real-estate': 'zhujian',
  business: 'shichang',
  'tax-fund': 'shuiwu',
  finance: null,
  'minzheng-dibao': 'minzheng',
  'minzheng-tekun': 'minzheng',
  'canlian-disability': 'canlian',
};
export const HOUSING_GRADE_ZH: Record<string, string> = { A: 'A 级（安全）', B: 'B 级（基本安全）', C: 'C 级（局部危险）', D: 'D 级（整体危险）' };

/** Household credit rating (workflows.md §5.4): score items, bands, why a member cannot be rated. */
export const CREDIT_ITEM_ZH: Record<string, string> = scoringApi.CREDIT_ITEM_NAMES_ZH;
export const BAND_ZH: Record<string, string> = { AAA: 'AAA 级（优秀）', AA: 'AA 级（较好）', A: 'A 级（一般）', NONE: '未达授信等级' };
export const RATING_ISSUE_ZH: Record<string, string> = scoringApi.RATING_ISSUE_NAMES_ZH;
export const LOAN_STATUS_ZH: Record<string, string> = { current: '正常', overdue: '逾期', repaid: '已结清' };

/** Notice types (workflows.md §4.2; the service's own names are in each notice's `typeName`). */
export const NOTICE_TYPE_ZH: Record<string, string> = {
  'entry-first': '贫困户识别第一公示',
  'entry-second': '贫困户识别第二公示',
  'entry-announcement': '贫困户识别公告',
  monitoring: '监测对象公示',
  'risk-elimination': '风险消除公示',
  'exit-village-notice': '贫困户退出公示',
  'exit-announcement': '贫困户退出公告',
  'exit-no-policy': '脱贫不再享受政策公示',
  'village-exit-notice': '贫困村退出公示',
  'village-exit-announcement': '贫困村退出公告',
  'housing-list-1': '危房改造一榜公示',
  'housing-list-2': '危房改造二榜公示',
  'housing-list-3': '危房改造三榜公示',
  'dibao-disclosure': '低保公示',
  'fund-disclosure': '资金分配结果公开',
  'project-disclosure': '项目和资金使用公开',
  'asset-income': '资产收益分配公示',
  commendation: '表彰名单',
  'bank-prizes': '银行考核奖励通报',
};
export const NOTICE_STATUS_ZH: Record<string, string> = { draft: '草稿', published: '已发布', closed: '已结束', withdrawn: '已撤回', archived: '已归档' };
/** A line's outcome at close (decisions: Notices 4). */
export const ENTRY_OUTCOME_ZH: Record<string, string> = { clear: '无异议', held: '异议待处理', upheld: '异议成立，已撤回' };
export const OBJECTION_STATUS_ZH: Record<string, string> = { open: '待处理', upheld: '成立', rejected: '不成立' };
export const OBJECTION_CHANNEL_ZH: Record<string, string> = { online: '网上提出', staff: '工作人员代录' };
/** Public fields of a notice line, as the board names them. */
export const NOTICE_FIELD_ZH: Record<string, string> = {
  size: '人口',
  householdSize: '人口',
  attribute: '属性',
  action: '拟办事项',
  year: '年度',
  monitoringType: '监测类型',
  amountYuan: '金额（元）',
};

/** A month's subsidy run (services/subsidy run). */
export const RUN_STATUS_ZH: Record<string, string> = { RUNNING: '计算中', COMPLETED: '已计算，待审核', APPROVED: '已审核', PAID: '已发放' };
export const LINE_STATUS_ZH: Record<string, string> = {
  payable: '应发',
  'missing-facts': '缺少信息',
  excluded: '不享受',
  'not-quantified': '文件未规定金额',
  'not-eligible': '不符合条件',
};
export const PAYMENT_OUTCOME_ZH: Record<string, string> = { paid: '发放成功', failed: '发放失败', corrected: '已更正为失败', unchanged: '与上次相同' };
export const STANDARD_STATUS_ZH: Record<string, string> = { PENDING: '待审核', APPROVED: '已生效', REJECTED: '已退回' };

/** Every catalog fact by its Chinese name (kept complete by packages/web/test/fact-names.test.ts). */
export { FACT_ZH } from './fact-names.js';
