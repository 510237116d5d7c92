import * as z from 'zod';
import { REGIONAL_ROLES } from '../auth.js';
import { defineContract, PageQuery, pageOf } from '../contracts.js';
import { IsoDate } from '../period.js';
import { RegionCode } from '../region.js';
import { Evidence, Meeting } from './identification.js';

/**
 * HTTP contracts of the 民政 case work inside the identification service (issue 20): 低保 and 特困
 * cases (seed 004 ID-29…ID-39 L320–346, ID-44 L328), temporary aid (ID-46…ID-48 L329) and the county's
 * case parameters. The cases set the household's 低保/特困 flags (004 ID-23 L904). Owned by identification.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);
const Id = z.string().regex(/^[0-9A-Z]{26}$/, { message: '编号格式不正确' });
const Fen = z.number().int({ message: '金额须为整数分' }).min(0, { message: '金额不能为负' }).max(1_000_000_000, { message: '金额不合理（超过1000万元）' });
const CountyCode = RegionCode.refine((code) => /^\d{6}0{6}$/.test(code) && !code.endsWith('000000000'), { message: '须为区县级区划代码' });

/** Who reads case work: the regional line and the county 民政 (the data owner, 004 ID-23 L904). */
const readers = [...REGIONAL_ROLES, 'department'] as const;
const minzheng = ['minzheng'] as const;

// ---------------------------------------------------------------------------------------------
// The county's parameters
// ---------------------------------------------------------------------------------------------

export const CaseworkParameters = z.object({
  county: z.string(),
  dibaoStandards: z.array(z.object({ year: z.number().int().min(2010).max(2035), annualFen: Fen.min(1), source: Text(200) })).max(40),
  gradualExitMonths: z.number().int().min(1).max(24),
  gradualExitMaxMonths: z.number().int().min(1).max(36),
  reviewIntervalMonths: z.number().int().min(1).max(24),
  smallAidMaxFen: Fen,
  aidMaxMonths: z.number().int().min(1).max(24),
});
export type CaseworkParameters = z.infer<typeof CaseworkParameters>;
export const StoredParameters = CaseworkParameters.extend({ version: z.number().int(), updatedAt: z.string().nullable() });

export const getParameters = defineContract({
  id: 'casework.getParameters',
  method: 'GET',
  path: '/casework/parameters/{county}',
  summary: '查询区县低保标准、渐退期限、临时救助审批额度等民政参数',
  auth: 'staff',
  roles: readers,
  departments: minzheng,
  params: z.object({ county: CountyCode }),
  response: StoredParameters,
});

export const putParameters = defineContract({
  id: 'casework.putParameters',
  method: 'PUT',
  path: '/casework/parameters/{county}',
  summary: '区县民政部门设定低保标准、渐退最长期限、复核周期和临时救助参数（留痕）',
  auth: 'staff',
  roles: ['department'],
  departments: minzheng,
  params: z.object({ county: CountyCode }),
  body: CaseworkParameters.omit({ county: true }).extend({ version: z.number().int().min(0), reason: Text(200) }),
  response: StoredParameters,
});

// ---------------------------------------------------------------------------------------------
// 低保 and 特困 cases
// ---------------------------------------------------------------------------------------------

export const CASE_KINDS = ['dibao', 'tekun'] as const;
export const CASE_STATES = ['APPLIED', 'VERIFIED', 'APPRAISED', 'NOTICED', 'IN_CARE', 'GRADUAL_EXIT', 'CANCELLATION_PENDING', 'EXITED', 'CANCELLED', 'REJECTED'] as const;
/** The states' Chinese names: the server's `stateZh` and the console's filter read this one table. */
export const CASE_STATE_NAMES: Record<(typeof CASE_STATES)[number], string> = {
  APPLIED: '已受理申请',
  VERIFIED: '已入户核查',
  APPRAISED: '已民主评议',
  NOTICED: '公示中',
  IN_CARE: '在保',
  GRADUAL_EXIT: '渐退中',
  CANCELLATION_PENDING: '待取消',
  EXITED: '已渐退退出',
  CANCELLED: '已取消',
  REJECTED: '未纳入',
};
export const INSIDER_POSTS = ['低保经办人员', '村(居)党组织任职人员', '村(居)委会任职人员'] as const;
export const RELATIONS = ['本人', '配偶', '父母', '子女', '兄弟姐妹', '祖父母、外祖父母', '孙子女、外孙子女'] as const;

