import { addMonths, DomainError, dispatchApi } from '@jingzhun/types';

/** Targets and indicators (workflows.md §7): the schema is the shared contract's. */
export const Target = dispatchApi.Target;
export type Target = dispatchApi.Target;
const COUNT_UNITS = new Set(['人', '户', '个']);

const impossible = (reason: string, field: string) => new DomainError('TARGET_IMPOSSIBLE', `指标值不合理：${reason}`, 422, { field });

/** Rejects values no document could mean (workflows.md §7; bad input → 4xx, nothing written). */
export function assertPossible(target: Target): void {
  for (const [field, value] of [
    ['baseline', target.baseline],
    ['target', target.target],
  ] as const) {
    if (!Number.isFinite(value)) throw impossible(`${field} 须为有限数值`, field);
    if (value < 0) throw impossible(`${field} 不能为负数`, field);
    if (target.unit === '%' && value > 100) throw impossible(`百分比指标的 ${field} 不能超过100`, field);
    if (COUNT_UNITS.has(target.unit) && !Number.isInteger(value)) throw impossible(`以「${target.unit}」计的 ${field} 须为整数`, field);
  }
  if (target.baselineYear < 2000 || target.targetYear > 2100) throw impossible('年份须在2000—2100之间', 'targetYear');
  if (target.targetYear <= target.baselineYear) throw impossible('目标年份须晚于基期年份', 'targetYear');
  // A zero target is real (马兰屯镇 2017: 0 persons, seed 000 OT-1 L830); a falling cumulative count is not.
  if (target.measure?.kind === 'flow' && target.target < target.baseline) throw impossible('累计类指标的目标值不能小于基期值', 'target');
  if (target.schedule) {
    const years = target.targetYear - target.baselineYear;
    if (target.schedule.length !== years) throw impossible(`进度安排须有 ${years} 个年度值`, 'schedule');
    let previous = 0;
    for (const share of target.schedule) {
      if (!Number.isFinite(share) || share < previous || share > 100) throw impossible('进度安排须为0—100之间的非递减累计百分比', 'schedule');
      previous = share;
    }
    if (previous !== 100) throw impossible('进度安排最后一年须为100', 'schedule');
  }
}

export type TargetStatus = 'not-started' | 'on-track' | 'at-risk' | 'behind' | 'met' | 'missed' | 'no-data';

export interface TargetProgress {
  expected: number;
  actual: number | null;
  ratioPct: number | null;
  status: TargetStatus;
}

/** The window of a target: January after the baseline year to December of the target year. */
export function targetWindow(target: Pick<Target, 'baselineYear' | 'targetYear'>): { from: string; to: string } {
  return { from: `${target.baselineYear + 1}-01`, to: `${target.targetYear}-12` };
}

const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Months of the window elapsed at the end of `period` (0 before the window, all after it). */
export function monthsElapsed(target: Pick<Target, 'baselineYear' | 'targetYear'>, period: string): number {
  const { from, to } = targetWindow(target);
  const total = monthIndex(to) - monthIndex(from) + 1;
  return Math.min(total, Math.max(0, monthIndex(period) - monthIndex(from) + 1));
}

/**
 * Expected value at the end of `period` [PROP, workflows.md §7]: target × months elapsed / 12 for
 * a one-year target, generalised to baseline + (target − baseline) × elapsed share of the window,
 * or along the yearly `schedule` (linear inside a year) when one exists.
 */
export function expectedAt(target: Target, period: string): number {
  const elapsed = monthsElapsed(target, period);
  const change = target.target - target.baseline;
  const years = target.targetYear - target.baselineYear;
  let share: number;
  if (target.schedule) {
    const year = Math.min(years - 1, Math.floor(elapsed / 12));
    const before = year === 0 ? 0 : (target.schedule[year - 1] ?? 0);
    const after = target.schedule[year] ?? 100;
    const months = elapsed - year * 12;
    share = (before + ((after - before) * months) / 12) / 100;
  } else {
    share = elapsed / (years * 12);
  }
  return round2(target.baseline + change * share);
}

