import * as z from 'zod';
import { defineContract, PageQuery } from '../contracts.js';
import { Period } from '../period.js';
import { RegionCode } from '../region.js';

/** HTTP contracts of the dispatch service (月调度: targets, read model, reports, filings, jobs). Owned by that service. */

/** How the dispatch service measures progress on a target. */
export const Measure = z.discriminatedUnion('kind', [
  /** Sum of a monthly flow metric from the start of the window to the report month. */
  z.object({ kind: z.literal('flow'), metric: z.string().min(1).max(80) }),
  /** A stock metric at the end of the report month. */
  z.object({ kind: z.literal('stock'), metric: z.string().min(1).max(80) }),
  /** A figure a filer (`dept:<code>` or `town:<region>`) files for the report month. */
  z.object({ kind: z.literal('filing'), filer: z.string().min(1).max(60), figure: z.string().min(1).max(64) }),
]);
export type Measure = z.infer<typeof Measure>;

export const TARGET_UNITS = ['人', '户', '个', '%', '万人', '万元', '元', '亩', '公里'] as const;
export const TargetCode = z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/, { message: '指标代码须为小写字母、数字、点或连字符' });

/**
 * Targets and indicators (workflows.md §7): `Target {jurisdiction, code, name, unit, baseline_year,
 * baseline, target_year, target, attribute, owner, schedule?, source, conflict?}`, plus how the
 * dispatch service measures progress (`measure`).
 */
export const Target = z.object({
  jurisdiction: z.string().regex(/^\d{12}$/),
  code: TargetCode,
  name: z.string().min(1).max(100),
  unit: z.enum(TARGET_UNITS),
  baselineYear: z.number().int(),
  baseline: z.number(),
  targetYear: z.number().int(),
  target: z.number(),
  attribute: z.enum(['约束性', '预期性']),
  owner: z.string().min(1).max(40),
  /** Cumulative share (%) of the change reached at the end of each year of the window (e.g. 001 "442": 40, 80, 100). */
  schedule: z.array(z.number()).optional(),
  measure: Measure.optional(),
  source: z.string().min(1).max(300),
  conflict: z.object({ note: z.string(), figures: z.array(z.object({ value: z.number(), source: z.string() })) }).optional(),
});
export type Target = z.infer<typeof Target>;

export const StoredTargetBody = z.object({
  target: Target,
  /** 0: as loaded from the seed document, never edited. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const listTargets = defineContract({
  id: 'dispatch.listTargets',
  method: 'GET',
  path: '/dispatch/targets',
  summary: '查询辖区目标与指标（workflows.md §7）',
  auth: 'staff',
  query: z.object({ jurisdiction: RegionCode }),
  response: z.object({ items: z.array(StoredTargetBody) }),
});

export const putTarget = defineContract({
  id: 'dispatch.putTarget',
  method: 'PUT',
  path: '/dispatch/targets/{jurisdiction}/{code}',
  summary: '新增或修改目标（区县扶贫办，保留历史）',
  auth: 'staff',
  roles: ['county'],
  params: z.object({ jurisdiction: RegionCode, code: TargetCode }),
  body: Target.omit({ jurisdiction: true, code: true }).extend({
    /** The version read (0 for a seed row or a new target). */
    expectedVersion: z.number().int().min(0),
    reason: z.string().min(2).max(500),
  }),
  response: StoredTargetBody,
});

export const targetHistory = defineContract({
  id: 'dispatch.targetHistory',
  method: 'GET',
  path: '/dispatch/targets/{jurisdiction}/{code}/history',
  summary: '目标修改历史',
  auth: 'staff',
  params: z.object({ jurisdiction: RegionCode, code: z.string().max(64) }),
  response: z.object({
    items: z.array(z.object({ targetVersion: z.number().int(), target: Target, previous: Target.nullable(), reason: z.string(), at: z.string(), by: z.string() })),
  }),
});

const MetricValue = z.object({ metric: z.string(), label: z.string(), kind: z.enum(['flow', 'stock']), value: z.number() });

