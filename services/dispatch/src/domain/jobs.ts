import { previousPeriod, previousQuarter, previousYear } from './periods.js';

/**
 * The recurring jobs of workflows.md §6 that dispatch owns. Every job is idempotent per
 * (period, region): it recomputes its output from stored facts and overwrites it, and records a
 * run {start, end, outcome, counts}. Schedules are EventBridge Scheduler crons in Asia/Shanghai.
 */
export type JobName =
  | 'monthly-dispatch-open'
  | 'monthly-dispatch-overdue'
  | 'monthly-dispatch-build'
  | 'housing-progress'
  | 'housing-progress-overdue'
  | 'dropout-window'
  | 'dropout-overdue'
  | 'quarterly-summary'
  | 'yearly-summary'
  | 'bank-reward-reminder'
  | 'bank-reward-overdue';

export interface JobDef {
  name: JobName;
  schedule: string;
  handler: string;
  description: string;
  source: string;
  onlyOn?: 'first-working-day';
  /** Which period a scheduled firing is about. */
  cycle: 'month' | 'quarter' | 'year';
}

const ref = (name: string) => `handlers/jobs.ts#${name}`;

export const JOBS: readonly JobDef[] = [
  {
    name: 'monthly-dispatch-open',
    schedule: 'cron(0 9 1 * ? *)',
    handler: ref('monthlyDispatchOpen'),
    description: '区月调度：开启上月填报（镇街、行业部门报送，5日前）',
    source: 'workflows.md §6 District 月调度; seed 000 MS-1 L554–556, MS-2 L604–612',
    cycle: 'month',
  },
  {
    name: 'monthly-dispatch-overdue',
    schedule: 'cron(0 9 6 * ? *)',
    handler: ref('monthlyDispatchOverdue'),
    description: '区月调度：列出逾期未报单位',
    source: 'workflows.md §6 District 月调度 (submit by the 5th [PROP])',
    cycle: 'month',
  },
  {
    name: 'monthly-dispatch-build',
    schedule: 'cron(0 2 10 * ? *)',
    handler: ref('monthlyDispatchBuild'),
    description: '区月调度：生成区县、镇街、部门月调度报告（对照目标、环比、超期事项）',
    source: 'workflows.md §6 District 月调度 (report by the 10th [PROP]); §7',
    cycle: 'month',
  },
  {
    name: 'housing-progress',
    schedule: 'cron(0 9 1 * ? *)',
    handler: ref('housingProgress'),
    description: '危房改造进度月报：镇街 → 区住建局、区扶贫办',
    source: 'workflows.md §6 Housing progress; seed 000 MS-3 L1891–1901',
    cycle: 'month',
  },
  {
    name: 'housing-progress-overdue',
    schedule: 'cron(0 9 6 * ? *)',
    handler: ref('housingProgressOverdue'),
    description: '危房改造进度月报：列出逾期未报镇街',
    source: 'workflows.md §6 Housing progress (5th [PROP])',
    cycle: 'month',
  },
  {
    name: 'dropout-window',
    schedule: 'cron(0 8 1-10 * ? *)',
    handler: ref('dropoutWindow'),
    description: '每月第一个工作日：学校向区教育局报告上月辍学情况（开启）',
    source: 'workflows.md §6 Dropout report; seed 002 T-8 L73',
    onlyOn: 'first-working-day',
    cycle: 'month',
  },
  {
    name: 'dropout-overdue',
    schedule: 'cron(0 18 1-10 * ? *)',
    handler: ref('dropoutOverdue'),
    description: '每月第一个工作日18:00：辍学报告逾期检查',
    source: 'workflows.md §6 Dropout report (WD1, 18:00); seed 002 T-8 L73',
    onlyOn: 'first-working-day',
    cycle: 'month',
  },
  {
    name: 'quarterly-summary',
    schedule: 'cron(0 9 5 1,4,7,10 ? *)',
    handler: ref('quarterlySummary'),
    description: '季度总结：扶贫办 → 领导小组',
    source: 'workflows.md §6 Quarterly summary; seed 000 MS-2 L604–612',
    cycle: 'quarter',
  },
  {
    name: 'yearly-summary',
    schedule: 'cron(0 9 1 1 ? *)',
    handler: ref('yearlySummary'),
    description: '年度报告：区县 → 市（1月31日前）',
    source: 'workflows.md §6 Annual reports and audit; seed 000 MS-5 L4049–4057',
    cycle: 'year',
  },
  {
    name: 'bank-reward-reminder',
    schedule: 'cron(0 9 1 4 ? *)',
    handler: ref('bankRewardReminder'),
    description: '银行考核奖励：提醒4月底前兑现',
    source: 'workflows.md §6 Bank assessment; seed 000 BK-5 L4274–4278',
    cycle: 'year',
  },
  {
    name: 'bank-reward-overdue',
    schedule: 'cron(0 9 1 5 ? *)',
    handler: ref('bankRewardOverdue'),
    description: '银行考核奖励：兑现期限已过的考核',
    source: 'workflows.md §6 Bank assessment; seed 000 BK-5 L4274–4278',
    cycle: 'year',
  },
];

export const JOB_NAMES = JOBS.map((job) => job.name) as [JobName, ...JobName[]];

export function jobDef(name: string): JobDef | undefined {
  return JOBS.find((job) => job.name === name);
}

/** The period a firing at `instant` is about: the previous month, quarter or (assessment) year. */
export function scheduledPeriod(job: JobDef, instant: Date): string {
  if (job.cycle === 'quarter') return previousQuarter(instant);
  if (job.cycle === 'year') return previousYear(instant);
  return previousPeriod(instant);
}
