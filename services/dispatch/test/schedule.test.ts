import { cronMatches, parseCron } from '@jingzhun/platform';
import { isWorkingDay, workingDayOnOrAfter } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { JOBS, scheduledPeriod } from '../src/domain/jobs.js';
import { effectiveDue, obligationOf } from '../src/domain/obligations.js';
import { manifest } from '../src/manifest.js';

/**
 * workflows.md §6 "Recurring jobs", row by row (the line of each row in ../shared/domain/workflows.md
 * is given), transcribed by hand: the cron, a firing (Asia/Shanghai) and the period it is about,
 * the document's deadline for that period and the effective deadline after the holiday shift
 * (Conventions "Days"; §6 "Overdue jobs use the effective deadline, shifted for holidays"), worked
 * out from the State Council holiday notices, not from the code under test.
 */
interface Row {
  job: string;
  line: number;
  cron: string;
  /** A firing of the cron, Asia/Shanghai local time. */
  firesAt: string;
  period: string;
  nominalDue: string;
  due: string;
  why: string;
  onlyOn?: 'first-working-day';
}

const TABLE: Row[] = [
  // L498 District 月调度: submit by the 5th, report by the 10th [PROP]
  {
    job: 'monthly-dispatch-open',
    line: 498,
    cron: 'cron(0 9 1 * ? *)',
    firesAt: '2019-10-01 09:00',
    period: '2019-09',
    nominalDue: '2019-10-05',
    due: '2019-10-08',
    why: '国庆 10-01…07',
  },
  {
    job: 'monthly-dispatch-overdue',
    line: 498,
    cron: 'cron(0 9 6 * ? *)',
    firesAt: '2019-10-06 09:00',
    period: '2019-09',
    nominalDue: '2019-10-05',
    due: '2019-10-08',
    why: '国庆 10-01…07',
  },
  {
    job: 'monthly-dispatch-build',
    line: 498,
    cron: 'cron(0 2 10 * ? *)',
    firesAt: '2019-11-10 02:00',
    period: '2019-10',
    nominalDue: '2019-11-10',
    due: '2019-11-11',
    why: 'Sunday',
  },
  // L500 Housing progress: 5th [PROP]
  { job: 'housing-progress', line: 500, cron: 'cron(0 9 1 * ? *)', firesAt: '2019-10-01 09:00', period: '2019-09', nominalDue: '2019-10-05', due: '2019-10-08', why: '国庆' },
  {
    job: 'housing-progress-overdue',
    line: 500,
    cron: 'cron(0 9 6 * ? *)',
    firesAt: '2019-10-06 09:00',
    period: '2019-09',
    nominalDue: '2019-10-05',
    due: '2019-10-08',
    why: '国庆',
  },
  // L501 Dropout report: WD1, 18:00
  {
    job: 'dropout-window',
    line: 501,
    cron: 'cron(0 8 1-10 * ? *)',
    firesAt: '2019-10-08 08:00',
    period: '2019-09',
    nominalDue: '2019-10-08',
    due: '2019-10-08',
    why: 'first working day after 国庆',
    onlyOn: 'first-working-day',
  },
  {
    job: 'dropout-overdue',
    line: 501,
    cron: 'cron(0 18 1-10 * ? *)',
    firesAt: '2019-10-08 18:00',
    period: '2019-09',
    nominalDue: '2019-10-08',
    due: '2019-10-08',
    why: 'WD1',
    onlyOn: 'first-working-day',
  },
  // L502 Department monthly schedules (发改, 农业, 畜牧): 5th [PROP]
  {
    job: 'sector-progress-open',
    line: 502,
    cron: 'cron(0 9 1 * ? *)',
    firesAt: '2020-04-01 09:00',
    period: '2020-03',
    nominalDue: '2020-04-05',
    due: '2020-04-07',
    why: '清明 04-04…06',
  },
  // L503 PV fee receipt: 10th [PROP]
  { job: 'pv-fee-open', line: 503, cron: 'cron(0 9 10 * ? *)', firesAt: '2019-11-10 09:00', period: '2019-10', nominalDue: '2019-11-10', due: '2019-11-11', why: 'Sunday' },
  // L504 10-day schedule (交通): 3rd, 13th, 23rd [PROP]
  {
    job: 'transport-dekad-open',
    line: 504,
    cron: 'cron(0 9 1,11,21 * ? *)',
    firesAt: '2019-10-01 09:00',
    period: '2019-09-D3',
    nominalDue: '2019-10-03',
    due: '2019-10-08',
    why: '国庆',
  },
  {
    job: 'transport-dekad-open',
    line: 504,
    cron: 'cron(0 9 1,11,21 * ? *)',
    firesAt: '2019-10-11 09:00',
    period: '2019-10-D1',
    nominalDue: '2019-10-13',
    due: '2019-10-14',
    why: 'Sunday',
  },
  {
    job: 'transport-dekad-open',
    line: 504,
    cron: 'cron(0 9 1,11,21 * ? *)',
    firesAt: '2019-10-21 09:00',
    period: '2019-10-D2',
    nominalDue: '2019-10-23',
    due: '2019-10-23',
    why: 'Wednesday',
  },
  // L505 Half-month schedule (水务): 3rd, 18th [PROP]
  {
    job: 'water-half-month-open',
    line: 505,
    cron: 'cron(0 9 1,16 * ? *)',
    firesAt: '2019-10-01 09:00',
    period: '2019-09-H2',
    nominalDue: '2019-10-03',
    due: '2019-10-08',
    why: '国庆',
  },
  {
    job: 'water-half-month-open',
    line: 505,
    cron: 'cron(0 9 1,16 * ? *)',
    firesAt: '2019-10-16 09:00',
    period: '2019-10-H1',
    nominalDue: '2019-10-18',
    due: '2019-10-18',
    why: 'Friday',
  },
  // L506 Monthly bulletins (交通, 水务): 10th [PROP]
  { job: 'sector-bulletins', line: 506, cron: 'cron(0 9 10 * ? *)', firesAt: '2019-11-10 09:00', period: '2019-10', nominalDue: '2019-11-10', due: '2019-11-11', why: 'Sunday' },
  // L508 Quarterly summary: 15th after the quarter [PROP]
  {
    job: 'quarterly-summary',
    line: 508,
    cron: 'cron(0 9 5 1,4,7,10 ? *)',
    firesAt: '2019-10-05 09:00',
    period: '2019-Q3',
    nominalDue: '2019-10-15',
    due: '2019-10-15',
    why: 'Tuesday',
  },
  // L509 低保 and allowance lists: 20th of the quarter's first month
  {
    job: 'dibao-lists-open',
    line: 509,
    cron: 'cron(0 9 10 1,4,7,10 ? *)',
    firesAt: '2019-10-10 09:00',
    period: '2019-Q4',
    nominalDue: '2019-10-20',
    due: '2019-10-21',
    why: 'Sunday',
  },
  {
    job: 'dibao-lists-overdue',
    line: 509,
    cron: 'cron(0 9 21 1,4,7,10 ? *)',
    firesAt: '2019-10-21 09:00',
    period: '2019-Q4',
    nominalDue: '2019-10-20',
    due: '2019-10-21',
    why: 'Sunday',
  },
  // L510 Cadre allowance: first month of each quarter, in arrears [PROP]
  {
    job: 'cadre-allowance-open',
    line: 510,
    cron: 'cron(0 9 5 1,4,7,10 ? *)',
    firesAt: '2021-01-05 09:00',
    period: '2020-Q4',
    nominalDue: '2021-01-31',
    due: '2021-02-01',
    why: 'Sunday',
  },
  // L512 Half-year bulletins: Jan 31 / Jul 31 [PROP]
  {
    job: 'half-year-bulletins-open',
    line: 512,
    cron: 'cron(0 9 1 1,7 ? *)',
    firesAt: '2020-01-01 09:00',
    period: '2019-H2',
    nominalDue: '2020-01-31',
    due: '2020-02-03',
    why: '春节延长 01-24…02-02',
  },
  {
    job: 'half-year-bulletins-open',
    line: 512,
    cron: 'cron(0 9 1 1,7 ? *)',
    firesAt: '2019-07-01 09:00',
    period: '2019-H1',
    nominalDue: '2019-07-31',
    due: '2019-07-31',
    why: 'Wednesday',
  },
  // L516 Pre-exit list: Mar 31 [PROP]
  { job: 'pre-exit-open', line: 516, cron: 'cron(0 9 1 3 ? *)', firesAt: '2019-03-01 09:00', period: '2019', nominalDue: '2019-03-31', due: '2019-04-01', why: 'Sunday' },
  // L517 Income survey and dynamic adjustment: Nov 30 [PROP]
  { job: 'income-survey-open', line: 517, cron: 'cron(0 9 1 10 ? *)', firesAt: '2019-10-01 09:00', period: '2019', nominalDue: '2019-11-30', due: '2019-12-02', why: 'Saturday' },
  // L518 Bank assessment: data (Jan) → scores → prizes paid by Apr 30
  { job: 'bank-assessment-data', line: 518, cron: 'cron(0 9 10 1 ? *)', firesAt: '2020-01-10 09:00', period: '2019', nominalDue: '2020-01-31', due: '2020-02-03', why: '春节延长' },
  { job: 'bank-reward-reminder', line: 518, cron: 'cron(0 9 1 4 ? *)', firesAt: '2019-04-01 09:00', period: '2018', nominalDue: '2019-04-30', due: '2019-04-30', why: 'Tuesday' },
  { job: 'bank-reward-overdue', line: 518, cron: 'cron(0 9 1 5 ? *)', firesAt: '2019-05-01 09:00', period: '2018', nominalDue: '2019-04-30', due: '2019-04-30', why: 'Tuesday' },
  // L520 Annual reports and audit: Jan 31 [PROP]
  { job: 'yearly-summary', line: 520, cron: 'cron(0 9 1 1 ? *)', firesAt: '2021-01-01 09:00', period: '2020', nominalDue: '2021-01-31', due: '2021-02-01', why: 'Sunday' },
  { job: 'annual-report-open', line: 520, cron: 'cron(0 9 1 1 ? *)', firesAt: '2021-01-01 09:00', period: '2020', nominalDue: '2021-01-31', due: '2021-02-01', why: 'Sunday' },
  // L521 Budget checks: at approval [PROP: Dec 31]
  {
    job: 'budget-check-open',
    line: 521,
    cron: 'cron(0 9 1 12 ? *)',
    firesAt: '2022-12-01 09:00',
    period: '2022',
    nominalDue: '2022-12-31',
    due: '2023-01-03',
    why: '元旦 12-31…01-02',
  },
  // L522 Hardship-worker survey: before Nov 1
  { job: 'hardship-survey-open', line: 522, cron: 'cron(0 9 1 9 ? *)', firesAt: '2020-09-01 09:00', period: '2020', nominalDue: '2020-10-31', due: '2020-11-02', why: 'Saturday' },
  // L523 10·17 Poverty Day: Oct 17
  { job: 'poverty-day-open', line: 523, cron: 'cron(0 9 1 10 ? *)', firesAt: '2020-10-01 09:00', period: '2020', nominalDue: '2020-10-17', due: '2020-10-19', why: 'Saturday' },
  // L524 Credit-plan completion: Dec 31
  { job: 'credit-plan-open', line: 524, cron: 'cron(0 9 1 12 ? *)', firesAt: '2022-12-01 09:00', period: '2022', nominalDue: '2022-12-31', due: '2023-01-03', why: '元旦' },
];

