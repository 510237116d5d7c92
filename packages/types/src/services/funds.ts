import * as z from 'zod';
import { REGIONAL_ROLES, Role } from '../auth.js';
import { defineContract, PageQuery, pageOf } from '../contracts.js';
import { IsoDate, Period } from '../period.js';
import { RegionCode } from '../region.js';

/**
 * HTTP contracts of the funds service (issue 16): funds received and allocated by the factor
 * method, the ledger, the project library and its steps, payments, the asset register, asset
 * income and its distribution to households, and monitoring. Owned by the funds service.
 */

// ── Vocabularies (the domain imports these; names in Chinese live with the domain) ──────────
export const FUND_LEVELS = ['central', 'province', 'city', 'county'] as const;
export const PROJECT_TYPES = ['industry', 'infrastructure', 'workshop', 'pv', 'housing', 'education', 'other'] as const;
export const PROJECT_STATES = ['RESERVE', 'REJECTED', 'APPROVED', 'IN_PROGRESS', 'ACCEPTED', 'HANDED_OVER'] as const;
export const LINK_TYPES = ['employment', 'dividend', 'shares', 'rent', 'service'] as const;
export const EVIDENCE_KINDS = [
  'proposal',
  'meeting-minutes',
  'appraisal',
  'implementation-plan',
  'contract',
  'progress-photo',
  'invoice',
  'acceptance-report',
  'handover',
  'other',
] as const;
export const COLLECTIVE_FUNDS = ['village-poverty-fund', 'filial-piety-fund'] as const;
export const ENTRY_KINDS = ['received', 'allocated', 'committed', 'released', 'disbursed'] as const;

/** Chinese names of the vocabularies (shown by the console, used in the service's messages). */
export const PROJECT_TYPE_NAMES: Record<(typeof PROJECT_TYPES)[number], string> = {
  industry: '产业项目',
  infrastructure: '基础设施',
  workshop: '扶贫车间',
  pv: '光伏扶贫电站',
  housing: '住房安全',
  education: '教育扶贫',
  other: '其他',
};
export const PROJECT_STATE_NAMES: Record<(typeof PROJECT_STATES)[number], string> = {
  RESERVE: '项目储备',
  REJECTED: '未入选',
  APPROVED: '已立项',
  IN_PROGRESS: '组织实施',
  ACCEPTED: '竣工验收',
  HANDED_OVER: '建后管护',
};
export const LINK_TYPE_NAMES: Record<(typeof LINK_TYPES)[number], string> = {
  employment: '务工就业',
  dividend: '分红',
  shares: '折股量化',
  rent: '土地房屋租金',
  service: '生产服务',
};
export const EVIDENCE_KIND_NAMES: Record<(typeof EVIDENCE_KINDS)[number], string> = {
  proposal: '项目申报书',
  'meeting-minutes': '会议纪要',
  appraisal: '论证评审意见',
  'implementation-plan': '实施方案',
  contract: '施工或采购合同',
  'progress-photo': '进度照片',
  invoice: '发票及报账单据',
  'acceptance-report': '竣工验收报告',
  handover: '资产移交书',
  other: '其他材料',
};
export const COLLECTIVE_FUND_NAMES: Record<(typeof COLLECTIVE_FUNDS)[number], string> = {
  'village-poverty-fund': '村扶贫基金',
  'filial-piety-fund': '孝善养老基金',
};

/** Reads: the regional line and departments (区财政局 pays, sector departments propose and implement). */
const READERS = [...REGIONAL_ROLES, 'department'] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);
/** An amount in fen: a positive safe integer. */
export const AmountFen = z.number().int({ message: '金额须为整数分' }).min(1, { message: '金额须大于零' }).max(Number.MAX_SAFE_INTEGER);
const Version = z.number().int().min(1);
const County = z.object({ region: RegionCode });

export const Evidence = z.object({ kind: z.enum(EVIDENCE_KINDS), ref: Text(200), note: z.string().max(500).optional() });
export const Beneficiary = z.object({ householdId: Text(64), link: z.enum(LINK_TYPES), shares: z.number().int().min(1).max(1000).default(1) });

