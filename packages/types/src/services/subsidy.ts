import * as z from 'zod';
import { REGIONAL_ROLES } from '../auth.js';
import { defineContract } from '../contracts.js';
import { IdNumber } from '../id-number.js';
import { Period } from '../period.js';
import { RegionCode } from '../region.js';

/** HTTP contracts of the subsidy service. Owned by that service. */

/**
 * Who reads a household's entitlements (quotes, roster lines, per-household differences): the
 * register's keepers of its region. Amounts per item reveal health and disability (a 残疾人 or
 * 大病 line), so no other role reads them; run totals carry no person and the leading group reads
 * them too (docs/security.md).
 */
const ENTITLEMENT_READERS = ['village', 'town', 'county'] as const;

const ItemTotal = z.object({
  households: z.number().int(),
  totalFen: z.number().int(),
});
const Totals = z.object({
  households: z.number().int(),
  totalFen: z.number().int(),
  byItem: z.record(z.string(), ItemTotal),
  byTown: z.record(z.string(), z.record(z.string(), ItemTotal)),
  missingFacts: z.record(z.string(), z.number().int()),
});

const Line = z.object({
  itemId: z.string(),
  nameZh: z.string(),
  kind: z.string(),
  subject: z.string(),
  status: z.enum(['payable', 'missing-facts', 'excluded', 'not-quantified']),
  amountFen: z.number().int().min(0),
  floorFen: z.number().int().optional(),
  value: z.union([z.number(), z.string()]).optional(),
  missingFacts: z.array(z.string()).optional(),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  source: z.object({ seed: z.string(), lines: z.string(), rule: z.string() }),
  explanation: z.string(),
  excludedBy: z.string().optional(),
});

const FactInput = z.union([z.number(), z.string().max(200), z.boolean(), z.null()]);

export const Quote = z.object({
  householdId: z.string(),
  period: z.string(),
  jurisdiction: z.string(),
  catalogVersion: z.string(),
  parametersVersion: z.number().int(),
  standardVersions: z.record(z.string(), z.number().int()),
  totalFen: z.number().int(),
  lines: z.array(Line),
  notQuantified: z.array(
    z.object({
      id: z.string(),
      nameZh: z.string(),
      source: z.object({
        seed: z.string(),
        lines: z.string(),
        rule: z.string(),
      }),
    }),
  ),
});

export const quote = defineContract({
  id: 'subsidy.quote',
  method: 'POST',
  path: '/subsidy/quote',
  summary: '一户的享受政策测算：每项金额及依据（含按次申报的事实，如医疗费用、实际投入）',
  auth: 'staff',
  roles: ENTITLEMENT_READERS,
  body: z.object({
    householdId: z.string().min(1).max(100),
    period: Period,
    /** Only these items (default: every household and person item in effect). */
    items: z.array(z.string()).max(200).optional(),
    /** Per-claim facts; money facts (catalog type yuan) are integer fen. */
    claims: z
      .array(
        z.object({
          itemId: z.string(),
          memberId: z.string().optional(),
          facts: z.record(z.string(), FactInput),
        }),
      )
      .max(100)
      .default([]),
  }),
  response: Quote,
});

const ItemSummary = z.object({
  id: z.string(),
  nameZh: z.string(),
  jurisdiction: z.string(),
  category: z.string(),
  kind: z.string(),
  period: z.string(),
  unit: z.string(),
  amount: z.number().nullable(),
  formula: z.string().nullable(),
  isMinimum: z.boolean(),
  isPayment: z.boolean(),
  effective: z.object({
    from: z.union([z.number(), z.string()]),
    to: z.union([z.number(), z.string()]),
  }),
  source: z.object({
    seed: z.string(),
    lines: z.string(),
    rule: z.string(),
    quoteZh: z.string(),
  }),
});

export const getCatalog = defineContract({
  id: 'subsidy.getCatalog',
  method: 'GET',
  path: '/subsidy/catalog',
  summary: '政策目录（版本、项目、未量化政策）',
  auth: 'staff',
  unscopedReason: 'The catalog holds the published policies of every jurisdiction; nothing regional or personal.',
  query: z.object({ jurisdiction: z.string().optional() }),
  response: z.object({
    version: z.string(),
    items: z.array(ItemSummary),
    notQuantified: z.array(
      z.object({
        id: z.string(),
        nameZh: z.string(),
        jurisdiction: z.string(),
      }),
    ),
  }),
});

export const getCatalogItem = defineContract({
  id: 'subsidy.getCatalogItem',
  method: 'GET',
  path: '/subsidy/catalog/items/{itemId}',
  summary: '政策目录中的一项（完整定义）',
  auth: 'staff',
  params: z.object({ itemId: z.string().max(100) }),
  response: z.object({
    version: z.string(),
    item: z.record(z.string(), z.unknown()),
  }),
});

