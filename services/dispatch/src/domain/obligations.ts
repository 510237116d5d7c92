import { addDays, addMonths, DomainError, periodEnd, workingDayOnOrAfter } from '@jingzhun/types';
import { type Cycle, periodBounds } from './cycles.js';
import { firstWorkingDayAfter } from './periods.js';

/**
 * What a unit must file, for which period, by when (workflows.md §6 "Recurring jobs"): one row per
 * filing form. The jobs of §6 open these filings, check them for lateness and build outputs from
 * them; the monthly report lists them per owner. Deadlines are the documents' (or §6's [PROP]
 * values) and are shifted to the next working day when they fall on a statutory rest day
 * (workflows.md Conventions "Days"; §6 "Overdue jobs use the effective deadline, shifted").
 */
export type FilingForm =
  | 'monthly'
  | 'dropout'
  | 'sector-progress'
  | 'pv-fee'
  | 'transport-dekad'
  | 'water-half-month'
  | 'dibao-lists'
  | 'cadre-allowance'
  | 'half-year-bulletin'
  | 'pre-exit'
  | 'income-survey'
  | 'bank-data'
  | 'annual-report'
  | 'budget'
  | 'hardship-survey'
  | 'poverty-day'
  | 'credit-plan';

/** Owner tokens: `dept:<code>` a department, `towns` every town of the district, `monthly-filers` the 月调度 units (towns + departments). */
export type OwnerToken = `dept:${string}` | 'towns' | 'monthly-filers';

export interface Obligation {
  form: FilingForm;
  name: string;
  cycle: Cycle;
  /** Whether a period is filed after it ends (`after`) or during it, from its opening date (`during`). */
  timing: 'after' | 'during';
  owners: readonly OwnerToken[];
  recipients: readonly string[];
  inputs: string;
  outputs: string;
  /** The document's deadline for a period (`YYYY-MM-DD`), before the holiday shift. */
  nominalDue(period: string): string;
  /** The first day a filing for the period is accepted. */
  opensOn(period: string): string;
  source: string;
}

const next = (period: string) => addMonths(period.slice(0, 7), 1);
const dayAfterEnd = (cycle: Cycle) => (period: string) => addDays(periodBounds(cycle, period).last, 1);
/** The day `day` of the month after the period's last month. */
const dayOfNextMonth = (cycle: Cycle, day: string) => (period: string) => `${addMonths(periodBounds(cycle, period).last.slice(0, 7), 1)}-${day}`;
/** The day `mmdd` of the period's own year. */
const inYear = (mmdd: string) => (period: string) => `${period.slice(0, 4)}-${mmdd}`;

