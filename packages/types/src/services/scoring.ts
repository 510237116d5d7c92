import * as z from 'zod';
import { defineContract } from '../contracts.js';
import { subsidyComputed } from '../events/scoring.js';
import { IsoDate } from '../period.js';
import { RegionCode } from '../region.js';

/**
 * HTTP contracts of the scoring service (issue 6): bank registry, data submission by the data owners
 * of 台政发〔2018〕4号 (seed 000 L4262–4268), the assessment workflow, public results, household
 * credit rating and the 扶贫小额信贷 ledger. Owned by the scoring service.
 */

/** Exact decimal text in 万元 or %, e.g. "450000", "193282.5", "-600". Never a JSON number. */
export const DecimalText = z.string().regex(/^-?\d{1,15}(\.\d{1,12})?$/, { message: '数值须为十进制数字字符串，如 "450000" 或 "12.5"' });
export const Year = z.coerce.number().int().min(2018, { message: '考核年度自2018年起（B-13）' }).max(2100);
export const BankId = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, { message: '银行编号须为小写字母、数字或连字符' });
const District = z.object({ district: RegionCode });
const DistrictYear = District.extend({ year: Year });
const DistrictYearBank = DistrictYear.extend({ bankId: BankId });

const TEAM = ['finance_office', 'pboc', 'department', 'county', 'leading_group'] as const;
/** Among departments only 区财政局 takes part in the assessment (seed 000 L4266, L4276). */
const FINANCE_BUREAU = ['caizheng'] as const;
const departmentsFor = (roles: readonly string[]) => (roles.includes('department') ? { departments: FINANCE_BUREAU } : {});

// ── Bank registry ───────────────────────────────────────────────────────────
export const BANK_TYPES = ['large-state', 'joint-stock', 'city-commercial', 'rural-commercial', 'postal', 'policy', 'village-bank', 'other'] as const;
export const BankProfileInput = z.object({
  name: z.string().min(2).max(60),
  type: z.enum(BANK_TYPES),
  /** Informational; the assessment derives the 1b size class from balances (B-4). */
  sizeClass: z.enum(['large', 'medium', 'small']),
  headOffices: z.number().int().min(0),
  branches: z.number().int().min(0),
  outlets: z.number().int().min(0),
  ruralOutlets: z.number().int().min(0),
  /** Left out: a new bank is active, a corrected one keeps its state (an update changes only what it names). */
  active: z.boolean().optional(),
  expectedVersion: z.number().int().min(1).optional(),
  reason: z.string().min(2).max(500).optional(),
});
export const Bank = BankProfileInput.omit({ expectedVersion: true, reason: true }).extend({
  active: z.boolean(),
  bankId: z.string(),
  district: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Bank = z.infer<typeof Bank>;

export const listBanks = defineContract({
  id: 'scoring.listBanks',
  method: 'GET',
  path: '/scoring/districts/{district}/banks',
  summary: '银行机构名录（银行用户只见本行）',
  auth: 'staff',
  roles: [...TEAM, 'bank'],
  departments: FINANCE_BUREAU,
  params: District,
  response: z.object({ items: z.array(Bank) }),
});
export const getBank = defineContract({
  id: 'scoring.getBank',
  method: 'GET',
  path: '/scoring/districts/{district}/banks/{bankId}',
  summary: '查询银行机构',
  auth: 'staff',
  roles: [...TEAM, 'bank'],
  departments: FINANCE_BUREAU,
  params: District.extend({ bankId: BankId }),
  response: Bank,
});
export const putBank = defineContract({
  id: 'scoring.putBank',
  method: 'PUT',
  path: '/scoring/districts/{district}/banks/{bankId}',
  summary: '登记或更正银行机构信息（金融办；银行只能更正本行，须说明理由）',
  auth: 'staff',
  roles: ['finance_office', 'bank'],
  params: District.extend({ bankId: BankId }),
  body: BankProfileInput,
  response: Bank,
});

// ── Submissions ─────────────────────────────────────────────────────────────
export const SignedOpinion = z.object({
  title: z.string().min(2).max(200),
  issuedBy: z.string().min(2).max(100),
  signedOn: IsoDate,
  /** 文号 or the stored file's key; the signed opinion must be attached (B-10). */
  documentRef: z.string().min(2).max(300),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export const ScoreInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('score'), value: DecimalText }),
  z.object({ kind: z.literal('rank'), value: z.number().int().min(1) }),
]);
export const OutletCounts = z.object({
  branches: z.number().int().min(0).default(0),
  communitySubBranches: z.number().int().min(0).default(0),
  microSubBranches: z.number().int().min(0).default(0),
  selfServiceBanks: z.number().int().min(0).default(0),
  ruralAtms: z.number().int().min(0).default(0),
  ruralCashRecyclers: z.number().int().min(0).default(0),
  ruralServicePoints: z.number().int().min(0).default(0),
  /** Recorded but not counted (B-11: ATMs count only in rural locations). */
  urbanAtms: z.number().int().min(0).default(0),
});
const correction = { expectedVersion: z.number().int().min(1).optional(), reason: z.string().min(2).max(500).optional() };
export const PbocFigures = z.object({
  loansStart: DecimalText,
  loansEnd: DecimalText,
  obsIncrease: DecimalText.default('0'),
  debtEquitySwaps: DecimalText.default('0'),
  mltStart: DecimalText,
  mltEnd: DecimalText,
  mltObsIncrease: DecimalText.default('0'),
  mltDebtEquitySwaps: DecimalText.default('0'),
  depositsEnd: DecimalText,
  restructStart: DecimalText,
  restructEnd: DecimalText,
  nplStart: DecimalText,
  nplEnd: DecimalText,
  nplDisposed: DecimalText,
  nplAroseDuringYear: z.boolean(),
  outletsPrev: OutletCounts,
  outletsEnd: OutletCounts,
});
export const PbocSubmission = PbocFigures.extend(correction);
export const InnovationSubmission = z.object({ innovation: ScoreInput.nullable(), opinion: SignedOpinion, ...correction });
export const TaxSubmission = z.object({ localTax: DecimalText, ...correction });
export const RoutineSubmission = z.object({
  routine: ScoreInput,
  opinion: SignedOpinion,
  /** BK-4 (L4270–4274): major violation or risk event in the year. */
  violation: z.boolean().default(false),
  violationNote: z.string().max(500).optional(),
  ...correction,
});
export const SECTIONS = ['pboc', 'innovation', 'tax', 'routine'] as const;
export type Section = (typeof SECTIONS)[number];