/**
 * The rows of §6 whose jobs belong to other services (built there), with the reason. Together with
 * TABLE every row of §6 (L498–L524) is accounted for.
 */
const ELSEWHERE: { line: number; row: string; owner: string }[] = [
  { line: 499, row: 'Fund-expenditure 月调度', owner: 'funds' },
  { line: 507, row: 'First-secretary inspection', owner: 'supervision (work teams)' },
  { line: 511, row: 'Rectification quarter', owner: 'supervision (rectification ledger)' },
  { line: 513, row: 'Colours; monitoring SLA', owner: 'identification (§1.2 colours, §1.4 monitoring)' },
  { line: 514, row: 'Notice windows', owner: 'notices (close-expired-windows)' },
  { line: 515, row: '低保 渐退; cancellation', owner: 'case registers (低保)' },
  { line: 519, row: 'Annual assessment', owner: 'supervision (assessment)' },
];

/** "2019-10-01 09:00" in Asia/Shanghai as an instant. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('workflows.md §6: every row is a job here or in its owning service', () => {
  it('accounts for every row L498–L524', () => {
    const lines = new Set([...TABLE.map((r) => r.line), ...ELSEWHERE.map((r) => r.line)]);
    expect([...lines].sort()).toEqual(Array.from({ length: 27 }, (_, i) => 498 + i));
  });
  it('has a table row for every job of the dispatch manifest', () => {
    expect(new Set(TABLE.map((r) => r.job))).toEqual(new Set(JOBS.map((j) => j.name)));
    expect(manifest.jobs.map((j) => j.name).sort()).toEqual(JOBS.map((j) => j.name).sort());
  });
});

describe.each(TABLE)('$job (workflows.md L$line): $period', (row) => {
  const job = JOBS.find((j) => j.name === row.job);
  it('is scheduled with the cron of §6 in the manifest', () => {
    expect(job?.schedule).toBe(row.cron);
    const entry = manifest.jobs.find((j) => j.name === row.job);
    expect(entry?.schedule).toBe(row.cron);
    expect(entry?.onlyOn).toBe(row.onlyOn);
    expect(cronMatches(parseCron(row.cron), shanghai(row.firesAt))).toBe(true);
  });
  it('fires about the period of §6', () => {
    expect(scheduledPeriod(job!, shanghai(row.firesAt))).toBe(row.period);
  });
  it(`has the document's deadline, shifted past rest days (${row.why})`, () => {
    expect(job!.nominalDue(row.period)).toBe(row.nominalDue);
    expect(workingDayOnOrAfter(job!.nominalDue(row.period))).toBe(row.due);
    expect(isWorkingDay(row.due)).toBe(true);
    // A filing job's lateness is judged against the same effective deadline.
    if (job!.form) expect(effectiveDue(obligationOf(job!.form), row.period)).toBe(row.due);
  });
  it('names its owner, recipients, inputs and outputs', () => {
    expect(job!.owner.length).toBeGreaterThan(0);
    expect(job!.recipients.length).toBeGreaterThan(0);
    expect(job!.inputs.length).toBeGreaterThan(0);
    expect(job!.outputs.length).toBeGreaterThan(0);
    expect(job!.source).toMatch(/workflows\.md §6/);
  });
});