const Parameters = z.object({
  jurisdiction: z.string(),
  version: z.number().int(),
  values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  definitions: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      items: z.array(z.string()),
      note: z.string(),
    }),
  ),
  updatedAt: z.string().optional(),
});

export const getParameters = defineContract({
  id: 'subsidy.getParameters',
  method: 'GET',
  path: '/subsidy/parameters/{jurisdiction}',
  summary: '区县参数（低保标准、电价、实发标准等）及可设定项',
  auth: 'staff',
  unscopedReason: 'Local parameters are published standards (低保 standards, tariffs); writing them is scoped.',
  params: z.object({ jurisdiction: z.string().max(40) }),
  response: Parameters,
});

export const setParameters = defineContract({
  id: 'subsidy.setParameters',
  method: 'PUT',
  path: '/subsidy/parameters/{jurisdiction}',
  summary: '设定区县参数（版本化、留痕；金额为分；null 删除）',
  auth: 'staff',
  roles: ['county'],
  params: z.object({ jurisdiction: z.string().max(40) }),
  body: z.object({
    expectedVersion: z.number().int().min(0),
    values: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
    reason: z.string().min(1).max(500),
  }),
  response: Parameters,
});

export const RunView = z.object({
  runId: z.string(),
  period: z.string(),
  region: z.string(),
  jurisdiction: z.string(),
  attempt: z.number().int(),
  status: z.enum(['RUNNING', 'COMPLETED', 'APPROVED', 'PAID']),
  frozenAt: z.string(),
  catalogVersion: z.string(),
  parametersVersion: z.number().int(),
  /** The standard version each carried-forward item was computed on (item id → version; 0 = the document's). */
  standardVersions: z.record(z.string(), z.number().int()).optional(),
  progress: z.object({
    done: z.number().int(),
    total: z.number().int(),
    chunks: z.number().int(),
  }),
  totals: Totals,
  previousTotals: Totals.optional(),
  diff: z.object({
    added: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
  }),
  villages: z.number().int(),
  startedAt: z.string(),
  completedAt: z.string().optional(),
  approvedAt: z.string().optional(),
  approvedBy: z.string().optional(),
  publishedAt: z.string().optional(),
  paidAt: z.string().optional(),
});

const PeriodRegion = z.object({ period: Period, region: RegionCode });
/** Number of a re-issue roster of a period's roster (1, 2, …). */
const Reissue = z.coerce.number().int().min(1).max(999);

export const startRun = defineContract({
  id: 'subsidy.startRun',
  method: 'POST',
  path: '/subsidy/runs',
  summary: '发起（或续跑、重算）某期某区划的月度发放计算',
  auth: 'staff',
  roles: ['county', 'town'],
  body: PeriodRegion,
  response: RunView,
});

export const getRun = defineContract({
  id: 'subsidy.getRun',
  method: 'GET',
  path: '/subsidy/runs/{period}/{region}',
  summary: '月度计算的状态、进度与合计',
  auth: 'staff',
  roles: REGIONAL_ROLES,
  params: PeriodRegion,
  response: RunView,
});

