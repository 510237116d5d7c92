import { addMonths, shanghaiDate } from '@jingzhun/types';
import { type Cycle, periodBounds, periodContaining, previousOf } from './cycles.js';
import { type FilingForm, obligationOf } from './obligations.js';

/**
 * The recurring jobs of workflows.md §6 that dispatch owns (the funds, supervision and case-register
 * jobs are those services'). Every job is idempotent per (period, region) and records a run
 * {start, end, outcome, counts}. Schedules are EventBridge Scheduler crons in Asia/Shanghai.
 *
 * `action` says what a run does:
 * - `open`: records that the filing period is open, for whom, by when (snapshot, once per period and region);
 * - `overdue`: records who had not filed by the effective deadline (snapshot, once per period and region);
 * - `build-*`: rebuilds the dispatch reports (same facts → same bytes, no new version);
 * - `housing`, `bulletins`, `bank-rewards`: their own outputs, below.
 */
export type JobAction = 'open' | 'overdue' | 'build-monthly' | 'build-quarterly' | 'build-yearly' | 'housing' | 'housing-overdue' | 'bulletins' | 'bank-rewards';

export type JobName =
  | 'monthly-dispatch-open'
  | 'monthly-dispatch-overdue'
  | 'monthly-dispatch-build'
  | 'housing-progress'
  | 'housing-progress-overdue'
  | 'dropout-window'
  | 'dropout-overdue'
  | 'sector-progress-open'
  | 'pv-fee-open'
  | 'transport-dekad-open'
  | 'water-half-month-open'
  | 'sector-bulletins'
  | 'quarterly-summary'
  | 'dibao-lists-open'
  | 'dibao-lists-overdue'
  | 'cadre-allowance-open'
  | 'half-year-bulletins-open'
  | 'pre-exit-open'
  | 'income-survey-open'
  | 'bank-assessment-data'
  | 'bank-reward-reminder'
  | 'bank-reward-overdue'
  | 'yearly-summary'
  | 'annual-report-open'
  | 'budget-check-open'
  | 'hardship-survey-open'
  | 'poverty-day-open'
  | 'credit-plan-open';

export interface JobDef {
  name: JobName;
  schedule: string;
  handler: string;
  description: string;
  source: string;
  onlyOn?: 'first-working-day';
  action: JobAction;
  /** The filing form a job opens or checks. */
  form?: FilingForm;
  /** Which periods a firing is about: their cycle, and whether the period just ended (`after`) or the current one (`during`). */
  cycle: Cycle;
  timing: 'after' | 'during';
  /** Who owes the output (Chinese), to whom, from what. */
  owner: string;
  recipients: readonly string[];
  inputs: string;
  outputs: string;
  /** The document's deadline for a period, before the holiday shift (`YYYY-MM-DD`). */
  nominalDue(period: string): string;
}

const ref = (name: string) => `handlers/jobs.ts#${name}`;

/** A job that opens or checks a filing form: its cycle, deadline, owners and recipients are the form's. */
function filingJob(
  name: JobName,
  handler: string,
  form: FilingForm,
  action: 'open' | 'overdue',
  schedule: string,
  owner: string,
  description: string,
  extra: Partial<Pick<JobDef, 'onlyOn'>> = {},
): JobDef {
  const o = obligationOf(form);
  return {
    name,
    schedule,
    handler: ref(handler),
    description,
    source: o.source,
    action,
    form,
    cycle: o.cycle,
    timing: o.timing,
    owner,
    recipients: o.recipients,
    inputs: o.inputs,
    outputs: action === 'open' ? o.outputs : '逾期未报单位名单',
    nominalDue: (period) => o.nominalDue(period),
    ...extra,
  };
}

/** The two checks of the bank prizes, paid by April 30 of the next year (次年4月底前, 000 BK-5 L4274–4278). */
function bankRewardJob(name: JobName, schedule: string, handler: string, description: string, outputs: string): JobDef {
  return {
    name,
    schedule,
    handler: ref(handler),
    description,
    source: 'workflows.md §6 Bank assessment (paid by Apr 30); seed 000 BK-5 L4274–4278',
    action: 'bank-rewards',
    cycle: 'year',
    timing: 'after',
    owner: '金融办、人民银行、财政局',
    recipients: ['banks'],
    inputs: '已审定的考核结果',
    outputs,
    nominalDue: (year) => `${Number(year) + 1}-04-30`,
  };
}

/** The day `day` of the month after a monthly period. */
const monthAfter = (day: string) => (period: string) => `${addMonths(period, 1)}-${day}`;

