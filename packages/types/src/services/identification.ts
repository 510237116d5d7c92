import * as z from 'zod';
import { REGIONAL_ROLES } from '../auth.js';
import { BankAccountInput, BankAccountMasked } from '../bank-account.js';
import { defineContract, PageQuery, pageOf, patchOf } from '../contracts.js';
import { Colour, HouseholdAttribute, IdentificationStandard, MonitorType, PovertyCause, RegisterStatus, WelfareChecks } from '../events/identification.js';
import { SignedUpload, UPLOAD_CONTENT_TYPES, UploadRequest } from '../files.js';
import { IdNumber } from '../id-number.js';
import { IsoDate } from '../period.js';
import { REGION_LEVELS, RegionCode } from '../region.js';

/** Region directory (区划目录): the proving capability of the platform. */
export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parent: z.string().optional(),
  /** 省定 / 市定 key village (扶贫工作重点村), seed 000 OT-3. */
  keyVillage: z.enum(['provincial', 'municipal']).optional(),
  childCount: z.number().int(),
});
export type Region = z.infer<typeof Region>;

export const RegionDetail = Region.extend({
  path: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const getRegion = defineContract({
  id: 'identification.getRegion',
  method: 'GET',
  path: '/regions/{code}',
  summary: '查询区划（含上级路径）',
  auth: 'staff',
  params: z.object({ code: RegionCode }),
  response: RegionDetail,
});

export const listRegionChildren = defineContract({
  id: 'identification.listRegionChildren',
  method: 'GET',
  path: '/regions/{code}/children',
  summary: '查询下级区划',
  auth: 'staff',
  params: z.object({ code: RegionCode }),
  response: z.object({ items: z.array(Region) }),
});

// ---------------------------------------------------------------------------------------------
// Register (建档立卡): households, members, workflows. Personal data stays on staff routes; ID
// numbers are masked in every response (370405************, beside the birth year only).
// ---------------------------------------------------------------------------------------------

const VillageCode = RegionCode.refine((code) => code.slice(9) !== '000', { message: '须为村级区划代码' });
const Text = (max: number) => z.string().trim().min(1).max(max);
/** Yearly amount in fen; ≥ 0 and at most 1,000万元 (an amount above is absurd for a rural household). */
const YearlyFen = z.number().int({ message: '金额须为整数分' }).min(0, { message: '收入不能为负' }).max(1_000_000_000, { message: '金额不合理（超过1000万元）' });

export const EDUCATION_LEVELS = ['none', 'illiterate', 'primary', 'junior', 'senior', 'vocational', 'college', 'preschool'] as const;

export const MemberInput = z.object({
  name: Text(40),
  idNumber: IdNumber,
  relation: z.enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other']),
  /** 文化程度 */
  education: z.enum(EDUCATION_LEVELS).default('none'),
  schooling: z.enum(['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college', 'graduate']).default('none'),
  health: z.enum(['healthy', 'chronic', 'serious', 'disabled']).default('healthy'),
  disabilityGrade: z.number().int().min(1).max(4).nullable().default(null),
  laborCapacity: z.enum(['full', 'partial', 'none']).default('full'),
  medicalInsurance: z.boolean().default(true),
  pensionInsurance: z.boolean().default(false),
  /** 一卡通 account the member's subsidies are paid into (optional; shown masked everywhere). */
  account: BankAccountInput.optional(),
});
export type MemberInput = z.infer<typeof MemberInput>;

/** Income by source for one survey year, in fen (ANC §1: wage + business + transfers + property − costs). */
export const IncomeInput = z.object({
  year: z.number().int().min(2010).max(2030),
  wageFen: YearlyFen,
  businessFen: YearlyFen,
  businessCostFen: YearlyFen,
  transferFen: YearlyFen,
  /** One-off transfers inside transferFen (excluded from the exit test: "stably"). */
  oneOffTransferFen: YearlyFen.default(0),
  propertyFen: YearlyFen,
});
export type IncomeInput = z.infer<typeof IncomeInput>;

export const HousingInput = z.object({
  dangerGrade: z.enum(['A', 'B', 'C', 'D']).nullable().default(null),
  areaM2: z.number().min(0).max(2000).optional(),
  safeDrinkingWater: z.boolean(),
  electricity: z.boolean().default(true),
  roadAccess: z.boolean().default(true),
  sanitaryToilet: z.boolean().default(false),
});
export type HousingInput = z.infer<typeof HousingInput>;

export const EvidenceKind = z.enum([
  'application',
  'authorisation',
  'survey',
  'photos',
  'minutes',
  'vote',
  'notice',
  'comparison',
  'review-form',
  'approval',
  'nsys-receipt',
  'list',
  'verification',
  'consent',
  'refusal',
  'acceptance-minutes',
  'approved-list',
  'filing',
  'decision',
  'hardship-report',
  'birth-certificate',
  'death-certificate',
  'marriage-certificate',
  'hukou-record',
  'handover',
  'acceptance-report',
  'other',
]);
export type EvidenceKind = z.infer<typeof EvidenceKind>;
/** The Chinese name of each evidence kind (messages and pages). */
export const EVIDENCE_NAMES_ZH: Record<EvidenceKind, string> = {
  application: '申请书',
  authorisation: '授权书',
  survey: '入户调查表',
  photos: '入户照片',
  minutes: '会议记录',
  vote: '表决结果',
  notice: '公示材料',
  comparison: '比对结果',
  'review-form': '审核表',
  approval: '审批文件',
  'nsys-receipt': '国家系统回执',
  list: '名单',
  verification: '核实记录',
  consent: '认可书',
  refusal: '不认可记录',
  'acceptance-minutes': '验收记录',
  'approved-list': '批准名单',
  filing: '备案材料',
  decision: '决定书',
  'hardship-report': '困难报告',
  'birth-certificate': '出生证明',
  'death-certificate': '死亡证明',
  'marriage-certificate': '结婚证',
  'hukou-record': '户籍记录',
  handover: '交接记录',
  'acceptance-report': '验收报告',
  other: '其他材料',
};
/** An evidence item: what it is, its title or document number, and the uploaded file it refers to (requestEvidenceUpload). */
export const Evidence = z.object({
  kind: EvidenceKind,
  ref: Text(200),
  note: z.string().max(500).optional(),
  fileId: z
    .string()
    .regex(/^[0-9A-Z]{26}$/, { message: '文件编号格式不正确' })
    .optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** A villagers' representative meeting (quorum ≥ 2/3 present, workflows.md §1.1 VRA). */
export const Meeting = z.object({ date: IsoDate, total: z.number().int().min(1), present: z.number().int().min(0), inFavour: z.number().int().min(0) });

export const HelperInput = z.object({
  name: Text(40),
  unit: Text(80),
  phone: z
    .string()
    .regex(/^\d{7,12}$/)
    .optional(),
  from: IsoDate,
});
export const MeasureInput = z.object({
  kind: z.enum(['industry', 'employment', 'education', 'health', 'housing', 'finance', 'social-security', 'asset-income', 'relocation', 'other']),
  description: Text(200),
  year: z.number().int().min(2014).max(2030),
  amountFen: YearlyFen.optional(),
});

const householdFields = {
  group: Text(20),
  phone: z
    .string()
    .regex(/^\d{7,12}$/)
    .optional(),
  mainCause: PovertyCause,
  secondaryCauses: z.array(PovertyCause).max(2).default([]),
  standard: IdentificationStandard.optional(),
  income: IncomeInput,
  welfare: WelfareChecks,
  housing: HousingInput,
};

/**
 * 低保 and 特困 status come from 民政 (workflows.md §1.1 "Sources of truth"; 004 ID-23 L904) and the
 * attribute derived from them is never typed in: the household form refuses them. They are set by
 * 民政 itself (`setMinzhengStatus`) or by a confirmed hit of 民政's comparison list.
 */
export const MINZHENG_ONLY_MESSAGE = '低保、特困身份由民政部门认定（民政部门录入或民政比对名单确认），不能在农户信息中填写';
const MinzhengOnly = z.never({ error: MINZHENG_ONLY_MESSAGE }).optional();
const minzhengFlagsRefused = { dibao: MinzhengOnly, tekun: MinzhengOnly };

export const CreateHouseholdBody = z.object({
  region: VillageCode,
  ...householdFields,
  ...minzhengFlagsRefused,
  members: z.array(MemberInput).min(1).max(20),
  helper: HelperInput.optional(),
  evidence: z.array(Evidence).default([]),
  /** entry: 建档立卡 application (workflows.md §1.3). monitoring: a signal (§1.4). */
  procedure: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('entry') }),
      z.object({ kind: z.literal('monitoring'), monitorType: MonitorType, source: z.enum(['self', 'cadre', 'department', 'hotline']), cityStandard: z.boolean().default(false) }),
    ])
    .default({ kind: 'entry' }),
});
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBody>;