export const getCounts = defineContract({
  id: 'dispatch.getCounts',
  method: 'GET',
  path: '/dispatch/counts',
  summary: '调度读模型：区划某月的计数（流量为当月，存量为月末）',
  auth: 'staff',
  query: z.object({ region: RegionCode, period: Period }),
  response: z.object({ region: z.string(), period: z.string(), metrics: z.array(MetricValue) }),
});

export const ReportQuery = z.object({
  kind: z.enum(['monthly', 'quarterly', 'yearly']).default('monthly'),
  format: z.enum(['json', 'xlsx', 'csv']).default('json'),
});

export const getReport = defineContract({
  id: 'dispatch.getReport',
  method: 'GET',
  path: '/dispatch/reports/{region}/{period}',
  summary: '月调度报告（JSON；format=xlsx 或 csv 导出）',
  auth: 'staff',
  params: z.object({ region: RegionCode, period: z.string().regex(/^\d{4}(-\d{2}|-Q[1-4])?$/) }),
  query: ReportQuery,
  response: z.object({ digest: z.string(), runId: z.string(), report: z.looseObject({ kind: z.string(), period: z.string(), region: z.string() }) }),
  produces: 'application/json; XLSX or CSV with format=',
});

export const getSeries = defineContract({
  id: 'dispatch.getSeries',
  method: 'GET',
  path: '/dispatch/series',
  summary: '图表数据：某区划某指标的月度序列（含目标期望值）',
  auth: 'staff',
  query: z.object({ region: RegionCode, metric: z.string().min(1).max(80), from: Period, to: Period, target: z.string().max(64).optional() }),
  response: z.object({
    region: z.string(),
    metric: z.string(),
    label: z.string(),
    kind: z.enum(['flow', 'stock']),
    target: z.object({ code: z.string(), name: z.string(), target: z.number(), targetYear: z.number() }).nullable(),
    points: z.array(z.object({ period: z.string(), value: z.number(), cumulative: z.number(), target: z.number().optional() })),
  }),
});

/** The filing forms of workflows.md §6 (dispatch's `domain/obligations.ts` holds their cycles and deadlines). */
export const FILING_FORM_CODES = [
  'monthly',
  'dropout',
  'sector-progress',
  'pv-fee',
  'transport-dekad',
  'water-half-month',
  'dibao-lists',
  'cadre-allowance',
  'half-year-bulletin',
  'pre-exit',
  'income-survey',
  'bank-data',
  'annual-report',
  'budget',
  'hardship-survey',
  'poverty-day',
  'credit-plan',
] as const;
const FilingForm = z.enum(FILING_FORM_CODES);
/** A filing period: `YYYY-MM`, a 旬 `YYYY-MM-D1…3`, a half-month `YYYY-MM-H1…2`, `YYYY-Qn`, a half-year `YYYY-H1…2` or `YYYY`. */
export const FilingPeriod = z
  .string()
  .regex(/^(19|20)\d{2}(-(0[1-9]|1[0-2])(-D[1-3]|-H[12])?|-Q[1-4]|-H[12])?$/, { message: '期间须为 YYYY-MM、YYYY-MM-D1…D3、YYYY-MM-H1/H2、YYYY-Qn、YYYY-H1/H2 或 YYYY' });
const Correction = z.object({ reason: z.string().min(2).max(500) });

export const FilingBody = z.object({
  jurisdiction: z.string(),
  period: z.string(),
  form: FilingForm,
  filer: z.string(),
  figures: z.record(z.string(), z.number()),
  filedAt: z.string(),
  filedOn: z.string(),
  due: z.string(),
  late: z.boolean(),
  daysLate: z.number().int(),
  corrections: z.number().int(),
  reason: z.string().optional(),
  version: z.number().int(),
});

export const fileFigures = defineContract({
  id: 'dispatch.fileFigures',
  method: 'POST',
  path: '/dispatch/filings',
  summary: '职能部门或镇（街）填报调度数据（各报表按其截止日；逾期照收并标注；未开始或早已截止的期间拒收；重复须注明更正原因）',
  auth: 'staff',
  roles: ['department', 'town'],
  body: z.object({ period: FilingPeriod, form: FilingForm.default('monthly'), figures: z.record(z.string(), z.number()), correction: Correction.optional() }),
  response: FilingBody,
});

