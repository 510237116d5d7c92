import { addMonths, DomainError, firstWorkingDayOfMonth, periodOf } from '@jingzhun/types';

/**
 * Periods of the dispatch cycle. Monthly reports and filings are about a closed month; the
 * current and future months are refused (issue 7: "a report for a future period" → 4xx).
 */
export function assertClosedPeriod(period: string, now: Date): void {
  const current = periodOf(now);
  if (period > current) throw new DomainError('PERIOD_IN_FUTURE', `期间 ${period} 尚未到来，不能调度或填报`, 422, { period, current });
  if (period === current) throw new DomainError('PERIOD_NOT_CLOSED', `期间 ${period} 尚未结束，请在次月调度或填报`, 422, { period, current });
}

/** The month a scheduled monthly job is about: the month before the one it fires in (Asia/Shanghai). */
export function previousPeriod(instant: Date): string {
  return addMonths(periodOf(instant), -1);
}

export const Quarter = /^(\d{4})-Q([1-4])$/;

/** The quarter before the one `instant` lies in, as `YYYY-Qn`. */
export function previousQuarter(instant: Date): string {
  const period = periodOf(instant);
  const index = Number(period.slice(0, 4)) * 4 + Math.floor((Number(period.slice(5, 7)) - 1) / 3) - 1;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export function previousYear(instant: Date): string {
  return String(Number(periodOf(instant).slice(0, 4)) - 1);
}

/** The months of a summary period: `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
export function monthsOf(period: string): string[] {
  if (/^\d{4}-\d{2}$/.test(period)) return [period];
  const quarter = Quarter.exec(period);
  if (quarter) {
    const first = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return [first, addMonths(first, 1), addMonths(first, 2)];
  }
  if (/^\d{4}$/.test(period)) return Array.from({ length: 12 }, (_, i) => addMonths(`${period}-01`, i));
  throw new DomainError('BAD_PERIOD', `期间 ${period} 格式不正确（YYYY-MM、YYYY-Qn 或 YYYY）`, 400);
}

/** The summary period of the same length just before `period`. */
export function periodBefore(period: string): string {
  const months = monthsOf(period);
  if (/^\d{4}-\d{2}$/.test(period)) return addMonths(period, -1);
  if (Quarter.test(period)) {
    const previous = addMonths(months[0] as string, -3);
    return `${previous.slice(0, 4)}-Q${Math.floor((Number(previous.slice(5, 7)) - 1) / 3) + 1}`;
  }
  return String(Number(period) - 1);
}

/** A summary period is closed when its last month is. */
export function assertClosedSummary(period: string, now: Date): void {
  const months = monthsOf(period);
  assertClosedPeriod(months[months.length - 1] as string, now);
}

/**
 * The first working day of the month after `period`, for the dropout report (WD1, 002 T-8 L73),
 * by the State Council holiday calendar (holidays and 调休 make-up working days).
 */
export function firstWorkingDayAfter(period: string): string {
  return firstWorkingDayOfMonth(addMonths(period, 1));
}