export const Submission = z.object({
  district: z.string(),
  year: z.number().int(),
  bankId: z.string(),
  section: z.enum(SECTIONS),
  data: z.record(z.string(), z.unknown()),
  enteredBy: z.object({ sub: z.string(), name: z.string().optional(), role: z.string() }),
  version: z.number().int(),
  updatedAt: z.string(),
});

const submissionContract = <B extends z.ZodType>(section: Section, roles: readonly ('pboc' | 'department' | 'finance_office')[], body: B, summary: string) =>
  defineContract({
    id: `scoring.submit.${section}`,
    method: 'PUT',
    path: `/scoring/districts/{district}/years/{year}/submissions/{bankId}/${section}`,
    summary,
    auth: 'staff',
    roles,
    ...departmentsFor(roles),
    params: DistrictYearBank,
    body,
    response: Submission,
  });
export const submitPboc = submissionContract('pboc', ['pboc'], PbocSubmission, '人民银行报送第三至七条、第九、十条数据（L4262–4264）');
export const submitInnovation = submissionContract('innovation', ['pboc'], InnovationSubmission, '人民银行报送创新业务得分并附相关部门考核意见（B-14）');
export const submitTax = submissionContract('tax', ['department'], TaxSubmission, '区财政局报送地方税收贡献（L4266）');
export const submitRoutine = submissionContract('routine', ['finance_office'], RoutineSubmission, '区金融办报送日常工作考核得分及违规情况（L4268、BK-4）');

export const listSubmissions = defineContract({
  id: 'scoring.listSubmissions',
  method: 'GET',
  path: '/scoring/districts/{district}/years/{year}/submissions',
  summary: '年度报送数据（银行用户只见本行）',
  auth: 'staff',
  roles: [...TEAM, 'bank'],
  departments: FINANCE_BUREAU,
  params: DistrictYear,
  response: z.object({ items: z.array(Submission), locked: z.boolean() }),
});