// ── Funds, allocation and the ledger ───────────────────────────────────────────────────────
export const Pot = z.object({
  potId: z.string(),
  fundId: z.string(),
  region: z.string(),
  inFen: z.number().int(),
  availableFen: z.number().int(),
  allocatedOutFen: z.number().int(),
  committedFen: z.number().int(),
  disbursedFen: z.number().int(),
  arrivedOn: z.string(),
  lastCommittedOn: z.string().nullable(),
  version: z.number().int(),
});

export const Fund = z.object({
  fundId: z.string(),
  region: z.string(),
  year: z.number().int(),
  level: z.enum(FUND_LEVELS),
  title: z.string(),
  documentNo: z.string(),
  purpose: z.string(),
  amountFen: z.number().int(),
  receivedOn: z.string(),
  /** Integrated into the county's 资金池 (seed 004 SUB-87 L405). */
  pooled: z.boolean(),
  createdBy: z.string(),
});

export const FundDetail = Fund.extend({ pots: z.array(Pot), allocations: z.array(z.lazy(() => Allocation)) });

export const receiveFund = defineContract({
  id: 'funds.receiveFund',
  method: 'POST',
  path: '/funds/funds',
  summary: '登记上级下达或本级安排的扶贫资金（级次、文号、金额、用途、到位日期）',
  auth: 'staff',
  roles: ['county', 'department'],
  departments: ['caizheng'],
  body: z.object({
    region: RegionCode,
    year: z.number().int().min(2014).max(2035),
    level: z.enum(FUND_LEVELS),
    title: Text(100),
    documentNo: Text(60),
    purpose: Text(200),
    amountFen: AmountFen,
    receivedOn: IsoDate,
    pooled: z.boolean().default(true),
  }),
  response: FundDetail,
});

export const listFunds = defineContract({
  id: 'funds.listFunds',
  method: 'GET',
  path: '/funds/funds',
  summary: '辖区资金台账（到位、分配、安排、拨付、结余）',
  auth: 'staff',
  roles: READERS,
  query: z.object({ region: RegionCode, year: z.coerce.number().int().min(2014).max(2035).optional() }),
  response: z.object({ items: z.array(Fund.extend({ pots: z.array(Pot) })) }),
});

export const getFund = defineContract({
  id: 'funds.getFund',
  method: 'GET',
  path: '/funds/funds/{fundId}',
  summary: '一笔资金的到位、切块分配（含因素法说明）与各级结余',
  auth: 'staff',
  roles: READERS,
  params: z.object({ fundId: Text(40) }),
  response: FundDetail,
});

export const Factor = z.object({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  nameZh: Text(60),
  weight: z.number().int().min(1).max(1000),
  direction: z.enum(['direct', 'inverse']),
  source: Text(200),
});
export const FactorSet = z.object({ id: z.string(), version: z.number().int(), nameZh: z.string(), factors: z.array(Factor), basis: z.string() });

export const getFactorSet = defineContract({
  id: 'funds.getFactorSet',
  method: 'GET',
  path: '/funds/factor-sets/{region}',
  summary: '因素法分配因素与权重（现行版本及历史）',
  auth: 'staff',
  roles: READERS,
  params: County,
  response: z.object({ current: FactorSet, versions: z.array(FactorSet.extend({ by: z.string(), at: z.string() })) }),
});

export const putFactorSet = defineContract({
  id: 'funds.putFactorSet',
  method: 'POST',
  path: '/funds/factor-sets/{region}',
  summary: '发布新版本的分配因素与权重（区县扶贫办，保留历史）',
  auth: 'staff',
  roles: ['county'],
  params: County,
  body: z.object({ nameZh: Text(60), factors: z.array(Factor).min(1).max(10), basis: Text(300), expectedVersion: z.number().int().min(1) }),
  response: FactorSet,
});

export const AllocationLine = z.object({
  region: z.string(),
  name: z.string(),
  amountFen: z.number().int(),
  explanation: z.array(
    z.object({ code: z.string(), nameZh: z.string(), value: z.number(), sharePpm: z.number().int(), weight: z.number().int(), contributionFen: z.number().int() }),
  ),
});
export const Allocation = z.object({
  allocationId: z.string(),
  fundId: z.string(),
  fromRegion: z.string(),
  amountFen: z.number().int(),
  factorSet: z.object({ id: z.string(), version: z.number().int() }),
  lines: z.array(AllocationLine),
  allocatedOn: z.string(),
  by: z.string(),
});