export const getRunDiff = defineContract({
  id: 'subsidy.getRunDiff',
  method: 'GET',
  path: '/subsidy/runs/{period}/{region}/diff',
  summary: '重算与上次结果的差异（逐户逐项）',
  auth: 'staff',
  roles: ['town', 'county'],
  params: PeriodRegion,
  query: z.object({
    cursor: z.string().max(2048).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
  response: z.object({
    attempt: z.number().int(),
    items: z.array(
      z.object({
        householdId: z.string(),
        itemId: z.string(),
        kind: z.enum(['added', 'changed', 'removed']),
        beforeFen: z.number().int().nullable(),
        afterFen: z.number().int().nullable(),
      }),
    ),
    nextCursor: z.string().optional(),
  }),
});

export const RosterLineView = z.object({
  householdId: z.string(),
  village: z.string(),
  town: z.string(),
  headName: z.string(),
  group: z.string(),
  itemId: z.string(),
  nameZh: z.string(),
  status: z.string(),
  amountFen: z.number().int(),
  subjects: z.array(
    z.object({
      subject: z.string(),
      name: z.string().optional(),
      status: z.string(),
      amountFen: z.number().int(),
      explanation: z.string(),
      missingFacts: z.array(z.string()).optional(),
      excludedBy: z.string().optional(),
    }),
  ),
});

export const getRosterLines = defineContract({
  id: 'subsidy.getRosterLines',
  method: 'GET',
  path: '/subsidy/rosters/{period}/{region}/lines',
  summary: '发放花名册明细（按村分页）',
  auth: 'staff',
  roles: ENTITLEMENT_READERS,
  params: PeriodRegion,
  query: z.object({
    village: RegionCode,
    cursor: z.string().max(2048).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
  response: z.object({
    items: z.array(RosterLineView),
    nextCursor: z.string().optional(),
  }),
});

export const approveRoster = defineContract({
  id: 'subsidy.approveRoster',
  method: 'POST',
  path: '/subsidy/rosters/{period}/{region}/approve',
  summary: '区县审核通过发放花名册（通过后方可导出）',
  auth: 'staff',
  roles: ['county'],
  params: PeriodRegion,
  body: z.object({
    expectedAttempt: z.number().int().min(1),
    note: z.string().max(500).optional(),
  }),
  response: RunView,
});

export const exportRoster = defineContract({
  id: 'subsidy.exportRoster',
  method: 'GET',
  path: '/subsidy/rosters/{period}/{region}/export',
  summary: '导出一卡通银行发放文件（收款人、身份证号、账户；XLSX 或 CSV；须已审核；每次下载留痕）',
  auth: 'staff',
  roles: ['county'],
  params: PeriodRegion,
  query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), reissue: Reissue.optional() }),
  produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});

export const PaymentImportReport = z.object({
  importId: z.string(),
  rosterId: z.string(),
  rows: z.number().int(),
  paid: z.number().int(),
  failed: z.number().int(),
  corrected: z.number().int(),
  unchanged: z.number().int(),
  outcomes: z.array(z.object({ row: z.number().int(), ref: z.string(), outcome: z.enum(['paid', 'failed', 'corrected', 'unchanged']) })),
});

export const importPaymentResults = defineContract({
  id: 'subsidy.importPaymentResults',
  method: 'POST',
  path: '/subsidy/rosters/{period}/{region}/payment-results',
  summary: '导入银行发放结果（逐笔成功/失败及原因；任一行不合格则整份不导入；重复导入不变）',
  auth: 'staff',
  roles: ['county'],
  params: PeriodRegion,
  body: z.object({
    format: z.enum(['csv', 'xlsx']),
    contentBase64: z.string().min(1).max(8_000_000),
    /** The re-issue roster the results answer (default: the period's roster). */
    reissue: Reissue.optional(),
    /** Required to turn a line recorded as paid into failed: why the earlier result was wrong. */
    correction: z.string().trim().min(1).max(500).optional(),
  }),
  response: PaymentImportReport,
});

export const ReissueView = z.object({
  rosterId: z.string(),
  period: z.string(),
  region: z.string(),
  reissue: z.number().int(),
  status: z.enum(['BUILDING', 'READY']),
  lines: z.number().int(),
  totalFen: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string().optional(),
});

export const createReissue = defineContract({
  id: 'subsidy.createReissue',
  method: 'POST',
  path: '/subsidy/rosters/{period}/{region}/reissues',
  summary: '补发：把发放失败且未补发的笔数转入新的补发花名册（每笔只转一次）',
  auth: 'staff',
  roles: ['county'],
  params: PeriodRegion,
  response: ReissueView,
});

export const publishRoster = defineContract({
  id: 'subsidy.publishRoster',
  method: 'POST',
  path: '/subsidy/rosters/{period}/{region}/publish',
  summary: '经公示服务公开资金分配结果（按镇、项目汇总，不含个人信息）',
  auth: 'staff',
  roles: ['county'],
  params: PeriodRegion,
  response: RunView,
});

export const markRosterPaid = defineContract({
  id: 'subsidy.markRosterPaid',
  method: 'POST',
  path: '/subsidy/rosters/{period}/{region}/paid',
  summary: '登记花名册已通过一卡通发放',
  auth: 'staff',
  roles: ['county'],
  params: PeriodRegion,
  response: RunView,
});

/** A version of a standard that carries forward (money in fen; only the terms of the item's shape). */
export const StandardVersionView = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  status: z.enum(['PENDING', 'APPROVED', 'REJECTED']),
  amountFen: z.number().int().optional(),
  bandAmountsFen: z.record(z.string(), z.number().int()).optional(),
  valuesFen: z.record(z.string(), z.number().int()).optional(),
  document: z.object({ number: z.string(), title: z.string() }),
  reason: z.string().optional(),
  enteredBy: z.string().optional(),
  enteredByName: z.string().optional(),
  enteredAt: z.string().optional(),
  reviewedBy: z.string().optional(),
  reviewedByName: z.string().optional(),
  reviewedAt: z.string().optional(),
  rejectionReason: z.string().optional(),
});