// ── Assessment workflow ─────────────────────────────────────────────────────
export const ASSESSMENT_STATUSES = ['draft', 'computed', 'reviewed', 'approved', 'published'] as const;
export const ItemResult = z.object({
  item: z.string(),
  value: z.string().nullable(),
  rank: z.number().int().nullable(),
  points: z.string(),
  note: z.string().optional(),
});
export const BankResult = z.object({
  bankId: z.string(),
  name: z.string(),
  items: z.array(ItemResult),
  item7: z.string(),
  total: z.string(),
  totalRank: z.number().int().nullable(),
  prize: z.string().nullable(),
  disqualified: z.boolean(),
});
export const AssessmentFlag = z.object({ code: z.string(), bankIds: z.array(z.string()), item: z.string().optional(), message: z.string() });
export const AssessmentParamsInput = z.object({
  items: z.record(z.enum(['1a', '1b', '2a', '2b', '3', '4', '5', '6', '7a', '7b', '9']), z.object({ max: DecimalText, step: DecimalText })).optional(),
  ranking: z.enum(['competition', 'dense', 'average']).optional(),
  zeroRuleLeavesPool: z.boolean().optional(),
  floorAtZero: z.boolean().optional(),
  sizeClass: z.object({ boundary: DecimalText, basis: z.enum(['start', 'end']), largeThresholdPct: DecimalText, smallThresholdPct: DecimalText }).optional(),
  disposalRateZeroBase: z.enum(['w-over-w-plus-n1', 'exclude']).optional(),
  noNplPoints: DecimalText.optional(),
  obsWeight: DecimalText.optional(),
  desWeight: DecimalText.optional(),
  ldrCapPct: DecimalText.nullable().optional(),
  outletPointsPerUnit: DecimalText.optional(),
  outletCap: DecimalText.nullable().optional(),
  disqualifiedRankedInItems: z.boolean().optional(),
  prizes: z
    .array(z.object({ grade: z.string().min(1), count: z.number().int().min(0).max(20), amountYuan: DecimalText.nullable() }))
    .min(1)
    .optional(),
  rewardsDueMonthDay: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
    .optional(),
  ratioDecimals: z.number().int().min(0).max(6).optional(),
});
export const Assessment = z.object({
  district: z.string(),
  year: z.number().int(),
  status: z.enum(ASSESSMENT_STATUSES),
  locked: z.boolean(),
  paramsId: z.string(),
  params: z.record(z.string(), z.unknown()),
  banks: z.array(BankResult),
  flags: z.array(AssessmentFlag),
  computedAt: z.string().optional(),
  reviewedAt: z.string().optional(),
  approvedAt: z.string().optional(),
  publishedAt: z.string().optional(),
  rewardsDueBy: z.string(),
  rewardsPaidOn: z.string().optional(),
  reminders: z.array(z.object({ on: z.string(), kind: z.string(), message: z.string() })),
  version: z.number().int(),
});
export type Assessment = z.infer<typeof Assessment>;

const ReasonBody = z.object({ reason: z.string().min(2).max(500).optional() }).optional();
function step<B extends z.ZodType = typeof ReasonBody>(
  id: string,
  path: string,
  summary: string,
  roles: readonly ('finance_office' | 'county' | 'leading_group' | 'department')[],
  body?: B,
) {
  return defineContract({
    id,
    method: 'POST',
    path: `/scoring/districts/{district}/years/{year}${path}`,
    summary,
    auth: 'staff',
    roles,
    ...departmentsFor(roles),
    params: DistrictYear,
    body: (body ?? ReasonBody) as B,
    response: Assessment,
  });
}