export const OBLIGATIONS: readonly Obligation[] = [
  {
    form: 'monthly',
    name: '区月调度（镇街、行业部门报送）',
    cycle: 'month',
    timing: 'after',
    owners: ['monthly-filers'],
    recipients: ['dept:fupin', 'leading-group'],
    inputs: '当月建档立卡、帮扶、资金、责任落实数据',
    outputs: '月调度报告（对照目标）',
    nominalDue: dayOfNextMonth('month', '05'),
    opensOn: dayAfterEnd('month'),
    source: 'workflows.md §6 District 月调度 (5th [PROP]); seed 000 MS-1 L554–556, MS-2 L604–612',
  },
  {
    form: 'dropout',
    name: '学校辍学情况月报',
    cycle: 'month',
    timing: 'after',
    owners: ['dept:jiaoyu'],
    recipients: ['dept:jiaoyu'],
    inputs: '上月辍学学生',
    outputs: '辍学名单（更新户的教育保障）',
    // WD1 is already a working day; the 18:00 cut-off is the overdue job's hour.
    nominalDue: (period) => firstWorkingDayAfter(period),
    opensOn: dayAfterEnd('month'),
    source: 'workflows.md §6 Dropout report (WD1, 18:00); seed 002 T-8 L73',
  },
  {
    form: 'sector-progress',
    name: '行业部门月调度（发改、农业农村、畜牧）',
    cycle: 'month',
    timing: 'after',
    owners: ['dept:fagai', 'dept:nongye', 'dept:xumu'],
    recipients: ['dept:fupin'],
    inputs: '本行业扶贫工作进展',
    outputs: '进展报告',
    nominalDue: dayOfNextMonth('month', '05'),
    opensOn: dayAfterEnd('month'),
    source: 'workflows.md §6 Department monthly schedules (5th [PROP]); seed 004 SCH-01 L208, SCH-05 L623, SCH-06 L1054',
  },
  {
    form: 'pv-fee',
    name: '光伏扶贫电费结算与收益分配通知',
    cycle: 'month',
    timing: 'after',
    owners: ['dept:gongdian'],
    recipients: ['villages'],
    inputs: '上月光伏电站上网电费',
    outputs: '收益分配通知',
    nominalDue: dayOfNextMonth('month', '10'),
    opensOn: dayAfterEnd('month'),
    source: 'workflows.md §6 PV fee receipt (10th [PROP]); seed 004 SUB-76 L1272',
  },
  {
    form: 'transport-dekad',
    name: '交通扶贫旬调度',
    cycle: 'dekad',
    timing: 'after',
    owners: ['dept:jiaotong'],
    recipients: ['dept:fupin'],
    inputs: '各镇街交通扶贫项目进度（rate.progress.<镇街代码>）',
    outputs: '旬进度',
    // D1 (1–10) → 13th, D2 (11–20) → 23rd, D3 (21–end) → 3rd of the next month.
    nominalDue: (period) => (period.endsWith('D3') ? `${next(period)}-03` : `${period.slice(0, 7)}-${period.endsWith('D1') ? '13' : '23'}`),
    opensOn: dayAfterEnd('dekad'),
    source: 'workflows.md §6 10-day schedule (3rd, 13th, 23rd [PROP]); seed 004 SCH-03 L548',
  },
  {
    form: 'water-half-month',
    name: '水务扶贫半月调度',
    cycle: 'half-month',
    timing: 'after',
    owners: ['dept:shuiwu'],
    recipients: ['dept:fupin'],
    inputs: '各镇街饮水工程进度（rate.progress.<镇街代码>）',
    outputs: '半月进度与排名',
    // H1 (1–15) → 18th, H2 (16–end) → 3rd of the next month.
    nominalDue: (period) => (period.endsWith('H2') ? `${next(period)}-03` : `${period.slice(0, 7)}-18`),
    opensOn: dayAfterEnd('half-month'),
    source: 'workflows.md §6 Half-month schedule (3rd, 18th [PROP]); seed 004 SCH-04 L582',
  },
  {
    form: 'dibao-lists',
    name: '低保及补助对象季度名单公示',
    cycle: 'quarter',
    timing: 'during',
    owners: ['dept:minzheng'],
    recipients: ['dept:fupin', 'public-notice'],
    inputs: '低保、特困、补助花名册',
    outputs: '季度公示名单',
    // The 20th of the quarter's first month.
    nominalDue: (period) => `${periodBounds('quarter', period).first.slice(0, 7)}-20`,
    opensOn: (period) => `${periodBounds('quarter', period).first.slice(0, 7)}-10`,
    source: 'workflows.md §6 低保 and allowance lists (20th of the quarter’s first month) [NAT] ANC §3',
  },
  {
    form: 'cadre-allowance',
    name: '扶贫干部工作津补贴季度拨付（460元/人·月）',
    cycle: 'quarter',
    timing: 'after',
    owners: ['dept:caizheng'],
    recipients: ['dept:fupin'],
    inputs: '上季度享受津补贴干部花名册',
    outputs: '拨付记录',
    // Paid in arrears in the first month of the next quarter: by its last day [PROP].
    nominalDue: (period) => periodEnd(addMonths(periodBounds('quarter', period).last.slice(0, 7), 1)),
    opensOn: dayAfterEnd('quarter'),
    source: 'workflows.md §6 Cadre allowance (first month of each quarter, in arrears [PROP]); seed 002 S-30 L199–201, T-21 L201',
  },
  {
    form: 'half-year-bulletin',
    name: '半年通报（农业农村；民政社会组织扶贫；宣传满意度调查）',
    cycle: 'half-year',
    timing: 'after',
    owners: ['dept:nongye', 'dept:minzheng', 'dept:xuanchuan'],
    recipients: ['city-poverty-office'],
    inputs: '半年工作情况',
    outputs: '半年通报',
    // H1 → Jul 31, H2 → Jan 31 of the next year [PROP].
    nominalDue: (period) => (period.endsWith('H1') ? `${period.slice(0, 4)}-07-31` : `${Number(period.slice(0, 4)) + 1}-01-31`),
    opensOn: dayAfterEnd('half-year'),
    source: 'workflows.md §6 Half-year bulletins (Jan 31 / Jul 31 [PROP]); seed 004 SCH-05 L623, SCH-07 L337, SCH-08 L109',
  },
  {
    form: 'pre-exit',
    name: '年度拟退出贫困户名单',
    cycle: 'year',
    timing: 'during',
    owners: ['towns'],
    recipients: ['dept:fupin'],
    inputs: '年度脱贫计划',
    outputs: '拟退出户、人名单',
    nominalDue: inYear('03-31'),
    opensOn: inYear('03-01'),
    source: 'workflows.md §6 Pre-exit list (Mar 31 [PROP]); seed 000 EX-2',
  },
  {
    form: 'income-survey',
    name: '收入调查与动态调整（纳入、退出批次）',
    cycle: 'year',
    timing: 'during',
    owners: ['towns'],
    recipients: ['dept:fupin'],
    inputs: '村、工作队入户收入调查',
    outputs: '纳入和退出批次',
    nominalDue: inYear('11-30'),
    opensOn: inYear('10-01'),
    source: 'workflows.md §6 Income survey and dynamic adjustment (Nov 30 [PROP]); seed 000 EX-6, MS-7 L1064–1066; seed 004 ID-25',
  },
  {
    form: 'bank-data',
    name: '银行考核年度数据报送',
    cycle: 'year',
    timing: 'after',
    owners: ['dept:jinrong'],
    recipients: ['dept:jinrong', 'pboc', 'dept:caizheng'],
    inputs: '上年度各银行扶贫贷款数据',
    outputs: '考核数据（3月31日前评分，4月底前兑现）',
    nominalDue: (period) => `${Number(period) + 1}-01-31`,
    opensOn: (period) => `${Number(period) + 1}-01-10`,
    source: 'workflows.md §6 Bank assessment (data in January [PROP] Jan 31); seed 000 BK-5 L4274–4278',
  },
  {
    form: 'annual-report',
    name: '年度扶贫工作报告与审计',
    cycle: 'year',
    timing: 'after',
    owners: ['dept:fupin', 'dept:shenji'],
    recipients: ['city-poverty-office'],
    inputs: '全年工作与资金情况',
    outputs: '年度报告、审计报告',
    nominalDue: (period) => `${Number(period) + 1}-01-31`,
    opensOn: dayAfterEnd('year'),
    source: 'workflows.md §6 Annual reports and audit (Jan 31 [PROP]); seed 000 MS-5 L4049–4057; seed 001 R-2 L522; seed 003 SC-3, SC-4',
  },
  {
    form: 'budget',
    name: '扶贫资金预算审核（不少于上年；增幅高于财政收入增幅）',
    cycle: 'year',
    timing: 'during',
    owners: ['dept:caizheng'],
    recipients: ['dept:fupin', 'leading-group'],
    inputs: '次年扶贫资金预算、上年预算、财政收入增幅',
    outputs: '预算审核结果',
    // "At approval": the budget for the next year is settled by Dec 31 [PROP].
    nominalDue: inYear('12-31'),
    opensOn: inYear('12-01'),
    source: 'workflows.md §6 Budget checks (at approval [PROP] Dec 31); seed 002 T-14 L131; seed 004 SUB-84 L401, L405; seed 001 S-64 L510',
  },
  {
    form: 'hardship-survey',
    name: '困难职工入户调查',
    cycle: 'year',
    timing: 'during',
    owners: ['dept:zonggonghui'],
    recipients: ['dept:fupin'],
    inputs: '困难职工走访调查',
    outputs: '调查结果（每年解困不少于三分之一）',
    // "每年11月前" (before November): by Oct 31.
    nominalDue: inYear('10-31'),
    opensOn: inYear('09-01'),
    source: 'workflows.md §6 Hardship-worker survey (before Nov 1); seed 004 SCH-11 L1077',
  },
  {
    form: 'poverty-day',
    name: '“10·17”扶贫日活动',
    cycle: 'year',
    timing: 'during',
    owners: ['dept:fupin'],
    recipients: ['leading-group'],
    inputs: '扶贫日系列活动安排',
    outputs: '活动情况',
    nominalDue: inYear('10-17'),
    opensOn: inYear('10-01'),
    source: 'workflows.md §6 10·17 Poverty Day (Oct 17); seed 000 MS-13 L3399; seed 002 T-12 L129',
  },
  {
    form: 'credit-plan',
    name: '扶贫信贷年度计划完成情况',
    cycle: 'year',
    timing: 'during',
    owners: ['dept:yinbaojian'],
    recipients: ['dept:jinrong', 'dept:fupin'],
    inputs: '各银行年度扶贫信贷计划与完成数',
    outputs: '计划完成情况（完成差的通报、提示函）',
    nominalDue: inYear('12-31'),
    opensOn: inYear('12-01'),
    source: 'workflows.md §6 Credit-plan completion (Dec 31); seed 004 BANK-19 L1392',
  },
];