const AllocationBody = z.object({
  fromRegion: RegionCode,
  amountFen: AmountFen,
  factorSetVersion: z.number().int().min(1),
  recipients: z
    .array(z.object({ region: RegionCode, name: Text(40), values: z.record(z.string().max(40), z.number().min(0).max(Number.MAX_SAFE_INTEGER)) }))
    .min(1)
    .max(60),
});

export const previewAllocation = defineContract({
  id: 'funds.previewAllocation',
  method: 'POST',
  path: '/funds/funds/{fundId}/allocations/preview',
  summary: '试算因素法分配（不记账）',
  auth: 'staff',
  roles: ['county'],
  params: z.object({ fundId: Text(40) }),
  body: AllocationBody,
  response: z.object({ lines: z.array(AllocationLine) }),
});

export const allocateFund = defineContract({
  id: 'funds.allocateFund',
  method: 'POST',
  path: '/funds/funds/{fundId}/allocations',
  summary: '按因素法切块分配到镇（街）或村并公开分配结果',
  auth: 'staff',
  roles: ['county'],
  params: z.object({ fundId: Text(40) }),
  body: AllocationBody.extend({ expectedPotVersion: Version }),
  response: Allocation,
});

export const LedgerEntry = z.object({
  entryId: z.string(),
  kind: z.enum(ENTRY_KINDS),
  fundId: z.string(),
  from: z.string(),
  to: z.string(),
  amountFen: z.number().int(),
  on: z.string(),
  at: z.string(),
  by: z.string(),
  projectId: z.string().optional(),
  note: z.string().optional(),
});

export const listEntries = defineContract({
  id: 'funds.listEntries',
  method: 'GET',
  path: '/funds/funds/{fundId}/entries',
  summary: '资金流水（每笔记账分录，平衡校验）',
  auth: 'staff',
  roles: READERS,
  params: z.object({ fundId: Text(40) }),
  query: PageQuery,
  response: pageOf(LedgerEntry).extend({ balanced: z.boolean() }),
});