export const lockYear = step('scoring.lockYear', '/lock', '锁定年度数据（金融办；锁定后方可计算）', ['finance_office']);
export const unlockYear = step(
  'scoring.unlockYear',
  '/unlock',
  '解锁年度数据（金融办，须说明理由；批准后不可解锁）',
  ['finance_office'],
  z.object({ reason: z.string().min(2).max(500) }),
);
export const setParams = defineContract({
  id: 'scoring.setParams',
  method: 'PUT',
  path: '/scoring/districts/{district}/years/{year}/params',
  summary: '设定本年度考核参数（生成新的参数版本；批准后不可更改）',
  auth: 'staff',
  roles: ['finance_office'],
  params: DistrictYear,
  body: z.object({ params: AssessmentParamsInput, reason: z.string().min(2).max(500) }),
  response: Assessment,
});
export const computeAssessment = step('scoring.compute', '/assessment/compute', '计算考核结果（须先锁定数据）', ['finance_office']);
export const reviewAssessment = step('scoring.review', '/assessment/review', '考核小组审核（提交区政府审批）', ['finance_office']);
export const approveAssessment = step('scoring.approve', '/assessment/approve', '区政府审批考核结果（批准后不可更改）', ['leading_group', 'county']);
export const publishAssessment = step('scoring.publish', '/assessment/publish', '发布考核奖励通报', ['finance_office', 'leading_group', 'county']);
export const markRewardsPaid = step(
  'scoring.rewardsPaid',
  '/assessment/rewards-paid',
  '登记奖励已兑现（区财政局或金融办）',
  ['finance_office', 'department'],
  z.object({ paidOn: IsoDate }),
);
export const getAssessment = defineContract({
  id: 'scoring.getAssessment',
  method: 'GET',
  path: '/scoring/districts/{district}/years/{year}/assessment',
  summary: '查询年度考核（银行用户只见本行结果）',
  auth: 'staff',
  roles: [...TEAM, 'bank'],
  departments: FINANCE_BUREAU,
  params: DistrictYear,
  response: Assessment,
});
export const listAudit = defineContract({
  id: 'scoring.listAudit',
  method: 'GET',
  path: '/scoring/districts/{district}/years/{year}/audit',
  summary: '年度考核的变更记录',
  auth: 'staff',
  roles: TEAM,
  departments: FINANCE_BUREAU,
  params: DistrictYear,
  response: z.object({
    items: z.array(
      z.object({
        subject: z.string(),
        at: z.string(),
        action: z.string(),
        actor: z.unknown(),
        reason: z.string().optional(),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
      }),
    ),
  }),
});
export const PublicResult = z.object({
  district: z.string(),
  year: z.number().int(),
  publishedAt: z.string(),
  paramsId: z.string(),
  banks: z.array(
    z.object({
      bankId: z.string(),
      name: z.string(),
      total: z.string(),
      totalRank: z.number().int().nullable(),
      prize: z.string().nullable(),
      items: z.array(ItemResult.pick({ item: true, points: true })),
    }),
  ),
});
export const publicResults = defineContract({
  id: 'scoring.publicResults',
  method: 'GET',
  path: '/public/scoring/districts/{district}/years/{year}/results',
  summary: '公开：已发布的银行考核结果',
  auth: 'public',
  params: DistrictYear,
  response: PublicResult,
});

// ── Household credit rating and 扶贫小额信贷 ledger (workflows.md §5.4) ──────
/** The rating's score items in Chinese (workflows.md §5.4), for messages and pages. */
export const CREDIT_ITEM_NAMES_ZH = {
  creditRecord: '信用记录',
  repaymentCapacity: '还款能力',
  productionProject: '生产项目',
  assets: '家庭资产',
  villageView: '村组评价',
} as const;
/** Why a member cannot be rated (scoring domain credit.ts eligibilityIssues), in Chinese. */
export const RATING_ISSUE_NAMES_ZH: Record<string, string> = {
  STATUS_NOT_ELIGIBLE: '户状态不在评级范围（未脱贫或脱贫享受政策户方可评级）',
  CAUSE_NOT_CAPITAL: '主要致贫原因不是“缺资金”',
  BORROWER_NOT_MEMBER: '不是本户在册成员',
  AGE_OUT_OF_RANGE: '年龄不在可贷款范围',
  NO_LABOUR_CAPACITY: '无劳动能力',
  EMPLOYED: '已就业（公职或稳定工资性就业）',
};
export const CreditRating = z.object({
  householdId: z.string(),
  borrowerId: z.string(),
  bankId: z.string(),
  ratedOn: z.string(),
  scores: z.object({
    creditRecord: z.number().int(),
    repaymentCapacity: z.number().int(),
    productionProject: z.number().int(),
    assets: z.number().int(),
    villageView: z.number().int(),
  }),
  total: z.number().int(),
  band: z.enum(['AAA', 'AA', 'A', 'NONE']),
  creditLineFen: z.number().int(),
  borrowerEmployed: z.boolean(),
  /** The borrower's name as on the ID card the bank was shown (the bank's own customer record). */
  borrowerName: z.string().optional(),
});
export const rateHousehold = defineContract({
  id: 'scoring.rateHousehold',
  method: 'POST',
  path: '/scoring/households/{householdId}/ratings',
  summary: '扶贫小额信贷农户信用评级（银行）',
  auth: 'staff',
  roles: ['bank'],
  params: z.object({ householdId: z.string().min(1).max(64) }),
  body: z.object({
    borrowerId: z.string().min(1),
    ratedOn: IsoDate,
    scores: CreditRating.shape.scores,
    /**
     * 借款人是否在职（公职人员或有稳定工资性就业），由评级银行核实并声明：在职者不纳入评级
     * （004 BANK-09 L1379–1381）。The register does not hold employment, so the bank states it.
     */
    borrowerEmployed: z.boolean(),
    /** The name on the applicant's ID card (from the borrower lookup), kept with the bank's rating. */
    borrowerName: z.string().trim().min(1).max(40).optional(),
  }),
  response: CreditRating,
});
/**
 * What a bank reads of a household it is asked to rate (workflows.md §5.4; 004 BANK-09 L1370,
 * L1379–1381): the facts the rating's eligibility test uses and nothing else of the register. Ages,
 * not birth dates; no names, ID numbers, phones, incomes, health or disability. The bank identifies
 * the applicant from the applicant's own documents; it reaches a household only by the id the
 * applicant brings (there is no list), and sees its own ratings of it, not other banks'.
 */