export const FILING_FORMS = OBLIGATIONS.map((o) => o.form) as [FilingForm, ...FilingForm[]];

export function obligationOf(form: string): Obligation {
  const obligation = OBLIGATIONS.find((o) => o.form === form);
  if (!obligation) throw new DomainError('FORM_UNKNOWN', `未知的报表「${form}」`, 400, { form });
  return obligation;
}

/** The deadline that counts: the nominal one, or the next working day when it is a statutory rest day. */
export function effectiveDue(obligation: Obligation, period: string): string {
  return workingDayOnOrAfter(obligation.nominalDue(period));
}

/**
 * Filings are accepted from the opening day until this many days after the effective deadline
 * [PROP]: late filings are taken and flagged, a period long closed is refused (issue 21 "Bad input").
 */
export const FILING_GRACE_DAYS = 90;

export function closesOn(obligation: Obligation, period: string): string {
  return addDays(effectiveDue(obligation, period), FILING_GRACE_DAYS);
}

/** Refuses a filing for a period not yet open or long closed (422, nothing written). */
export function assertFilingWindow(obligation: Obligation, period: string, today: string): void {
  const opens = obligation.opensOn(period);
  if (today < opens) {
    throw new DomainError('FILING_NOT_OPEN', `「${obligation.name}」${period} 期自 ${opens} 起填报，现在尚未开始`, 422, { period, opensOn: opens });
  }
  const closes = closesOn(obligation, period);
  if (today > closes) {
    throw new DomainError(
      'FILING_CLOSED',
      `「${obligation.name}」${period} 期已于 ${closes} 截止补报（截止日 ${effectiveDue(obligation, period)} 后 ${FILING_GRACE_DAYS} 日），不再接收`,
      422,
      {
        period,
        closedOn: closes,
      },
    );
  }
}

/** The filer ids an owner list stands for in a district. */
export function ownersIn(obligation: Obligation, district: { towns: readonly string[]; departments: readonly string[] }): string[] {
  const out = new Set<string>();
  for (const owner of obligation.owners) {
    if (owner === 'towns' || owner === 'monthly-filers') for (const town of district.towns) out.add(`town:${town}`);
    if (owner === 'monthly-filers') for (const dept of district.departments) out.add(`dept:${dept}`);
    if (owner.startsWith('dept:')) out.add(owner);
  }
  return [...out].sort();
}

/** Whether a filer may file the form at all (before its district is known). */
export function mayFile(obligation: Obligation, filer: string): boolean {
  return obligation.owners.some(
    (owner) => owner === filer || ((owner === 'towns' || owner === 'monthly-filers') && filer.startsWith('town:')) || (owner === 'monthly-filers' && filer.startsWith('dept:')),
  );
}