export const uploadFiling = defineContract({
  id: 'dispatch.uploadFiling',
  method: 'POST',
  path: '/dispatch/filings/upload',
  summary: '以 XLSX 或 CSV 文件填报（两列：指标键、数值）',
  auth: 'staff',
  roles: ['department', 'town'],
  body: z.object({
    period: FilingPeriod,
    form: FilingForm.default('monthly'),
    format: z.enum(['xlsx', 'csv']),
    contentBase64: z.string().min(1).max(4_000_000),
    correction: Correction.optional(),
  }),
  response: FilingBody,
});

export const listFilings = defineContract({
  id: 'dispatch.listFilings',
  method: 'GET',
  path: '/dispatch/filings',
  summary: '某期填报情况（已报、逾期、未报）',
  auth: 'staff',
  query: z.object({ jurisdiction: RegionCode, period: FilingPeriod }),
  response: z.object({
    items: z.array(FilingBody.omit({ version: true })),
    missing: z.array(z.string()),
    late: z.array(z.string()),
  }),
});

const JobBody = z.object({
  name: z.string(),
  schedule: z.string(),
  description: z.string(),
  source: z.string(),
  onlyOn: z.string().optional(),
  cycle: z.string(),
  timing: z.enum(['after', 'during']),
  owner: z.string(),
  recipients: z.array(z.string()),
  inputs: z.string(),
  outputs: z.string(),
  form: z.string().optional(),
  /** The period the next firing is about and its deadline (nominal, and shifted past rest days). */
  current: z.object({ period: z.string(), nominalDue: z.string(), due: z.string() }),
});
export const JobRunBody = z.object({
  runId: z.string(),
  job: z.string(),
  period: z.string(),
  region: z.string(),
  trigger: z.enum(['schedule', 'on-demand']),
  requestedBy: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: z.enum(['running', 'succeeded', 'failed']),
  counts: z.record(z.string(), z.number()),
  details: z.unknown(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const listJobs = defineContract({
  id: 'dispatch.listJobs',
  method: 'GET',
  path: '/dispatch/jobs',
  summary: '调度任务及最近运行记录',
  auth: 'staff',
  query: PageQuery,
  response: z.object({ jobs: z.array(JobBody), recentRuns: z.array(JobRunBody), nextCursor: z.string().optional() }),
});

export const listRuns = defineContract({
  id: 'dispatch.listRuns',
  method: 'GET',
  path: '/dispatch/jobs/{job}/runs',
  summary: '某任务的运行记录（开始、结束、结果、计数）',
  auth: 'staff',
  params: z.object({ job: z.string().max(60) }),
  query: PageQuery.extend({ period: z.string().max(10).optional() }),
  response: z.object({ items: z.array(JobRunBody), nextCursor: z.string().optional() }),
});

export const runJob = defineContract({
  id: 'dispatch.runJob',
  method: 'POST',
  path: '/dispatch/jobs/{job}/runs',
  summary: '按需（重新）运行任务：按期间和区县幂等',
  auth: 'staff',
  roles: ['county'],
  params: z.object({ job: z.string().max(60) }),
  body: z.object({ period: z.string().max(10).optional(), region: RegionCode.optional() }),
  response: z.object({ runs: z.array(JobRunBody) }),
});

export const listOverdue = defineContract({
  id: 'dispatch.listOverdue',
  method: 'GET',
  path: '/dispatch/overdue',
  summary: '逾期未报清单（按责任单位；截止日遇节假日顺延）',
  auth: 'staff',
  roles: ['county', 'leading_group', 'department'],
  query: z.object({
    jurisdiction: RegionCode,
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  response: z.object({
    jurisdiction: z.string(),
    asOf: z.string(),
    owners: z.array(
      z.object({
        owner: z.string(),
        name: z.string(),
        items: z.array(z.object({ form: z.string(), name: z.string(), period: z.string(), due: z.string(), daysOverdue: z.number().int(), source: z.string() })),
      }),
    ),
  }),
});