// ── Projects ───────────────────────────────────────────────────────────────────────────────
export const Milestone = z.object({ name: Text(60), date: IsoDate, progressPercent: z.number().int().min(1).max(100), evidence: z.array(Evidence).max(10) });
export const Project = z.object({
  projectId: z.string(),
  name: z.string(),
  type: z.enum(PROJECT_TYPES),
  region: z.string(),
  proposer: z.object({ role: Role, name: z.string(), department: z.string().optional() }),
  implementer: z.string(),
  year: z.number().int(),
  budgetFen: z.number().int(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  description: z.string(),
  beneficiaries: z.array(z.object({ householdId: z.string(), link: z.enum(LINK_TYPES), shares: z.number().int(), headName: z.string().optional() })),
  state: z.enum(PROJECT_STATES),
  stateSince: z.string(),
  meeting: z.object({ date: z.string(), body: z.string(), decision: z.string() }).optional(),
  milestones: z.array(Milestone),
  steps: z.array(z.object({ action: z.string(), at: z.string(), by: z.string(), role: Role, evidence: z.array(Evidence), note: z.string().optional() })),
  accounts: z.record(z.string(), z.object({ committedFen: z.number().int(), disbursedFen: z.number().int() })),
  committedFen: z.number().int(),
  disbursedFen: z.number().int(),
  assetId: z.string().optional(),
  version: z.number().int(),
});

const ProjectFields = z.object({
  name: Text(80),
  type: z.enum(PROJECT_TYPES),
  region: RegionCode,
  implementer: Text(80),
  year: z.number().int().min(2014).max(2035),
  budgetFen: AmountFen,
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  description: Text(1000),
  beneficiaries: z.array(Beneficiary).max(80),
});

export const proposeProject = defineContract({
  id: 'funds.proposeProject',
  method: 'POST',
  path: '/funds/projects',
  summary: '申报项目入库（项目储备）',
  auth: 'staff',
  roles: ['village', 'town', 'department', 'county'],
  body: ProjectFields.extend({ evidence: z.array(Evidence).min(1).max(10) }),
  response: Project,
});

export const updateProject = defineContract({
  id: 'funds.updateProject',
  method: 'PATCH',
  path: '/funds/projects/{projectId}',
  summary: '修改储备项目（立项后不能修改）',
  auth: 'staff',
  roles: ['village', 'town', 'department', 'county'],
  params: z.object({ projectId: Text(40) }),
  body: z
    .object({
      name: Text(80).optional(),
      implementer: Text(80).optional(),
      budgetFen: AmountFen.optional(),
      plannedStart: IsoDate.optional(),
      plannedEnd: IsoDate.optional(),
      description: Text(1000).optional(),
      beneficiaries: z.array(Beneficiary).max(80).optional(),
      expectedVersion: Version,
      reason: Text(300),
    })
    .strict(),
  response: Project,
});

export const listProjects = defineContract({
  id: 'funds.listProjects',
  method: 'GET',
  path: '/funds/projects',
  summary: '项目库（按区划、阶段）',
  auth: 'staff',
  roles: READERS,
  query: z.object({ region: RegionCode, state: z.enum(PROJECT_STATES).optional(), year: z.coerce.number().int().min(2014).max(2035).optional() }),
  response: z.object({ items: z.array(Project) }),
});

export const getProject = defineContract({
  id: 'funds.getProject',
  method: 'GET',
  path: '/funds/projects/{projectId}',
  summary: '项目详情（各环节、进度、资金、受益户）',
  auth: 'staff',
  roles: READERS,
  params: z.object({ projectId: Text(40) }),
  response: Project.extend({ payments: z.array(z.lazy(() => Payment)) }),
});

const StepBase = { evidence: z.array(Evidence).max(10).default([]), note: z.string().max(500).optional(), expectedVersion: Version };
export const StepBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('approve'),
    ...StepBase,
    meeting: z.object({ date: IsoDate, body: Text(80), decision: Text(300) }),
    commitments: z
      .array(z.object({ potId: Text(60), amountFen: AmountFen }))
      .max(5)
      .default([]),
  }),
  z.object({ action: z.literal('reject'), ...StepBase, note: Text(500) }),
  z.object({ action: z.literal('start'), ...StepBase }),
  z.object({ action: z.literal('milestone'), ...StepBase, milestone: z.object({ name: Text(60), date: IsoDate, progressPercent: z.number().int().min(1).max(100) }) }),
  z.object({ action: z.literal('accept'), ...StepBase }),
  z.object({
    action: z.literal('handover'),
    ...StepBase,
    asset: z.object({
      name: Text(80),
      owner: Text(80).default('村集体经济组织'),
      operator: Text(80).optional(),
      maintainer: Text(80).optional(),
      supervisor: Text(80).optional(),
      valueFen: AmountFen,
      rule: z.object({ collectivePercent: z.number().int().min(0).max(100), collectiveFund: z.enum(COLLECTIVE_FUNDS) }),
    }),
  }),
]);

export const stepProject = defineContract({
  id: 'funds.stepProject',
  method: 'POST',
  path: '/funds/projects/{projectId}/steps',
  summary: '办理项目环节（立项、实施、进度、验收、移交），附材料',
  auth: 'staff',
  roles: ['village', 'town', 'department', 'county'],
  params: z.object({ projectId: Text(40) }),
  body: StepBody,
  response: Project,
});

export const commitFunds = defineContract({
  id: 'funds.commitFunds',
  method: 'POST',
  path: '/funds/projects/{projectId}/commitments',
  summary: '为已立项项目安排（或调减）资金',
  auth: 'staff',
  roles: ['county'],
  params: z.object({ projectId: Text(40) }),
  body: z.object({ potId: Text(60), amountFen: AmountFen, release: z.boolean().default(false), reason: Text(300), expectedVersion: Version }),
  response: Project,
});

export const Payment = z.object({
  paymentId: z.string(),
  projectId: z.string(),
  potId: z.string(),
  fundId: z.string(),
  amountFen: z.number().int(),
  payee: z.string(),
  paidOn: z.string(),
  milestone: z.string().optional(),
  evidence: z.array(Evidence),
  by: z.string(),
});