export const JOBS: readonly JobDef[] = [
  filingJob('monthly-dispatch-open', 'monthlyDispatchOpen', 'monthly', 'open', 'cron(0 9 1 * ? *)', '镇街、25个行业部门', '区月调度：开启上月填报（镇街、行业部门报送，5日前）'),
  filingJob('monthly-dispatch-overdue', 'monthlyDispatchOverdue', 'monthly', 'overdue', 'cron(0 9 6 * ? *)', '镇街、25个行业部门', '区月调度：列出逾期未报单位'),
  {
    name: 'monthly-dispatch-build',
    schedule: 'cron(0 2 10 * ? *)',
    handler: ref('monthlyDispatchBuild'),
    description: '区月调度：生成区县、镇街、部门月调度报告（对照目标、环比、超期事项）',
    source: 'workflows.md §6 District 月调度 (report by the 10th [PROP]); §7; seed 000 MS-2 L604–612; seed 003 SC-1 L771',
    action: 'build-monthly',
    cycle: 'month',
    timing: 'after',
    owner: '区扶贫办',
    recipients: ['leading-group'],
    inputs: '当月数据、填报、目标',
    outputs: '月调度报告（对照 §7 目标）',
    nominalDue: monthAfter('10'),
  },
  {
    name: 'housing-progress',
    schedule: 'cron(0 9 1 * ? *)',
    handler: ref('housingProgress'),
    description: '危房改造进度月报：镇街 → 区住建局、区扶贫办',
    source: 'workflows.md §6 Housing progress (5th [PROP]); seed 000 MS-3 L1891–1901',
    action: 'housing',
    form: 'monthly',
    cycle: 'month',
    timing: 'after',
    owner: '镇街',
    recipients: ['dept:zhujian', 'dept:fupin'],
    inputs: '危房改造各环节户数（§3）',
    outputs: '危房改造台账',
    nominalDue: monthAfter('05'),
  },
  {
    name: 'housing-progress-overdue',
    schedule: 'cron(0 9 6 * ? *)',
    handler: ref('housingProgressOverdue'),
    description: '危房改造进度月报：列出逾期未报镇街',
    source: 'workflows.md §6 Housing progress (5th [PROP]); seed 000 MS-3 L1891–1901',
    action: 'housing-overdue',
    form: 'monthly',
    cycle: 'month',
    timing: 'after',
    owner: '镇街',
    recipients: ['dept:zhujian', 'dept:fupin'],
    inputs: '镇街填报',
    outputs: '逾期未报镇街名单',
    nominalDue: monthAfter('05'),
  },
  filingJob('dropout-window', 'dropoutWindow', 'dropout', 'open', 'cron(0 8 1-10 * ? *)', '各学校（区教育局汇总）', '每月第一个工作日：学校向区教育局报告上月辍学情况（开启）', {
    onlyOn: 'first-working-day',
  }),
  filingJob('dropout-overdue', 'dropoutOverdue', 'dropout', 'overdue', 'cron(0 18 1-10 * ? *)', '各学校（区教育局汇总）', '每月第一个工作日18:00：辍学报告逾期检查', {
    onlyOn: 'first-working-day',
  }),
  filingJob('sector-progress-open', 'sectorProgressOpen', 'sector-progress', 'open', 'cron(0 9 1 * ? *)', '发改、农业农村、畜牧', '行业部门月调度：开启上月进展报送（5日前）'),
  filingJob('pv-fee-open', 'pvFeeOpen', 'pv-fee', 'open', 'cron(0 9 10 * ? *)', '供电公司', '光伏扶贫：上月电费结算与收益分配通知（10日前）'),
  filingJob(
    'transport-dekad-open',
    'transportDekadOpen',
    'transport-dekad',
    'open',
    'cron(0 9 1,11,21 * ? *)',
    '交通运输局',
    '交通扶贫旬调度：开启上一旬进度报送（3、13、23日前）',
  ),
  filingJob('water-half-month-open', 'waterHalfMonthOpen', 'water-half-month', 'open', 'cron(0 9 1,16 * ? *)', '水务局', '水务扶贫半月调度：开启上半月进度报送（3、18日前）'),
  {
    name: 'sector-bulletins',
    schedule: 'cron(0 9 10 * ? *)',
    handler: ref('sectorBulletins'),
    description: '交通、水务月通报：按上月旬、半月调度进度对镇街排名（10日前）',
    source: 'workflows.md §6 Monthly bulletins (10th [PROP]); seed 004 SCH-03 L548, SCH-04 L582',
    action: 'bulletins',
    cycle: 'month',
    timing: 'after',
    owner: '交通运输局、水务局',
    recipients: ['dept:fupin', 'towns'],
    inputs: '上月旬调度、半月调度进度',
    outputs: '排名通报',
    nominalDue: monthAfter('10'),
  },
  {
    name: 'quarterly-summary',
    schedule: 'cron(0 9 5 1,4,7,10 ? *)',
    handler: ref('quarterlySummary'),
    description: '季度总结：扶贫办 → 领导小组（季后15日前）',
    source: 'workflows.md §6 Quarterly summary (15th after the quarter [PROP]); seed 000 MS-2 L604–612',
    action: 'build-quarterly',
    cycle: 'quarter',
    timing: 'after',
    owner: '区扶贫办',
    recipients: ['leading-group'],
    inputs: '本季度各月调度报告',
    outputs: '季度总结',
    nominalDue: (period) => `${addMonths(periodBounds('quarter', period).last.slice(0, 7), 1)}-15`,
  },
  filingJob('dibao-lists-open', 'dibaoListsOpen', 'dibao-lists', 'open', 'cron(0 9 10 1,4,7,10 ? *)', '民政局', '低保及补助对象季度名单：开启本季度公示名单报送（季度首月20日前）'),
  filingJob('dibao-lists-overdue', 'dibaoListsOverdue', 'dibao-lists', 'overdue', 'cron(0 9 21 1,4,7,10 ? *)', '民政局', '低保及补助对象季度名单：逾期检查'),
  filingJob('cadre-allowance-open', 'cadreAllowanceOpen', 'cadre-allowance', 'open', 'cron(0 9 5 1,4,7,10 ? *)', '财政局', '扶贫干部津补贴：上季度拨付（季度首月内）'),
  filingJob(
    'half-year-bulletins-open',
    'halfYearBulletinsOpen',
    'half-year-bulletin',
    'open',
    'cron(0 9 1 1,7 ? *)',
    '农业农村局、民政局、宣传部',
    '半年通报：开启上半年通报报送（1月31日、7月31日前）',
  ),
  filingJob('pre-exit-open', 'preExitOpen', 'pre-exit', 'open', 'cron(0 9 1 3 ? *)', '镇街、村', '年度拟退出名单：开启报送（3月31日前）'),
  filingJob('income-survey-open', 'incomeSurveyOpen', 'income-survey', 'open', 'cron(0 9 1 10 ? *)', '村、工作队（镇街报送）', '收入调查与动态调整：开启（11月30日前）'),
  filingJob('bank-assessment-data', 'bankAssessmentData', 'bank-data', 'open', 'cron(0 9 10 1 ? *)', '金融办、人民银行、财政局', '银行考核：开启上年度数据报送（1月）'),
  bankRewardJob('bank-reward-reminder', 'cron(0 9 1 4 ? *)', 'bankRewardReminder', '银行考核奖励：提醒4月底前兑现', '奖励兑现提醒'),
  bankRewardJob('bank-reward-overdue', 'cron(0 9 1 5 ? *)', 'bankRewardOverdue', '银行考核奖励：兑现期限已过的考核', '逾期未兑现的考核'),
  {
    name: 'yearly-summary',
    schedule: 'cron(0 9 1 1 ? *)',
    handler: ref('yearlySummary'),
    description: '年度报告：区县 → 市（1月31日前）',
    source: 'workflows.md §6 Annual reports and audit (Jan 31 [PROP]); seed 000 MS-5 L4049–4057',
    action: 'build-yearly',
    cycle: 'year',
    timing: 'after',
    owner: '区扶贫办',
    recipients: ['city-poverty-office'],
    inputs: '全年调度报告',
    outputs: '年度报告',
    nominalDue: (year) => `${Number(year) + 1}-01-31`,
  },
  filingJob('annual-report-open', 'annualReportOpen', 'annual-report', 'open', 'cron(0 9 1 1 ? *)', '区扶贫办、审计局', '年度报告与审计：开启上年度报告报送（1月31日前）'),
  filingJob('budget-check-open', 'budgetCheckOpen', 'budget', 'open', 'cron(0 9 1 12 ? *)', '财政局', '扶贫资金预算审核：开启（不少于上年、增幅高于财政收入增幅）'),
  filingJob('hardship-survey-open', 'hardshipSurveyOpen', 'hardship-survey', 'open', 'cron(0 9 1 9 ? *)', '总工会', '困难职工走访调查：开启（11月前）'),
  filingJob('poverty-day-open', 'povertyDayOpen', 'poverty-day', 'open', 'cron(0 9 1 10 ? *)', '扶贫开发领导小组（区扶贫办）', '“10·17”扶贫日：开启活动报送（10月17日）'),
  filingJob('credit-plan-open', 'creditPlanOpen', 'credit-plan', 'open', 'cron(0 9 1 12 ? *)', '银保监', '扶贫信贷年度计划完成情况：开启（12月31日前）'),
];

export const JOB_NAMES = JOBS.map((job) => job.name) as [JobName, ...JobName[]];

export function jobDef(name: string): JobDef | undefined {
  return JOBS.find((job) => job.name === name);
}

/** The period a firing at `instant` is about: the last whole period of its cycle, or the current one for `during` jobs. */
export function scheduledPeriod(job: Pick<JobDef, 'cycle' | 'timing'>, instant: Date): string {
  const current = periodContaining(job.cycle, shanghaiDate(instant));
  return job.timing === 'during' ? current : previousOf(job.cycle, current);
}