export const RatingFacts = z.object({
  householdId: z.string(),
  region: z.string(),
  status: z.string(),
  mainCause: z.string(),
  /** The day the ages and eligibility are given for (Asia/Shanghai). */
  asOf: z.string(),
  members: z.array(
    z.object({
      memberId: z.string(),
      age: z.number().int(),
      laborCapacity: z.string(),
      status: z.string(),
      /** Why this member cannot be rated today (empty: eligible, unless in employment, which the bank checks). */
      issues: z.array(z.string()),
    }),
  ),
  ratings: z.array(CreditRating),
  /** The score items of this household's rating rules and their maxima (the form's limits). */
  scoreItems: z.array(z.object({ item: z.enum(['creditRecord', 'repaymentCapacity', 'productionProject', 'assets', 'villageView']), max: z.number().int() })),
});
export const getRatingFacts = defineContract({
  id: 'scoring.getRatingFacts',
  method: 'GET',
  path: '/scoring/households/{householdId}/rating-facts',
  summary: '评级所需的农户事实（银行；仅年龄、劳动能力、户状态与主要致贫原因）',
  auth: 'staff',
  roles: ['bank'],
  params: z.object({ householdId: z.string().min(1).max(64) }),
  response: RatingFacts,
});
/** A bank's own ratings in a district, newest first, for picking a borrower to lend to. */
export const listBankRatings = defineContract({
  id: 'scoring.listBankRatings',
  method: 'GET',
  path: '/scoring/districts/{district}/ratings',
  summary: '本行的农户信用评级（银行，仅本行）',
  auth: 'staff',
  roles: ['bank'],
  params: District,
  response: z.object({ items: z.array(CreditRating.extend({ region: z.string() })) }),
});
export const Loan = z.object({
  loanId: z.string(),
  bankId: z.string(),
  householdId: z.string(),
  borrowerId: z.string(),
  region: z.string(),
  amountFen: z.number().int(),
  termMonths: z.number().int(),
  annualRatePct: z.string(),
  issuedOn: z.string(),
  purpose: z.string(),
  outstandingFen: z.number().int(),
  status: z.enum(['current', 'overdue', 'repaid']),
  overdueSince: z.string().optional(),
  version: z.number().int(),
});
export const issueLoan = defineContract({
  id: 'scoring.issueLoan',
  method: 'POST',
  path: '/scoring/loans',
  summary: '登记发放扶贫小额信贷（银行，本行）',
  auth: 'staff',
  roles: ['bank'],
  body: z.object({
    householdId: z.string().min(1),
    borrowerId: z.string().min(1),
    amountFen: z.number().int(),
    termMonths: z.number().int(),
    annualRatePct: DecimalText,
    issuedOn: IsoDate,
    /** Production use only (户贷户用户还, 004 BANK-02/03/04). */
    purpose: z.string().min(2).max(200),
  }),
  response: Loan,
});
/** A bank's own loans in a district, newest first. */
export const listBankLoans = defineContract({
  id: 'scoring.listBankLoans',
  method: 'GET',
  path: '/scoring/districts/{district}/loans',
  summary: '本行发放的扶贫小额信贷（银行，仅本行）',
  auth: 'staff',
  roles: ['bank'],
  params: District,
  response: z.object({ items: z.array(Loan) }),
});
export const recordRepayment = defineContract({
  id: 'scoring.recordRepayment',
  method: 'POST',
  path: '/scoring/loans/{loanId}/repayments',
  summary: '登记还款（银行，本行）',
  auth: 'staff',
  roles: ['bank'],
  params: z.object({ loanId: z.string().min(1) }),
  body: z.object({ principalFen: z.number().int(), repaidOn: IsoDate, expectedVersion: z.number().int().min(1) }),
  response: Loan,
});
export const markOverdue = defineContract({
  id: 'scoring.markOverdue',
  method: 'POST',
  path: '/scoring/loans/{loanId}/overdue',
  summary: '登记逾期（银行，本行；当季贴息取消）',
  auth: 'staff',
  roles: ['bank'],
  params: z.object({ loanId: z.string().min(1) }),
  body: z.object({ since: IsoDate, overdueFen: z.number().int().min(1), expectedVersion: z.number().int().min(1) }),
  response: Loan,
});