/** One standard as a form needs it: names, what a version sets, the version in force, pending ones. */
export const StandardView = z.object({
  itemId: z.string(),
  nameZh: z.string(),
  unit: z.string(),
  period: z.string(),
  /** What a version sets: a fixed amount, one amount per band, or the formula's standard parameters. */
  shape: z.object({
    kind: z.enum(['amount', 'bands', 'values']),
    amountFen: z.number().int().optional(),
    bands: z.array(z.object({ label: z.string(), labelZh: z.string(), amountFen: z.number().int() })).optional(),
    values: z.array(z.object({ name: z.string(), labelZh: z.string(), amountFen: z.number().int() })).optional(),
  }),
  /** False when the amount follows county parameters (change those instead). */
  editable: z.boolean(),
  source: z.object({ seed: z.string(), lines: z.string(), rule: z.string(), quoteZh: z.string() }),
  inForce: StandardVersionView,
  /** E.g. `沿用2017年标准` when the version in force is older than the period's year. */
  carriedForward: z.string().optional(),
  versions: z.array(StandardVersionView),
  pending: z.array(StandardVersionView),
});

const JurisdictionParam = z.object({ jurisdiction: z.string().max(40) });
const StandardParams = JurisdictionParam.extend({ itemId: z.string().max(100) });
const StandardVersionParams = StandardParams.extend({ version: z.coerce.number().int().min(1) });

export const listStandards = defineContract({
  id: 'subsidy.listStandards',
  method: 'GET',
  path: '/subsidy/standards/{jurisdiction}',
  summary: '可续用的补贴标准：每项的现行版本（按期间）、历史版本与待审核版本',
  auth: 'staff',
  unscopedReason: 'Standards are published policy figures of a jurisdiction; writing them is scoped.',
  params: JurisdictionParam,
  query: z.object({ period: Period.optional() }),
  response: z.object({ jurisdiction: z.string(), period: z.string(), standards: z.array(StandardView) }),
});

export const proposeStandard = defineContract({
  id: 'subsidy.proposeStandard',
  method: 'POST',
  path: '/subsidy/standards/{jurisdiction}/{itemId}/versions',
  summary: '录入新标准（金额或公式参数、生效日期、文件文号与标题；待另一人审核后生效）',
  auth: 'staff',
  roles: ['county'],
  params: StandardParams,
  body: z.object({
    effectiveFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '生效日期须为 YYYY-MM-DD' }),
    amountFen: z.number().int().optional(),
    bandAmountsFen: z.record(z.string(), z.number().int()).optional(),
    valuesFen: z.record(z.string(), z.number().int()).optional(),
    documentNumber: z.string().min(1).max(100),
    documentTitle: z.string().min(1).max(300),
    reason: z.string().max(500).optional(),
  }),
  response: StandardView,
});

export const approveStandard = defineContract({
  id: 'subsidy.approveStandard',
  method: 'POST',
  path: '/subsidy/standards/{jurisdiction}/{itemId}/versions/{version}/approve',
  summary: '审核通过新标准（录入人不能审核；通过后按生效日期适用）',
  auth: 'staff',
  roles: ['county', 'leading_group'],
  params: StandardVersionParams,
  response: StandardView,
});

export const rejectStandard = defineContract({
  id: 'subsidy.rejectStandard',
  method: 'POST',
  path: '/subsidy/standards/{jurisdiction}/{itemId}/versions/{version}/reject',
  summary: '退回新标准（须说明理由；录入人不能审核）',
  auth: 'staff',
  roles: ['county', 'leading_group'],
  params: StandardVersionParams,
  body: z.object({ reason: z.string().min(1).max(500) }),
  response: StandardView,
});

// ---------------- public (anonymous, rate-limited) ----------------

/** One item of a period as the household's head is told it: no member, no account, no reason. */
export const PublicPayment = z.object({
  period: Period,
  itemName: z.string(),
  amountFen: z.number().int(),
  /** approved: on an approved roster, not yet paid; paid: the bank paid every row; failed: a row came back unpaid. */
  status: z.enum(['approved', 'paid', 'failed']),
  statusName: z.string(),
});

/**
 * A household's own published payments, asked for by its head (issue 14; decisions Subsidy 30):
 * the head's name and full ID number, both exact. POST so the ID number stays out
 * of URLs, logs and caches. No household and no published payment give the same empty answer.
 */
export const publicPaymentsLookup = defineContract({
  id: 'subsidy.public.payments',
  method: 'POST',
  path: '/public/payments/lookup',
  summary: '户主按姓名和身份证号查询本户已审核公布的补贴发放（不显示其他信息，限次）',
  auth: 'public',
  body: z.object({
    headName: z.string().trim().min(2, { message: '请填写户主的完整姓名' }).max(20, { message: '姓名不能超过20个字' }),
    idNumber: IdNumber,
  }),
  response: z.object({ items: z.array(PublicPayment) }),
});