export const RelatedOfficial = z.object({ name: Text(40), post: z.enum(INSIDER_POSTS), relation: z.enum(RELATIONS) });

export const VerificationInput = z.object({
  annualIncomeFen: Fen,
  rigidExpenditureFen: Fen.default(0),
  assetsQualify: z.boolean(),
  hardshipIndex: z.number().min(0).max(100).optional(),
  tekunConditions: z.object({ noLabourCapacity: z.boolean(), noIncomeSource: z.boolean(), noSupporter: z.boolean() }).optional(),
});

export const CareInput = z.object({
  canSelfCare: z.boolean(),
  careLevel: z.enum(['全自理', '半护理', '全护理']),
  centralised: z.boolean(),
  institution: Text(80).optional(),
});

const CaseEvidence = z.array(Evidence).max(20);

export const AssistanceCase = z.object({
  caseId: z.string(),
  kind: z.enum(CASE_KINDS),
  kindZh: z.string(),
  householdId: z.string(),
  region: z.string(),
  headName: z.string(),
  state: z.enum(CASE_STATES),
  stateZh: z.string(),
  basis: z.enum(['income', 'expenditure']),
  singlePerson: z.object({ memberId: z.string(), name: z.string() }).optional(),
  relatedOfficials: z.array(RelatedOfficial),
  filing: z.object({ on: z.string(), ref: z.string(), by: z.string() }).optional(),
  appliedOn: z.string(),
  hardship: z.string(),
  verification: z
    .object({
      on: z.string(),
      annualIncomeFen: z.number(),
      persons: z.number(),
      rigidExpenditureFen: z.number(),
      assetsQualify: z.boolean(),
      hardshipIndex: z.number().optional(),
      tekunConditions: z.object({ noLabourCapacity: z.boolean(), noIncomeSource: z.boolean(), noSupporter: z.boolean() }).optional(),
      standardAnnualFen: z.number(),
      standardYear: z.number(),
      perCapitaFen: z.number(),
      qualifies: z.boolean(),
      reasonsZh: z.array(z.string()),
      by: z.string(),
    })
    .optional(),
  appraisal: Meeting.optional(),
  notice: z.object({ postedOn: z.string(), endsOn: z.string() }).optional(),
  approvedOn: z.string().optional(),
  monthlyAmountFen: z.number().optional(),
  nextReviewDue: z.string().optional(),
  gradualExit: z.object({ startedOn: z.string(), months: z.number(), endsOn: z.string() }).optional(),
  cancellation: z.object({ verifiedOn: z.string(), cancelBy: z.string(), reasonZh: z.string() }).optional(),
  care: CareInput.extend({ since: z.string() }).optional(),
  closedOn: z.string().optional(),
  alerts: z.array(z.string()),
  history: z.array(
    z.object({
      action: z.string(),
      on: z.string(),
      by: z.string(),
      state: z.enum(CASE_STATES),
      reason: z.string().optional(),
      evidence: z.array(z.object({ kind: z.string(), ref: z.string() })),
    }),
  ),
  version: z.number().int(),
});
export type AssistanceCase = z.infer<typeof AssistanceCase>;

export const openCase = defineContract({
  id: 'casework.openCase',
  method: 'POST',
  path: '/assistance-cases',
  summary: '受理低保或特困供养申请（004 ID-29 L322；单人户 ID-32、支出型 ID-33、近亲属备案 ID-35 L324）',
  auth: 'staff',
  roles: ['village', 'town'],
  body: z.object({
    householdId: Id,
    kind: z.enum(CASE_KINDS),
    basis: z.enum(['income', 'expenditure']).default('income'),
    hardship: Text(500),
    singlePersonMemberId: z.string().min(1).max(40).optional(),
    singlePersonUnemployed: z.boolean().optional(),
    /** The applicant's relatives (or the applicant) who are 低保经办人员 or village officials: the case must be filed (备案). */
    relatedOfficials: z.array(RelatedOfficial).max(10).default([]),
    evidence: CaseEvidence.min(1, { message: '须附申请书' }),
  }),
  response: AssistanceCase,
});