export const payProject = defineContract({
  id: 'funds.payProject',
  method: 'POST',
  path: '/funds/projects/{projectId}/payments',
  summary: '按进度报账拨付项目资金（不超过安排资金与预算）',
  auth: 'staff',
  roles: ['county', 'department'],
  departments: ['caizheng'],
  params: z.object({ projectId: Text(40) }),
  body: z.object({
    potId: Text(60),
    amountFen: AmountFen,
    payee: Text(80),
    paidOn: IsoDate,
    milestone: Text(60).optional(),
    evidence: z.array(Evidence).min(1).max(10),
    expectedVersion: Version,
  }),
  response: z.object({ project: Project, payment: Payment }),
});

// ── Assets, income and distribution ────────────────────────────────────────────────────────
export const Asset = z.object({
  assetId: z.string(),
  projectId: z.string(),
  name: z.string(),
  type: z.enum(PROJECT_TYPES),
  region: z.string(),
  owner: z.string(),
  operator: z.string().nullable(),
  maintainer: z.string().nullable(),
  supervisor: z.string().nullable(),
  valueFen: z.number().int(),
  registeredOn: z.string(),
  rule: z.object({ collectivePercent: z.number().int(), collectiveFund: z.enum(COLLECTIVE_FUNDS) }),
  beneficiaries: z.array(z.object({ householdId: z.string(), link: z.enum(LINK_TYPES), shares: z.number().int() })),
  recordedFen: z.number().int(),
  distributedFen: z.number().int(),
  collectiveFen: z.record(z.string(), z.number().int()),
  version: z.number().int(),
});

export const Income = z.object({
  incomeId: z.string(),
  assetId: z.string(),
  period: z.string(),
  amountFen: z.number().int(),
  source: z.string(),
  evidence: z.array(Evidence),
  at: z.string(),
  by: z.string(),
});
export const Distribution = z.object({
  distributionId: z.string(),
  assetId: z.string(),
  period: z.string(),
  amountFen: z.number().int(),
  collectiveFen: z.number().int(),
  collectiveFund: z.enum(COLLECTIVE_FUNDS),
  lines: z.array(
    z.object({
      householdId: z.string(),
      headName: z.string().optional(),
      link: z.enum(LINK_TYPES),
      shares: z.number().int(),
      amountFen: z.number().int(),
      incomeKind: z.enum(['wage', 'property']),
    }),
  ),
  distributedOn: z.string(),
  by: z.string(),
});

export const listAssets = defineContract({
  id: 'funds.listAssets',
  method: 'GET',
  path: '/funds/assets',
  summary: '扶贫资产登记管理台账',
  auth: 'staff',
  roles: READERS,
  query: z.object({ region: RegionCode }),
  response: z.object({ items: z.array(Asset) }),
});

export const getAsset = defineContract({
  id: 'funds.getAsset',
  method: 'GET',
  path: '/funds/assets/{assetId}',
  summary: '资产详情（收益登记与分配记录）',
  auth: 'staff',
  roles: READERS,
  params: z.object({ assetId: Text(40) }),
  response: Asset.extend({ incomes: z.array(Income), distributions: z.array(Distribution) }),
});

export const updateAssetManagers = defineContract({
  id: 'funds.updateAssetManagers',
  method: 'PATCH',
  path: '/funds/assets/{assetId}',
  summary: '明确资产的运营、管护和监管主体（seed 002 L51）',
  auth: 'staff',
  roles: ['county', 'town'],
  params: z.object({ assetId: Text(40) }),
  body: z.object({ operator: Text(80).optional(), maintainer: Text(80).optional(), supervisor: Text(80).optional(), reason: Text(300), expectedVersion: Version }).strict(),
  response: Asset,
});

export const recordIncome = defineContract({
  id: 'funds.recordIncome',
  method: 'POST',
  path: '/funds/assets/{assetId}/incomes',
  summary: '登记资产收益（如光伏电费按月结算）',
  auth: 'staff',
  roles: ['village', 'town', 'county'],
  params: z.object({ assetId: Text(40) }),
  body: z.object({ period: Period, amountFen: AmountFen, source: Text(100), evidence: z.array(Evidence).min(1).max(5), expectedVersion: Version }),
  response: Asset,
});

