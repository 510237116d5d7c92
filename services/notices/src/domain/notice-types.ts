import type { noticeEvents, RegionLevel, Role } from '@jingzhun/types';

type NoticeType = noticeEvents.NoticeType;

/**
 * The notice types of workflows.md §4.2 as data: who publishes, where, for how long, what a line
 * shows and whether objections are taken. Durations marked [PROP] in the spec are configurable
 * here and nowhere else.
 */
export interface NoticeTypeRule {
  type: NoticeType;
  nameZh: string;
  /** 公示 publishes a proposal, 公告 announces a decision, 公开 discloses (workflows.md §4.1). */
  kind: '公示' | '公告' | '公开';
  /** The publisher as the spec names it. */
  publisherZh: string;
  /** Roles that may create and publish this type by hand (county staff supervise every type). */
  publisherRoles: readonly Role[];
  /** Where it is posted. */
  scope: 'village' | 'town' | 'county';
  /** Allowed levels of the notice's region code. */
  regionLevels: readonly RegionLevel[];
  /** Window length in days (starts the day after posting); null = a disclosure with no window. */
  days: number | null;
  /** The online copy is removed at close, or kept permanently (fund and project disclosures, §4.3). */
  publicCopy: 'until-close' | 'permanent';
  objections: boolean;
  /** Lines name persons (masked online) or units (villages, banks, projects: shown as is). */
  subject: 'person' | 'unit';
  /** Public content fields a line may carry; anything else stays off the public copy. */
  contentFields: readonly string[];
  source: string;
}

// `size` and `year` are the names identification sends (services/identification domain/register.ts).
const HOUSEHOLD = ['householdSize', 'size', 'attribute', 'action', 'year'] as const;
const HOUSING = ['householdSize', 'dangerGrade', 'renovationMode', 'proposedSubsidyYuan', 'stageResult', 'complaintChannel'] as const;

