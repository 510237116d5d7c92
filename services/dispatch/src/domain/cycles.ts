import { addDays, addMonths, DomainError, periodEnd } from '@jingzhun/types';

/**
 * The reporting cycles of workflows.md §6 and their period codes:
 *
 * | cycle       | period        | covers                                   | §6 job                        |
 * |-------------|---------------|------------------------------------------|-------------------------------|
 * | dekad       | `YYYY-MM-D1…3`| days 1–10, 11–20, 21–end (旬)            | 交通 10-day schedule (004 SCH-03) |
 * | half-month  | `YYYY-MM-H1…2`| days 1–15, 16–end                        | 水务 half-month (004 SCH-04)   |
 * | month       | `YYYY-MM`     | the month                                | 月调度, department schedules   |
 * | quarter     | `YYYY-Qn`     | three months                             | 低保 lists, cadre allowance    |
 * | half-year   | `YYYY-H1…2`   | January–June, July–December              | half-year bulletins            |
 * | year        | `YYYY`        | the calendar year                        | annual reports, surveys        |
 */
export type Cycle = 'dekad' | 'half-month' | 'month' | 'quarter' | 'half-year' | 'year';

const PATTERNS: Record<Cycle, RegExp> = {
  dekad: /^(\d{4})-(0[1-9]|1[0-2])-D([1-3])$/,
  'half-month': /^(\d{4})-(0[1-9]|1[0-2])-H([12])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  'half-year': /^(\d{4})-H([12])$/,
  year: /^(\d{4})$/,
};

const FORMAT_ZH: Record<Cycle, string> = {
  dekad: 'YYYY-MM-D1、D2 或 D3（上、中、下旬）',
  'half-month': 'YYYY-MM-H1 或 H2（上、下半月）',
  month: 'YYYY-MM',
  quarter: 'YYYY-Qn',
  'half-year': 'YYYY-H1 或 H2（上、下半年）',
  year: 'YYYY',
};

export const CYCLE_ZH: Record<Cycle, string> = { dekad: '每旬', 'half-month': '每半月', month: '每月', quarter: '每季', 'half-year': '每半年', year: '每年' };

export function isPeriodOf(cycle: Cycle, period: string): boolean {
  return PATTERNS[cycle].test(period);
}

export function assertPeriodOf(cycle: Cycle, period: string, what: string): void {
  if (!isPeriodOf(cycle, period)) throw new DomainError('BAD_PERIOD', `${what}的期间须为 ${FORMAT_ZH[cycle]}，收到「${period}」`, 400, { period, cycle });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** First and last calendar day (`YYYY-MM-DD`) of a period of the cycle. */
export function periodBounds(cycle: Cycle, period: string): { first: string; last: string } {
  assertPeriodOf(cycle, period, '期间');
  const m = PATTERNS[cycle].exec(period) as RegExpExecArray;
  const year = m[1] as string;
  switch (cycle) {
    case 'dekad': {
      const month = `${year}-${m[2]}`;
      const part = Number(m[3]);
      return { first: `${month}-${pad2((part - 1) * 10 + 1)}`, last: part === 3 ? periodEnd(month) : `${month}-${pad2(part * 10)}` };
    }
    case 'half-month': {
      const month = `${year}-${m[2]}`;
      return Number(m[3]) === 1 ? { first: `${month}-01`, last: `${month}-15` } : { first: `${month}-16`, last: periodEnd(month) };
    }
    case 'month':
      return { first: `${period}-01`, last: periodEnd(period) };
    case 'quarter': {
      const first = `${year}-${pad2((Number(m[2]) - 1) * 3 + 1)}`;
      return { first: `${first}-01`, last: periodEnd(addMonths(first, 2)) };
    }
    case 'half-year':
      return Number(m[2]) === 1 ? { first: `${year}-01-01`, last: `${year}-06-30` } : { first: `${year}-07-01`, last: `${year}-12-31` };
    case 'year':
      return { first: `${year}-01-01`, last: `${year}-12-31` };
  }
}

/** The period of the cycle that contains `date`. */
export function periodContaining(cycle: Cycle, date: string): string {
  const year = date.slice(0, 4);
  const month = date.slice(0, 7);
  const day = Number(date.slice(8, 10));
  const monthNo = Number(date.slice(5, 7));
  switch (cycle) {
    case 'dekad':
      return `${month}-D${day <= 10 ? 1 : day <= 20 ? 2 : 3}`;
    case 'half-month':
      return `${month}-H${day <= 15 ? 1 : 2}`;
    case 'month':
      return month;
    case 'quarter':
      return `${year}-Q${Math.floor((monthNo - 1) / 3) + 1}`;
    case 'half-year':
      return `${year}-H${monthNo <= 6 ? 1 : 2}`;
    case 'year':
      return year;
  }
}

/** The period just before `period` in its cycle. */
export function previousOf(cycle: Cycle, period: string): string {
  return periodContaining(cycle, addDays(periodBounds(cycle, period).first, -1));
}

/** The periods of the cycle that overlap the dates `from`..`to` (inclusive), in order. */
export function periodsOverlapping(cycle: Cycle, from: string, to: string): string[] {
  const out: string[] = [];
  for (let period = periodContaining(cycle, from); periodBounds(cycle, period).first <= to; ) {
    out.push(period);
    period = periodContaining(cycle, addDays(periodBounds(cycle, period).last, 1));
  }
  return out;
}