export const UpdateHouseholdBody = z.object({
  version: z.number().int().min(1),
  /** Exactly the fields named change; a field left out keeps its value (no defaults applied). */
  changes: patchOf({ ...householdFields, ...minzhengFlagsRefused }).refine((value) => Object.keys(value).length > 0, { message: '没有要修改的内容' }),
  evidence: z.array(Evidence).default([]),
  reason: Text(200),
});

export const Member = MemberInput.omit({ idNumber: true, account: true }).extend({
  memberId: z.string(),
  /** The address code only (maskIdNumber): beside it, the birth year, never the birth date. */
  idNumberMasked: z.string(),
  birthYear: z.number().int(),
  /** Bank and last 4 digits only; the full number leaves the register only in the bank export. */
  accountMasked: BankAccountMasked.optional(),
  sex: z.enum(['male', 'female']),
  status: z.enum(['active', 'deceased', 'moved_out']),
  since: z.string().optional(),
});

export const Workflow = z.object({
  kind: z.enum(['entry', 'exit', 'monitoring', 'no-policy']),
  state: z.string(),
  startedAt: z.string(),
  stepAt: z.string(),
  notice: z.object({ requestId: z.string(), type: z.string(), held: z.boolean() }).optional(),
  monitorType: MonitorType.optional(),
  signalledAt: z.string().optional(),
  dueDate: z.string().optional(),
  cityStandard: z.boolean().optional(),
  statusBefore: RegisterStatus.optional(),
  /** Monitoring cases, on reads: orange when a step is past its day, red past day 15 (workflows.md §1.4). */
  alert: z.enum(['none', 'orange', 'red']).optional(),
});