export const listCases = defineContract({
  id: 'casework.listCases',
  method: 'GET',
  path: '/assistance-cases',
  summary: '查询辖区低保、特困案件（按村、镇或区县）',
  auth: 'staff',
  roles: readers,
  departments: minzheng,
  query: PageQuery.extend({ region: RegionCode, kind: z.enum(CASE_KINDS).optional(), state: z.enum(CASE_STATES).optional() }),
  response: pageOf(AssistanceCase),
});

export const getCase = defineContract({
  id: 'casework.getCase',
  method: 'GET',
  path: '/assistance-cases/{caseId}',
  summary: '查看低保、特困案件',
  auth: 'staff',
  roles: readers,
  departments: minzheng,
  params: z.object({ caseId: Id }),
  response: AssistanceCase,
});

const withVersion = { version: z.number().int().min(1), evidence: CaseEvidence.default([]) };
export const CaseAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('VERIFY'), ...withVersion, verification: VerificationInput }),
  z.object({ action: z.literal('FILE'), ...withVersion, ref: Text(200) }),
  z.object({ action: z.literal('APPRAISE'), ...withVersion, meeting: Meeting }),
  z.object({ action: z.literal('NOTICE'), ...withVersion, postedOn: IsoDate }),
  z.object({ action: z.literal('APPROVE'), ...withVersion, care: CareInput.optional() }),
  z.object({ action: z.literal('REJECT'), ...withVersion, reason: Text(500) }),
  z.object({ action: z.literal('REVIEW'), ...withVersion, verification: VerificationInput }),
  z.object({ action: z.literal('MARK_INELIGIBLE'), ...withVersion, reason: Text(500) }),
  z.object({ action: z.literal('CANCEL'), ...withVersion }),
  z.object({ action: z.literal('EXTEND_GRADUAL_EXIT'), ...withVersion, months: z.number().int().min(1).max(24), reason: Text(500) }),
  z.object({ action: z.literal('CHANGE_CARE'), ...withVersion, care: CareInput }),
]);
export type CaseAction = z.infer<typeof CaseAction>;

/**
 * Who takes each step of a case (004 ID-38 L346): the town verifies and files, the village convenes
 * the appraisal and posts, the county 民政 decides. The handler enforces it; the console offers by it.
 */
export const CASE_STEP_ROLES: Record<CaseAction['action'], readonly ('village' | 'town' | 'minzheng')[]> = {
  VERIFY: ['town', 'minzheng'],
  FILE: ['town', 'minzheng'],
  APPRAISE: ['village', 'town'],
  NOTICE: ['village', 'town'],
  APPROVE: ['minzheng'],
  REJECT: ['minzheng'],
  REVIEW: ['town', 'minzheng'],
  MARK_INELIGIBLE: ['town', 'minzheng'],
  CANCEL: ['minzheng'],
  EXTEND_GRADUAL_EXIT: ['minzheng'],
  CHANGE_CARE: ['minzheng'],
};

export const caseAction = defineContract({
  id: 'casework.caseAction',
  method: 'POST',
  path: '/assistance-cases/{caseId}/actions',
  summary: '低保、特困案件的下一步：入户核查、备案、民主评议、公示、审批、复核、渐退、取消、调整供养方式',
  auth: 'staff',
  roles: ['village', 'town', 'department'],
  departments: minzheng,
  params: z.object({ caseId: Id }),
  body: CaseAction,
  response: AssistanceCase,
});

export const CareRate = z.object({
  region: z.string(),
  unableToSelfCare: z.number().int(),
  centralised: z.number().int(),
  percent: z.number().nullable(),
  target: z.number(),
  met: z.boolean().nullable(),
});

export const careRate = defineContract({
  id: 'casework.careRate',
  method: 'GET',
  path: '/casework/tekun-care-rate',
  summary: '生活不能自理特困人员集中供养率（2020年达到50%以上，004 ID-44 L328）',
  auth: 'staff',
  roles: readers,
  departments: minzheng,
  query: z.object({ region: RegionCode }),
  response: CareRate,
});