/** An exact rational (numerator / denominator, denominator > 0), for comparing progress with a band. */
interface Ratio {
  n: bigint;
  d: bigint;
}

/** The decimal a number was written as (0.23 → 23/100), exactly: figures are entered as decimals. */
function exact(value: number): Ratio {
  const [mantissa = '0', exponent = '0'] = String(value).toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  let n = BigInt(whole + fraction) * (negative ? -1n : 1n);
  let d = 10n ** BigInt(fraction.length);
  const shift = Number(exponent);
  if (shift > 0) n *= 10n ** BigInt(shift);
  else if (shift < 0) d *= 10n ** BigInt(-shift);
  return { n, d };
}
const times = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d });
const minus = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const plus = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const sign = (a: Ratio) => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0);
const over = (n: number, d: number): Ratio => ({ n: BigInt(n), d: BigInt(d) });

/** The elapsed share of the window's change at the end of `period`, exactly (see expectedAt). */
function shareAt(target: Target, period: string): Ratio {
  const elapsed = monthsElapsed(target, period);
  const years = target.targetYear - target.baselineYear;
  if (!target.schedule) return over(elapsed, years * 12);
  const year = Math.min(years - 1, Math.floor(elapsed / 12));
  const before = exact(year === 0 ? 0 : (target.schedule[year - 1] ?? 0));
  const after = exact(target.schedule[year] ?? 100);
  const months = over(elapsed - year * 12, 12);
  return times(plus(before, times(minus(after, before), months)), over(1, 100));
}

/**
 * Whether progress reaches `band` (1 = 100%, 4/5 = 80%) of the expected change, on exact values:
 * (actual − baseline) ÷ (expected − baseline) ≥ band, in the target's direction. The rounded
 * expected value and percentage are for display only (a 99.96% progress is not "100%").
 */
function reachesBand(target: Target, period: string, actual: number, band: Ratio): boolean {
  const expectedChange = times(minus(exact(target.target), exact(target.baseline)), shareAt(target, period));
  const progress = minus(exact(actual), exact(target.baseline));
  // progress / expectedChange ≥ band ⇔ progress·s ≥ band·expectedChange·s, s = sign(expectedChange)
  const gap = minus(progress, times(band, expectedChange));
  return sign(gap) * sign(expectedChange) >= 0;
}

/** True when `actual` has reached the target in its direction. */
function reached(target: Target, actual: number): boolean {
  return target.target >= target.baseline ? actual >= target.target : actual <= target.target;
}

/**
 * Status bands (workflows.md §7 [PROP]): on track ≥100% of expected progress, at risk ≥80%,
 * behind <80%; after the deadline a target not reached is missed (and a reached one is met).
 * Progress is measured from the baseline, so falling targets (poor population → 0) work alike.
 */
export function evaluate(target: Target, period: string, actual: number | null): TargetProgress {
  const expected = expectedAt(target, period);
  if (actual === null) return { expected, actual: null, ratioPct: null, status: 'no-data' };
  const { from, to } = targetWindow(target);
  if (period < from) return { expected, actual, ratioPct: null, status: 'not-started' };
  const expectedChange = expected - target.baseline;
  const ratioPct = expectedChange === 0 ? null : Math.round(((actual - target.baseline) / expectedChange) * 1000) / 10;
  if (period >= to) return { expected, actual, ratioPct, status: reached(target, actual) ? 'met' : 'missed' };
  if (ratioPct === null) return { expected, actual, ratioPct, status: reached(target, actual) ? 'on-track' : 'behind' };
  const status: TargetStatus = reachesBand(target, period, actual, over(1, 1)) ? 'on-track' : reachesBand(target, period, actual, over(4, 5)) ? 'at-risk' : 'behind';
  return { expected, actual, ratioPct, status };
}

/** Months of the window up to `period`, in order (for flow measures). */
export function windowMonths(target: Pick<Target, 'baselineYear' | 'targetYear'>, period: string): string[] {
  const { from, to } = targetWindow(target);
  const last = period < to ? period : to;
  const months: string[] = [];
  for (let month = from; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}