// ── Micro-credit per period: 贴息, rates against the tolerance, coverage, risk fund (workflows.md §5.4) ──
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, { message: '季度须为 YYYY-Qn 格式，如 2019-Q2' });
const DistrictQuarter = District.extend({ quarter: Quarter });
const FUND_KEEPERS = ['finance_office', 'department'] as const;

/** A loan's 贴息 for a quarter: what the subsidy-computed event says, with the days counted and when. */
export const SubsidyItem = subsidyComputed.data.extend({
  days: z.number().int(),
  computedAt: z.string(),
});
export const computeSubsidy = defineContract({
  id: 'scoring.computeSubsidy',
  method: 'POST',
  path: '/scoring/districts/{district}/microcredit/quarters/{quarter}/subsidy',
  summary: '计算本季度扶贫小额信贷贴息（逐笔，每笔每季只计算一次）',
  auth: 'staff',
  roles: FUND_KEEPERS,
  departments: FINANCE_BUREAU,
  params: DistrictQuarter,
  response: z.object({
    district: z.string(),
    quarter: z.string(),
    computed: z.number().int(),
    alreadyComputed: z.number().int(),
    items: z.array(SubsidyItem),
    subsidyFen: z.number().int(),
  }),
});

export const NplTarget = z.object({ district: z.string(), bankId: z.string(), year: z.number().int(), targetPct: z.string(), version: z.number().int() });
export const setNplTarget = defineContract({
  id: 'scoring.setNplTarget',
  method: 'PUT',
  path: '/scoring/districts/{district}/banks/{bankId}/npl-targets/{year}',
  summary: '登记银行本年度不良贷款率目标（金融办或本行；更正须说明理由）',
  auth: 'staff',
  roles: ['finance_office', 'bank'],
  params: District.extend({ bankId: BankId, year: Year }),
  body: z.object({ targetPct: DecimalText, expectedVersion: z.number().int().min(1).optional(), reason: z.string().min(2).max(500).optional() }),
  response: NplTarget,
});