// ---------------------------------------------------------------------------------------------
// Temporary aid (临时救助)
// ---------------------------------------------------------------------------------------------

export const AID_STATES = ['APPLIED', 'AIDED', 'APPROVED', 'PAID', 'REJECTED'] as const;

export const AidCase = z.object({
  aidId: z.string(),
  householdId: z.string(),
  region: z.string(),
  headName: z.string(),
  emergency: z.boolean(),
  hardship: z.string(),
  reportedAt: z.string(),
  persons: z.number().int(),
  aidMonths: z.number().int(),
  formulaFen: z.number().int(),
  caseByCase: z.object({ amountFen: z.number().int(), minutesRef: z.string(), reason: z.string() }).optional(),
  amountFen: z.number().int(),
  monthlyStandardFen: z.number().int(),
  approver: z.enum(['town', 'county']),
  approverZh: z.string(),
  state: z.enum(AID_STATES),
  stateZh: z.string(),
  deadline: z.object({ step: z.string(), due: z.string() }),
  overdue: z.boolean(),
  aidedAt: z.string().optional(),
  approvedOn: z.string().optional(),
  paidOn: z.string().optional(),
  late: z.array(z.string()),
  history: z.array(
    z.object({
      action: z.string(),
      at: z.string(),
      by: z.string(),
      state: z.enum(AID_STATES),
      reason: z.string().optional(),
      evidence: z.array(z.object({ kind: z.string(), ref: z.string() })),
    }),
  ),
  version: z.number().int(),
});
export type AidCase = z.infer<typeof AidCase>;

export const openAid = defineContract({
  id: 'casework.openAid',
  method: 'POST',
  path: '/temporary-aid',
  summary: '受理临时救助（急难型24小时内先行救助，004 ID-46 L329；金额=月低保标准×家庭人口×救助时限）',
  auth: 'staff',
  roles: ['village', 'town'],
  body: z.object({
    householdId: Id,
    emergency: z.boolean(),
    hardship: Text(500),
    persons: z.number().int().min(1).max(30),
    aidMonths: z.number().int().min(1).max(24),
    /** When the hardship became known (ISO instant); the 24 hours of an emergency count from here. */
    reportedAt: z.iso.datetime({ offset: true }),
    /** 一事一议 for a major hardship (004 ID-47 L329): a raised amount, decided by the county. */
    caseByCase: z.object({ amountFen: Fen.min(1), minutesRef: Text(200), reason: Text(500) }).optional(),
    evidence: CaseEvidence.default([]),
  }),
  response: AidCase,
});

export const listAid = defineContract({
  id: 'casework.listAid',
  method: 'GET',
  path: '/temporary-aid',
  summary: '查询辖区临时救助（含办理期限和逾期）',
  auth: 'staff',
  roles: readers,
  departments: minzheng,
  query: PageQuery.extend({ region: RegionCode, state: z.enum(AID_STATES).optional() }),
  response: pageOf(AidCase),
});

export const getAid = defineContract({
  id: 'casework.getAid',
  method: 'GET',
  path: '/temporary-aid/{aidId}',
  summary: '查看临时救助',
  auth: 'staff',
  roles: readers,
  departments: minzheng,
  params: z.object({ aidId: Id }),
  response: AidCase,
});

export const AidAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('AID_FIRST'), ...withVersion }),
  z.object({ action: z.literal('APPROVE'), ...withVersion }),
  z.object({ action: z.literal('PAY'), ...withVersion }),
  z.object({ action: z.literal('REJECT'), ...withVersion, reason: Text(500) }),
]);

export const aidAction = defineContract({
  id: 'casework.aidAction',
  method: 'POST',
  path: '/temporary-aid/{aidId}/actions',
  summary: '临时救助的下一步：先行救助、审批（小额由乡镇，其余由区县民政）、发放、不予救助',
  auth: 'staff',
  roles: ['town', 'department'],
  departments: minzheng,
  params: z.object({ aidId: Id }),
  body: AidAction,
  response: AidCase,
});