export const distributeIncome = defineContract({
  id: 'funds.distributeIncome',
  method: 'POST',
  path: '/funds/assets/{assetId}/distributions',
  summary: '按分配规则分配资产收益到受益户与村集体，并在村内公示',
  auth: 'staff',
  roles: ['village', 'town', 'county'],
  params: z.object({ assetId: Text(40) }),
  body: z.object({ period: Period, amountFen: AmountFen, expectedVersion: Version }),
  response: Distribution,
});

export const householdBenefits = defineContract({
  id: 'funds.householdBenefits',
  method: 'GET',
  path: '/funds/households/{householdId}/benefits',
  summary: '农户享受的项目带动与资产收益（户卡）',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: z.object({ householdId: Text(64) }),
  response: z.object({
    householdId: z.string(),
    items: z.array(
      z.object({
        distributionId: z.string(),
        assetId: z.string(),
        assetName: z.string(),
        period: z.string(),
        amountFen: z.number().int(),
        link: z.enum(LINK_TYPES),
        incomeKind: z.enum(['wage', 'property']),
        distributedOn: z.string(),
      }),
    ),
    totalFen: z.number().int(),
  }),
});

// ── Monitoring ─────────────────────────────────────────────────────────────────────────────
export const monitoring = defineContract({
  id: 'funds.monitoring',
  method: 'GET',
  path: '/funds/monitoring',
  summary: '资金监控：支出进度、闲置资金、超期环节、资产运管、疑似挪用和虚报冒领',
  auth: 'staff',
  roles: READERS,
  query: z.object({ region: RegionCode }),
  response: z.object({
    today: z.string(),
    progress: z.array(
      z.object({
        potId: z.string(),
        fundTitle: z.string(),
        region: z.string(),
        baseFen: z.number().int(),
        disbursedFen: z.number().int(),
        expectedFen: z.number().int(),
        progressPermille: z.number().int(),
        status: z.enum(['on-track', 'at-risk', 'behind']),
      }),
    ),
    flags: z.array(z.object({ code: z.string(), nameZh: z.string(), rule: z.string(), subject: z.string(), region: z.string(), detail: z.string() })),
  }),
});

// ── The public project page (issue 16: budget, progress, beneficiaries masked, money spent) ──────

/** Projects the public sees: from 立项 on (a reserve proposal or a rejected one is not yet a decision of anyone). */
export const PUBLIC_PROJECT_STATES = ['APPROVED', 'IN_PROGRESS', 'ACCEPTED', 'HANDED_OVER'] as const satisfies readonly (typeof PROJECT_STATES)[number][];

export const PublicProjectSummary = z.object({
  projectId: z.string(),
  name: z.string(),
  typeName: z.string(),
  region: z.string(),
  year: z.number().int(),
  stateName: z.string(),
  budgetFen: z.number().int(),
  disbursedFen: z.number().int(),
  progressPercent: z.number().int(),
});

export const PublicProject = PublicProjectSummary.extend({
  implementer: z.string(),
  description: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  stateSince: z.string(),
  committedFen: z.number().int(),
  milestones: z.array(z.object({ name: z.string(), date: z.string(), progressPercent: z.number().int() })),
  /** Beneficiary households: how many, by link type, and each head's name masked (no ids, no numbers). */
  beneficiaries: z.object({
    households: z.number().int(),
    byLink: z.array(z.object({ linkName: z.string(), households: z.number().int() })),
    heads: z.array(z.object({ maskedName: z.string(), linkName: z.string() })),
  }),
  /** Money paid out, by date (amount only: payees and accounts are not public). */
  payments: z.array(z.object({ paidOn: z.string(), amountFen: z.number().int() })),
});

export const publicProject = defineContract({
  id: 'funds.publicProject',
  method: 'GET',
  path: '/public/funds/projects/{projectId}',
  summary: '扶贫项目公开：预算、进度、受益户（姓名已隐去）和已拨付资金',
  auth: 'public',
  params: z.object({ projectId: Text(40) }),
  response: PublicProject,
});

export const publicRegionProjects = defineContract({
  id: 'funds.publicRegionProjects',
  method: 'GET',
  path: '/public/funds/regions/{code}/projects',
  summary: '本村（镇）已立项的扶贫项目',
  auth: 'public',
  params: z.object({ code: RegionCode }),
  response: z.object({ items: z.array(PublicProjectSummary) }),
});