export const Household = z.object({
  householdId: z.string(),
  region: z.string(),
  group: z.string(),
  headName: z.string(),
  phone: z.string().optional(),
  status: RegisterStatus,
  attribute: HouseholdAttribute,
  standard: IdentificationStandard,
  mainCause: PovertyCause,
  secondaryCauses: z.array(PovertyCause),
  income: IncomeInput,
  incomePerCapitaFen: z.number().int(),
  welfare: WelfareChecks,
  housing: HousingInput,
  dibao: z.boolean(),
  tekun: z.boolean(),
  colour: Colour.optional(),
  size: z.number().int(),
  members: z.array(Member),
  helpers: z.array(HelperInput.extend({ to: z.string().optional() })),
  measures: z.array(MeasureInput.extend({ measureId: z.string() })),
  workflow: Workflow.optional(),
  registeredAt: z.string().optional(),
  exitedAt: z.string().optional(),
  policyUntil: z.string().optional(),
  monitorType: MonitorType.optional(),
  lastDecision: z.object({ action: z.string(), at: z.string(), reason: z.string().optional() }).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof Household>;

export const HouseholdSummary = Household.pick({
  householdId: true,
  region: true,
  group: true,
  headName: true,
  status: true,
  attribute: true,
  size: true,
  colour: true,
  incomePerCapitaFen: true,
  version: true,
  exitedAt: true,
  policyUntil: true,
}).extend({ workflowState: z.string().optional(), alert: Workflow.shape.alert });

const householdParams = z.object({ householdId: z.string().regex(/^[0-9A-Z]{26}$/, { message: '户编号格式不正确' }) });
const writers = ['village', 'town', 'county'] as const;

export const listHouseholds = defineContract({
  id: 'identification.listHouseholds',
  method: 'GET',
  path: '/households',
  summary: '按区划分页查询农户（县、镇、村）',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  query: PageQuery.extend({
    region: RegionCode,
    status: RegisterStatus.optional(),
    workflowState: z.string().max(40).optional(),
    name: z.string().max(40).optional(),
    /** A member's full ID number (checksum checked): the households of the region that member belongs to. */
    idNumber: IdNumber.optional(),
  }),
  response: pageOf(HouseholdSummary),
});

/**
 * A bank finds the household of a credit applicant from the applicant's own ID card (004 BANK-09
 * L1370: the bank rates the households that apply). The full ID number and the name must both
 * match an active member of a registered household; a miss says nothing of which did not match.
 * Answers ids only (the rating facts follow from scoring), is audited and limited per bank user.
 */
export const lookupBorrower = defineContract({
  id: 'identification.lookupBorrower',
  method: 'POST',
  path: '/households/borrower-lookup',
  summary: '银行按申请人身份证号与姓名查找建档立卡户（仅返回户与成员编号，留痕、限次）',
  auth: 'staff',
  roles: ['bank'],
  body: z.object({ idNumber: IdNumber, name: z.string().trim().min(1, { message: '请填写申请人姓名' }).max(40) }),
  response: z.object({ householdId: z.string(), memberId: z.string(), region: z.string() }),
});

export const createHousehold = defineContract({
  id: 'identification.createHousehold',
  method: 'POST',
  path: '/households',
  summary: '登记农户：建档立卡申请或监测对象信号',
  auth: 'staff',
  roles: writers,
  body: CreateHouseholdBody,
  response: Household,
});

/**
 * One asset-income distribution the household received (funds' `funds.income.distributed`, issue 16):
 * the asset, the period, the amount, the link (with its Chinese name) and whether it was counted in
 * the household's income, in which category and year, or why not (decision Identification 42).
 */
export const HouseholdDistribution = z.object({
  distributionId: z.string(),
  assetId: z.string(),
  assetName: z.string(),
  period: z.string(),
  distributedOn: z.string(),
  amountFen: z.number().int(),
  link: z.string(),
  linkZh: z.string(),
  incomeKind: z.enum(['wage', 'property']),
  /** 工资性收入 or 财产性收入. */
  incomeKindZh: z.string(),
  counted: z.boolean(),
  /** The income year it was added to, when counted. */
  countedYear: z.number().int().optional(),
  /** Why it was not counted, in Chinese, when not. */
  notCountedZh: z.string().optional(),
});
export type HouseholdDistribution = z.infer<typeof HouseholdDistribution>;

export const HouseholdDetail = Household.extend({
  /** Asset-income distributions received, newest first. */
  distributions: z.array(HouseholdDistribution),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

export const getHousehold = defineContract({
  id: 'identification.getHousehold',
  method: 'GET',
  path: '/households/{householdId}',
  summary: '农户详情（含资产收益分配）',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: householdParams,
  response: HouseholdDetail,
});

export const updateHousehold = defineContract({
  id: 'identification.updateHousehold',
  method: 'PATCH',
  path: '/households/{householdId}',
  summary: '修改农户信息（附证据与理由）',
  auth: 'staff',
  roles: writers,
  params: householdParams,
  body: UpdateHouseholdBody,
  response: Household,
});

export const addMember = defineContract({
  id: 'identification.addMember',
  method: 'POST',
  path: '/households/{householdId}/members',
  summary: '自然变更：新增成员（出生、婚入、迁入）',
  auth: 'staff',
  roles: writers,
  params: householdParams,
  body: z.object({
    version: z.number().int().min(1),
    member: MemberInput,
    reason: z.enum(['birth', 'marriage', 'move-in', 'correction']),
    date: IsoDate,
    evidence: z.array(Evidence).min(1),
  }),
  response: Household,
});

export const changeMember = defineContract({
  id: 'identification.changeMember',
  method: 'POST',
  path: '/households/{householdId}/members/{memberId}/status',
  summary: '自然变更：成员死亡、婚出、迁出',
  auth: 'staff',
  roles: writers,
  params: householdParams.extend({ memberId: z.string().min(1).max(40) }),
  body: z.object({
    version: z.number().int().min(1),
    status: z.enum(['deceased', 'moved_out']),
    reason: z.enum(['death', 'marriage', 'move-out']),
    date: IsoDate,
    evidence: z.array(Evidence).min(1),
  }),
  response: Household,
});

export const setMemberAccount = defineContract({
  id: 'identification.setMemberAccount',
  method: 'PUT',
  path: '/households/{householdId}/members/{memberId}/account',
  summary: '登记或更正成员的一卡通账户（null 为注销）',
  auth: 'staff',
  roles: writers,
  params: householdParams.extend({ memberId: z.string().min(1).max(40) }),
  body: z.object({ version: z.number().int().min(1), account: BankAccountInput.nullable(), reason: Text(200) }),
  response: Household,
});

export const handOverHelper = defineContract({
  id: 'identification.handOverHelper',
  method: 'POST',
  path: '/households/{householdId}/helpers',
  summary: '帮扶责任人交接（带日期）',
  auth: 'staff',
  roles: ['town', 'county'],
  params: householdParams,
  body: z.object({ version: z.number().int().min(1), helper: HelperInput, evidence: z.array(Evidence).default([]) }),
  response: Household,
});

export const addMeasure = defineContract({
  id: 'identification.addMeasure',
  method: 'POST',
  path: '/households/{householdId}/measures',
  summary: '登记帮扶措施',
  auth: 'staff',
  roles: writers,
  params: householdParams,
  body: z.object({ version: z.number().int().min(1), measure: MeasureInput }),
  response: Household,
});

export const setMinzhengStatus = defineContract({
  id: 'identification.setMinzhengStatus',
  method: 'POST',
  path: '/households/{householdId}/minzheng-status',
  summary: '民政部门认定低保、特困身份（附认定文书，留痕；004 ID-23 L904）',
  auth: 'staff',
  roles: ['department'],
  departments: ['minzheng'],
  params: householdParams,
  body: z
    .object({
      version: z.number().int().min(1),
      dibao: z.boolean().optional(),
      tekun: z.boolean().optional(),
      /** The 民政 document (认定/审批决定、名单) the status rests on. */
      evidence: z.array(Evidence).min(1, { message: '须附民政认定文书或名单' }),
      reason: Text(200),
    })
    .refine((b) => b.dibao !== undefined || b.tekun !== undefined, { message: '须认定低保或特困身份之一' }),
  response: Household,
});

export const HouseholdActionBody = z.object({
  version: z.number().int().min(1),
  action: z.string().regex(/^[A-Z_]{2,40}$/),
  evidence: z.array(Evidence).default([]),
  reason: z.string().trim().max(500).optional(),
  meeting: Meeting.optional(),
  monitorType: MonitorType.optional(),
  /**
   * PROPOSE_NO_POLICY on income (seed 002 E-2 L31): the farmers' per-capita income the household
   * reached, with its source (the previous year's county figure from 统计局, workflows.md §2.2).
   */
  referenceIncome: z.object({ fen: z.number().int().min(1).max(100_000_000), source: Text(200) }).optional(),
});

export const householdAction = defineContract({
  id: 'identification.householdAction',
  method: 'POST',
  path: '/households/{householdId}/actions',
  summary: '流程操作：识别、监测、退出各步骤（角色、区划、证据、版本均校验）',
  auth: 'staff',
  roles: ['village', 'town', 'county', 'leading_group'],
  params: householdParams,
  body: HouseholdActionBody,
  response: Household.extend({ noticeRequestId: z.string().optional() }),
});

/** One step the signed-in role may take on the household now, with what the step asks for. */
export const OfferedAction = z.object({
  action: z.string(),
  /** The workflow the step belongs to (entry, exit, monitoring, no-policy) or `adjustment` (返贫, 风险消除). */
  workflow: z.enum(['entry', 'exit', 'monitoring', 'no-policy', 'adjustment']),
  /** The state it leads to (absent when it ends the workflow). */
  to: z.string().optional(),
  evidence: z.array(EvidenceKind),
  meeting: z.boolean(),
  reasonRequired: z.boolean(),
  /** The notice it posts (公示/公告) and its days. */
  notice: z.object({ type: z.string(), days: z.number().int() }).optional(),
  monitorTypeRequired: z.boolean(),
  referenceIncomeRequired: z.boolean(),
});
export type OfferedAction = z.infer<typeof OfferedAction>;

export const householdActions = defineContract({
  id: 'identification.householdActions',
  method: 'GET',
  path: '/households/{householdId}/actions',
  summary: '本户当前可由本角色执行的流程操作（与提交时的校验同一规则）',
  auth: 'staff',
  roles: ['village', 'town', 'county', 'leading_group'],
  params: householdParams,
  response: z.object({
    items: z.array(OfferedAction),
    /** Why nothing can be done now, when that is so (a notice window still open). */
    waiting: z.string().optional(),
  }),
});

// Evidence files (照片、会议记录扫描件): signed upload, listing, viewing ----------------------------

export const requestEvidenceUpload = defineContract({
  id: 'identification.requestEvidenceUpload',
  method: 'POST',
  path: '/households/{householdId}/evidence-files',
  summary: '申请上传一户的证据文件（照片、扫描件）：返回限时上传地址',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: householdParams,
  body: UploadRequest,
  response: SignedUpload,
});

export const EvidenceFileParams = householdParams.extend({ fileId: z.string().regex(/^[0-9A-Z]{26}$/, { message: '文件编号格式不正确' }) });

export const getEvidenceFile = defineContract({
  id: 'identification.getEvidenceFile',
  method: 'GET',
  path: '/households/{householdId}/evidence-files/{fileId}',
  summary: '查看一户的证据文件（限时地址）',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: EvidenceFileParams,
  response: z.object({ fileId: z.string(), contentType: z.enum(UPLOAD_CONTENT_TYPES), size: z.number().int(), url: z.string(), expiresAt: z.string() }),
});

export const EvidenceRecord = Evidence.extend({ at: z.string(), action: z.string() });
export const listEvidence = defineContract({
  id: 'identification.listEvidence',
  method: 'GET',
  path: '/households/{householdId}/evidence',
  summary: '一户的证据材料（随各步骤留存）',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: householdParams,
  response: z.object({ items: z.array(EvidenceRecord) }),
});

/**
 * Households in one notice list: a list is posted in one transaction (every household's state, its
 * audit and the notice request), so it is bounded by DynamoDB's 100 items per transaction (each
 * household writes up to 4). A longer village list is posted as several notices.
 */
export const MAX_NOTICE_LIST = 20;

export const NoticeListBody = z.object({
  households: z
    .array(z.object({ householdId: householdParams.shape.householdId, version: z.number().int().min(1) }))
    .min(1)
    .max(MAX_NOTICE_LIST, { message: `一张公示最多 ${MAX_NOTICE_LIST} 户，请分批公示` })
    .refine((list) => new Set(list.map((h) => h.householdId)).size === list.length, { message: '名单中有重复的户' }),
  evidence: z.array(Evidence).default([]),
  reason: z.string().trim().max(500).optional(),
});

export const postNoticeList = defineContract({
  id: 'identification.postNoticeList',
  method: 'POST',
  path: '/villages/{code}/notice-lists',
  summary: '名单公示：本村处于同一公示环节的多户合并为一张公示（POST_NOTICE，一次事务）',
  auth: 'staff',
  roles: ['village', 'town', 'county'],
  params: z.object({ code: VillageCode }),
  body: NoticeListBody,
  response: z.object({ noticeRequestId: z.string(), type: z.string(), households: z.array(Household) }),
});

export const HistoryEntry = z.object({
  at: z.string(),
  action: z.string(),
  actor: z.object({ sub: z.string(), role: z.string(), name: z.string().optional() }),
  reason: z.string().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export const householdHistory = defineContract({
  id: 'identification.householdHistory',
  method: 'GET',
  path: '/households/{householdId}/history',
  summary: '农户变更历史（审计）',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: householdParams,
  query: PageQuery,
  response: pageOf(HistoryEntry),
});

// Cross-department comparison (比对) --------------------------------------------------------------

export const COMPARISON_SOURCES = [
  'minzheng-dibao',
  'minzheng-tekun',
  'canlian-disability',
  'gongan-death',
  'gongan-move',
  'caizheng-payroll',
  'vehicle',
  'real-estate',
  'business',
  'tax-fund',
  'finance',
] as const;
export const ComparisonSource = z.enum(COMPARISON_SOURCES);
/** Department claims of the departments that hold a comparison list (民政, 残联, 公安, 财政, 住建/房管, 市场监管, 税务). */
export const COMPARISON_DEPARTMENTS = ['minzheng', 'canlian', 'gongan', 'caizheng', 'zhujian', 'shichang', 'shuiwu'] as const;

export const Hit = z.object({
  hitId: z.string(),
  householdId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  source: ComparisonSource,
  severity: z.enum(['block', 'review', 'info']),
  detail: z.string(),
  importId: z.string().optional(),
  createdAt: z.string(),
  decision: z.object({ outcome: z.enum(['confirmed', 'dismissed', 'overridden']), reason: z.string(), by: z.string(), at: z.string() }).optional(),
});
export type Hit = z.infer<typeof Hit>;

export const importComparison = defineContract({
  id: 'identification.importComparison',
  method: 'POST',
  path: '/comparisons/imports',
  summary: '部门比对名单上传（CSV 或 XLSX），按身份证号匹配在册人员生成比对结果',
  auth: 'staff',
  roles: ['department', 'county'],
  /** Departments that own a list; each list is uploaded by its own department only (services/identification domain/comparison.ts). */
  departments: COMPARISON_DEPARTMENTS,
  body: z.object({ source: ComparisonSource, region: RegionCode, format: z.enum(['csv', 'xlsx']), contentBase64: z.string().min(1).max(8_000_000) }),
  response: z.object({ importId: z.string(), rows: z.number().int(), matched: z.number().int(), unmatched: z.number().int(), hits: z.number().int() }),
});

export const listHits = defineContract({
  id: 'identification.listHits',
  method: 'GET',
  path: '/households/{householdId}/hits',
  summary: '农户的比对结果',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: householdParams,
  response: z.object({ items: z.array(Hit) }),
});

/**
 * A department's view of a household its own comparison list matched: who was matched (full names,
 * masked ID numbers, birth year) and the department's own hits. No income, health, disability,
 * phone, helpers, measures or housing: those are the register's, not the department's.
 */
export const ComparedHousehold = z.object({
  householdId: z.string(),
  region: z.string(),
  group: z.string(),
  headName: z.string(),
  status: RegisterStatus,
  attribute: HouseholdAttribute,
  dibao: z.boolean(),
  tekun: z.boolean(),
  size: z.number().int(),
  members: z.array(Member.pick({ memberId: true, name: true, relation: true, idNumberMasked: true, birthYear: true, sex: true, status: true })),
  hits: z.array(Hit),
});
export type ComparedHousehold = z.infer<typeof ComparedHousehold>;

export const getComparedHousehold = defineContract({
  id: 'identification.getComparedHousehold',
  method: 'GET',
  path: '/comparisons/households/{householdId}',
  summary: '职能部门查看本部门比对命中的农户（仅命中人员与本部门比对结果）',
  auth: 'staff',
  roles: ['department'],
  params: householdParams,
  response: ComparedHousehold,
});

export const reviewHit = defineContract({
  id: 'identification.reviewHit',
  method: 'POST',
  path: '/households/{householdId}/hits/{hitId}/review',
  summary: '比对结果审核：确认、排除或（县级）书面理由否决阻断',
  auth: 'staff',
  roles: ['village', 'town', 'county'],
  params: householdParams.extend({ hitId: z.string().min(1).max(80) }),
  body: z.object({ version: z.number().int().min(1), outcome: z.enum(['confirmed', 'dismissed', 'overridden']), reason: Text(500) }),
  response: Household,
});

// Reference data: poverty lines, NSYS window -------------------------------------------------------

export const PovertyLine = z.object({ level: IdentificationStandard, year: z.number().int(), amountYuan: z.number().int(), derived: z.boolean(), source: z.string() });
export const getPovertyLine = defineContract({
  id: 'identification.getPovertyLine',
  method: 'GET',
  path: '/poverty-lines/{level}/{year}',
  summary: '某年扶贫标准线（已知值或按农村居民消费价格指数推算）',
  auth: 'staff',
  params: z.object({ level: IdentificationStandard, year: z.coerce.number().int().min(2010).max(2030) }),
  /** The city of a municipal line (4-digit region prefix, e.g. 3703 淄博). */
  query: z.object({
    area: z
      .string()
      .regex(/^\d{4}$/, { message: '须为4位市级区划代码' })
      .optional(),
  }),
  response: PovertyLine,
});
export const setRuralCpi = defineContract({
  id: 'identification.setRuralCpi',
  method: 'PUT',
  path: '/poverty-lines/{level}/{year}',
  summary: '录入某年官方标准线或农村居民消费价格指数',
  auth: 'staff',
  roles: ['county'],
  params: z.object({ level: IdentificationStandard, year: z.coerce.number().int().min(2011).max(2030) }),
  body: z
    .object({ amountYuan: z.number().int().min(1000).max(20000).optional(), cpi: z.number().min(90).max(120).optional(), source: Text(200) })
    .refine((b) => (b.amountYuan === undefined) !== (b.cpi === undefined), { message: '须且只须提供 amountYuan 或 cpi 之一' }),
  response: PovertyLine,
});

export const NsysWindow = z.object({ county: z.string(), opens: IsoDate, closes: IsoDate, version: z.number().int() });
export const setNsysWindow = defineContract({
  id: 'identification.setNsysWindow',
  method: 'PUT',
  path: '/nsys-window/{county}',
  summary: '设置全国扶贫开发信息系统开放调整期',
  auth: 'staff',
  roles: ['county'],
  params: z.object({ county: RegionCode }),
  body: z.object({ opens: IsoDate, closes: IsoDate }).refine((b) => b.opens <= b.closes, { message: '开放日期须早于关闭日期' }),
  response: NsysWindow,
});
export const getNsysWindow = defineContract({
  id: 'identification.getNsysWindow',
  method: 'GET',
  path: '/nsys-window/{county}',
  summary: '查询开放调整期',
  auth: 'staff',
  params: z.object({ county: RegionCode }),
  response: NsysWindow.extend({ openToday: z.boolean() }),
});

// Statistics and village exit -----------------------------------------------------------------------

export const VillageStatistics = z.object({
  region: z.string(),
  households: z.number().int(),
  byStatus: z.record(z.string(), z.object({ households: z.number().int(), persons: z.number().int() })),
  byColour: z.record(z.string(), z.number().int()),
  inWorkflow: z.record(z.string(), z.number().int()),
  notExitedPersons: z.number().int(),
});
export const villageStatistics = defineContract({
  id: 'identification.villageStatistics',
  method: 'GET',
  path: '/villages/{code}/statistics',
  summary: '村级统计（状态、人数、四色）',
  auth: 'staff',
  params: z.object({ code: VillageCode }),
  response: VillageStatistics,
});

export const VillageExit = z.object({
  village: z.string(),
  year: z.number().int(),
  state: z.string(),
  ruralPopulation: z.number().int(),
  poorPersons: z.number().int(),
  incidencePercent: z.number(),
  exception: z.string().optional(),
  noticeRequestId: z.string().optional(),
  /** Every posting of the current notice (the exit 公告 is posted at district and town, seed 000 EX-10 L1095). */
  noticeRequestIds: z.array(z.string()).optional(),
  version: z.number().int(),
  checklist: z.object({ infrastructure: z.boolean(), publicServices: z.boolean(), industry: z.boolean(), collectiveIncomeFen: z.number().int().min(0) }),
});
export const applyVillageExit = defineContract({
  id: 'identification.applyVillageExit',
  method: 'POST',
  path: '/villages/{code}/exit',
  summary: '贫困村退出：镇初审（贫困发生率≤2%）',
  auth: 'staff',
  roles: ['town'],
  params: z.object({ code: VillageCode }),
  body: z.object({
    year: z.number().int().min(2014).max(2030),
    ruralPopulation: z.number().int().min(1).max(100000),
    /** collectiveIncomeFen is read from the collective economy ledger (seed 004 L75); a typed figure is ignored. */
    checklist: VillageExit.shape.checklist.extend({ collectiveIncomeFen: z.number().int().min(0).optional() }),
    evidence: z.array(Evidence).default([]),
    exception: z.string().trim().max(500).optional(),
  }),
  response: VillageExit,
});
export const villageExitAction = defineContract({
  id: 'identification.villageExitAction',
  method: 'POST',
  path: '/villages/{code}/exit/{year}/actions',
  summary: '贫困村退出流程操作',
  auth: 'staff',
  roles: ['town', 'county', 'leading_group'],
  params: z.object({ code: VillageCode, year: z.coerce.number().int() }),
  body: z.object({ version: z.number().int().min(1), action: z.string().regex(/^[A-Z_]{2,40}$/), evidence: z.array(Evidence).default([]), reason: z.string().max(500).optional() }),
  response: VillageExit,
});
export const getVillageExit = defineContract({
  id: 'identification.getVillageExit',
  method: 'GET',
  path: '/villages/{code}/exit/{year}',
  summary: '贫困村退出进度',
  auth: 'staff',
  params: z.object({ code: VillageCode, year: z.coerce.number().int() }),
  response: VillageExit,
});

export type UpdateHouseholdChanges = z.infer<typeof UpdateHouseholdBody>['changes'];
export type HelperInputT = z.infer<typeof HelperInput>;
export type MeasureInputT = z.infer<typeof MeasureInput>;
export type VillageExitView = z.infer<typeof VillageExit>;