const rules: NoticeTypeRule[] = [
  {
    type: 'entry-first',
    nameZh: '贫困户识别第一公示',
    kind: '公示',
    publisherZh: '村两委',
    publisherRoles: ['village', 'town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSEHOLD,
    source: 'workflows.md §1.3 step 4, §4.2 (ANC §3 [NAT]; 7 days [PROP])',
  },
  {
    type: 'entry-second',
    nameZh: '贫困户识别第二公示',
    kind: '公示',
    publisherZh: '村两委',
    publisherRoles: ['village', 'town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSEHOLD,
    source: 'workflows.md §1.3 step 7, §4.2 (ANC §3 [NAT]; 7 days [PROP])',
  },
  {
    type: 'entry-announcement',
    nameZh: '贫困户识别公告',
    kind: '公告',
    publisherZh: '区县扶贫办',
    publisherRoles: ['county'],
    scope: 'village',
    regionLevels: ['village', 'town', 'county'],
    days: 5,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSEHOLD,
    source: 'workflows.md §1.3 step 10, §4.2 (ANC §3 [NAT]; 5 days [PROP])',
  },
  {
    type: 'monitoring',
    nameZh: '监测对象公示',
    kind: '公示',
    publisherZh: '村两委',
    publisherRoles: ['village', 'town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 5,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: ['monitoringType', 'householdSize', 'size', 'year'],
    source: 'workflows.md §1.4 NOTICED (village only, once, ≥5 days), §4.2',
  },
  {
    type: 'risk-elimination',
    nameZh: '风险消除公示',
    kind: '公示',
    publisherZh: '村两委',
    publisherRoles: ['village', 'town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 5,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: ['monitoringType', 'householdSize', 'size', 'year'],
    source: 'workflows.md §1.4 risk elimination, §4.2',
  },
  {
    type: 'exit-village-notice',
    nameZh: '贫困户退出公示',
    kind: '公示',
    publisherZh: '村两委',
    publisherRoles: ['village', 'town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSEHOLD,
    source: 'seed 000 PN-1 L1044–1050 (在村内公示 7 天。无异议后，报镇（街）); 001 N-1',
  },
  {
    type: 'exit-announcement',
    nameZh: '贫困户退出公告',
    kind: '公告',
    publisherZh: '镇（街）',
    publisherRoles: ['town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 5,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSEHOLD,
    source: 'seed 000 PN-2 L1058–1062 (审核结果在村内公告 5 天); 001 N-2',
  },
  {
    type: 'exit-no-policy',
    nameZh: '脱贫不再享受政策公示',
    kind: '公示',
    publisherZh: '村两委',
    publisherRoles: ['village', 'town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSEHOLD,
    source: 'seed 002 E-2 L31; workflows.md §2.2 (7 days [PROP])',
  },
  {
    type: 'village-exit-notice',
    nameZh: '贫困村退出公示',
    kind: '公示',
    publisherZh: '镇（街）党（工）委、政府（办事处）',
    publisherRoles: ['town'],
    scope: 'village',
    regionLevels: ['village', 'town'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'unit',
    contentFields: ['povertyIncidence', 'incidencePercent', 'town', 'action', 'year'],
    source: 'seed 000 PN-3 L1083–1085 (在村内公示 7 天。公示无异议的，报区扶贫办审验); 001 N-3',
  },
  {
    type: 'village-exit-announcement',
    nameZh: '贫困村退出公告',
    kind: '公告',
    publisherZh: '区扶贫开发领导小组、区扶贫办及镇（街）',
    publisherRoles: ['leading_group', 'town'],
    scope: 'county',
    // Posted at district and town; a request may name the village it concerns (identification does).
    regionLevels: ['county', 'town', 'village'],
    days: 5,
    publicCopy: 'until-close',
    objections: true,
    subject: 'unit',
    contentFields: ['povertyIncidence', 'incidencePercent', 'town', 'action', 'year'],
    source: 'seed 000 PN-4 L1093–1099 (在区、镇（街）公告退出，公告期 5 天); 001 N-4',
  },
  {
    type: 'housing-list-1',
    nameZh: '危房改造一榜公示',
    kind: '公示',
    publisherZh: '村两委',
    publisherRoles: ['village', 'town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSING,
    source: 'seed 000 PN-5 L1702, L1825–1831 (三榜公示; duration unstated, 000 A-4: 7 days [PROP]); workflows.md §3',
  },
  {
    type: 'housing-list-2',
    nameZh: '危房改造二榜公示',
    kind: '公示',
    publisherZh: '镇（街）',
    publisherRoles: ['town'],
    scope: 'town',
    regionLevels: ['village', 'town'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSING,
    source: 'seed 000 PN-5 L1825–1831; 004 PUB-04 L512; workflows.md §3 (7 days [PROP])',
  },
  {
    type: 'housing-list-3',
    nameZh: '危房改造三榜公示',
    kind: '公示',
    publisherZh: '区住建局',
    publisherRoles: ['department'],
    scope: 'county',
    regionLevels: ['village', 'town', 'county'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: HOUSING,
    source: 'seed 000 PN-5 L1825–1831; 004 PUB-04 L512; workflows.md §3 (7 days [PROP])',
  },
  {
    type: 'dibao-disclosure',
    nameZh: '低保对象公示',
    kind: '公示',
    publisherZh: '民政部门（经村两委张贴）',
    publisherRoles: ['department', 'village'],
    scope: 'village',
    regionLevels: ['village'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: ['householdSize', 'category', 'amountYuan'],
    source: 'seed 004 ID-38 L346; workflows.md §4.2 (7 days [PROP])',
  },
  {
    type: 'fund-disclosure',
    nameZh: '扶贫资金分配结果公开',
    kind: '公开',
    publisherZh: '财政部门',
    publisherRoles: ['department', 'town', 'leading_group'],
    scope: 'county',
    regionLevels: ['county', 'town', 'village'],
    days: null,
    publicCopy: 'permanent',
    objections: false,
    subject: 'unit',
    contentFields: ['policy', 'fundSource', 'period', 'households', 'totalYuan', 'allocationYuan', 'purpose', 'documentNo', 'note'],
    source: 'seed 002 P-1 L55; 004 PUB-01/02 L409–411; seed 000 PN-7 L3783–3785; workflows.md §4.2 (permanent)',
  },
  {
    type: 'project-disclosure',
    nameZh: '扶贫项目和资金使用公开',
    kind: '公开',
    publisherZh: '镇（街）、村两委',
    publisherRoles: ['town', 'village'],
    scope: 'town',
    regionLevels: ['county', 'town', 'village'],
    days: 7,
    publicCopy: 'permanent',
    objections: false,
    subject: 'unit',
    contentFields: ['fundsYuan', 'fundSource', 'beneficiaryHouseholds', 'beneficiaryPersons', 'progress', 'implementer', 'note'],
    source: 'seed 002 P-2; 003 PN-3 L775; 004 PUB-07 L776; workflows.md §4.2 (≥7 days on the board [PROP], archive kept)',
  },
  {
    type: 'asset-income',
    nameZh: '光伏及资产收益分配公示',
    kind: '公示',
    publisherZh: '村两委',
    publisherRoles: ['village', 'town'],
    scope: 'village',
    regionLevels: ['village'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: ['householdSize', 'amountYuan'],
    source: 'ANC §3; seed 004 SUB-76 L1272; workflows.md §4.2 (7 days [PROP])',
  },
  {
    type: 'commendation',
    nameZh: '表彰名单公示',
    kind: '公示',
    publisherZh: '扶贫开发领导小组',
    publisherRoles: ['leading_group'],
    scope: 'county',
    regionLevels: ['county', 'town', 'village'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'person',
    contentFields: ['unit', 'honour'],
    source: 'seed 002 P-4 L205; 004 PUB-13; workflows.md §4.2 (7 days [PROP])',
  },
  {
    type: 'bank-prizes',
    nameZh: '银行业金融机构考核奖励通报',
    kind: '公示',
    publisherZh: '区政府（金融办）',
    publisherRoles: ['finance_office', 'leading_group'],
    scope: 'county',
    regionLevels: ['county'],
    days: 7,
    publicCopy: 'until-close',
    objections: true,
    subject: 'unit',
    contentFields: ['prize', 'score', 'total', 'rank', 'amountYuan'],
    source: 'seed 000 BK-3, BK-6 L4268–4287; workflows.md §4.2 (7 days [PROP])',
  },
];

export const NOTICE_TYPE_RULES: Readonly<Record<NoticeType, NoticeTypeRule>> = Object.fromEntries(rules.map((rule) => [rule.type, rule])) as Record<NoticeType, NoticeTypeRule>;

export function ruleOf(type: NoticeType): NoticeTypeRule {
  return NOTICE_TYPE_RULES[type];
}

/** County staff (区县扶贫办) supervise every notice type of their county. */
export function mayPublish(rule: NoticeTypeRule, role: Role): boolean {
  return role === 'county' || rule.publisherRoles.includes(role);
}

/** Column headings of the content fields (printed board, export). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  householdSize: '家庭人口',
  size: '家庭人口',
  year: '年度',
  incidencePercent: '贫困发生率（%）',
  total: '总分',
  attribute: '贫困户属性',
  action: '拟办事项',
  monitoringType: '监测类型',
  povertyIncidence: '贫困发生率',
  town: '所属镇（街）',
  dangerGrade: '危险等级',
  renovationMode: '改造方式',
  proposedSubsidyYuan: '拟补助金额（元）',
  stageResult: '本环节结果',
  complaintChannel: '监督电话',
  category: '类别',
  amountYuan: '金额（元）',
  policy: '政策依据',
  fundSource: '资金来源',
  totalYuan: '资金总额（元）',
  allocationYuan: '分配金额（元）',
  purpose: '用途',
  documentNo: '文号',
  note: '备注',
  fundsYuan: '资金（元）',
  beneficiaryHouseholds: '受益户数',
  beneficiaryPersons: '受益人数',
  progress: '进度',
  implementer: '实施单位',
  unit: '单位',
  honour: '表彰称号',
  prize: '奖项',
  score: '得分',
  rank: '名次',
};