export const BankRates = z.object({
  bankId: z.string(),
  loans: z.number().int(),
  outstandingFen: z.number().int(),
  overdueFen: z.number().int(),
  badFen: z.number().int(),
  overdueRatePct: z.string(),
  nplRatePct: z.string(),
  nplTargetPct: z.string().nullable(),
  toleranceCeilingPct: z.string().nullable(),
  /** within the target, tolerated (≤ target + 2 pp, 004 BANK-18 L1396), exceeded, or no-target entered. */
  status: z.enum(['within', 'tolerated', 'exceeded', 'no-target']),
});
export const Coverage = z.object({
  region: z.string(),
  on: z.string(),
  eligible: z.number().int(),
  rated: z.number().int(),
  coveragePct: z.string().nullable(),
  targetPct: z.string(),
  metTarget: z.boolean().nullable(),
  byTown: z.array(z.object({ region: z.string(), eligible: z.number().int(), rated: z.number().int(), coveragePct: z.string().nullable(), metTarget: z.boolean().nullable() })),
});
export const QuarterReview = z.object({ district: z.string(), quarter: z.string(), on: z.string(), banks: z.array(BankRates), coverage: Coverage, recordedAt: z.string() });
export const reviewQuarter = defineContract({
  id: 'scoring.reviewQuarter',
  method: 'POST',
  path: '/scoring/districts/{district}/microcredit/quarters/{quarter}/review',
  summary: '记录季末各银行扶贫小额信贷逾期率、不良率（对照容忍度）及评级授信覆盖面（每季一次）',
  auth: 'staff',
  roles: ['finance_office', 'pboc'],
  params: DistrictQuarter,
  response: QuarterReview,
});
export const getQuarter = defineContract({
  id: 'scoring.getQuarter',
  method: 'GET',
  path: '/scoring/districts/{district}/microcredit/quarters/{quarter}',
  summary: '季度扶贫小额信贷台账：贴息与季末考核（银行用户只见本行）',
  auth: 'staff',
  roles: [...TEAM, 'bank'],
  departments: FINANCE_BUREAU,
  params: DistrictQuarter,
  response: z.object({ district: z.string(), quarter: z.string(), subsidy: z.array(SubsidyItem), review: QuarterReview.nullable() }),
});
export const getCoverage = defineContract({
  id: 'scoring.getCoverage',
  method: 'GET',
  path: '/scoring/districts/{district}/microcredit/coverage',
  summary: '评级授信覆盖面（已评级户 / 应评级户，目标100%，004 BANK-09）',
  auth: 'staff',
  roles: TEAM,
  departments: FINANCE_BUREAU,
  params: District,
  query: z.object({ on: IsoDate }),
  response: Coverage,
});

export const RiskFund = z.object({
  district: z.string(),
  /** The fund's share of a loss in % (the documents set none: 004 BANK-01/24, 000 BK-8); null until set. */
  sharePct: z.string().nullable(),
  balanceFen: z.number().int(),
  depositedFen: z.number().int(),
  drawnFen: z.number().int(),
  draws: z.array(z.object({ loanId: z.string(), bankId: z.string(), lossFen: z.number().int(), sharePct: z.string(), amountFen: z.number().int(), drawnOn: z.string() })),
  version: z.number().int(),
});
export const getRiskFund = defineContract({
  id: 'scoring.getRiskFund',
  method: 'GET',
  path: '/scoring/districts/{district}/risk-fund',
  summary: '县风险补偿金：余额与代偿记录',
  auth: 'staff',
  roles: TEAM,
  departments: FINANCE_BUREAU,
  params: District,
  response: RiskFund,
});
export const setRiskFundShare = defineContract({
  id: 'scoring.setRiskFundShare',
  method: 'PUT',
  path: '/scoring/districts/{district}/risk-fund/share',
  summary: '设定风险补偿金分担比例（须说明依据）',
  auth: 'staff',
  roles: FUND_KEEPERS,
  departments: FINANCE_BUREAU,
  params: District,
  body: z.object({ sharePct: DecimalText, reason: z.string().min(2).max(500) }),
  response: RiskFund,
});
export const depositRiskFund = defineContract({
  id: 'scoring.depositRiskFund',
  method: 'POST',
  path: '/scoring/districts/{district}/risk-fund/deposits',
  summary: '登记风险补偿金到位资金',
  auth: 'staff',
  roles: FUND_KEEPERS,
  departments: FINANCE_BUREAU,
  params: District,
  body: z.object({ amountFen: z.number().int().min(1), depositedOn: IsoDate, reason: z.string().min(2).max(500) }),
  response: RiskFund,
});
export const drawRiskFund = defineContract({
  id: 'scoring.drawRiskFund',
  method: 'POST',
  path: '/scoring/districts/{district}/risk-fund/draws',
  summary: '风险补偿金代偿（不良贷款损失按分担比例补偿，每笔贷款一次）',
  auth: 'staff',
  roles: FUND_KEEPERS,
  departments: FINANCE_BUREAU,
  params: District,
  body: z.object({ loanId: z.string().min(1), lossFen: z.number().int().min(1), drawnOn: IsoDate }),
  response: RiskFund,
});
