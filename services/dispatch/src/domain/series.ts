import { addMonths, DomainError } from '@jingzhun/types';
import { metricKind } from './metrics.js';
import { type CounterRow, CounterView } from './report.js';
import { expectedAt, type Target, targetWindow, windowMonths } from './targets.js';

export const MAX_SERIES_MONTHS = 120;

/**
 * A chart series (issue 7: chart-friendly series API): one point per month from `from` to `to`.
 * `value` is the month's flow or the month-end stock; `cumulative` is the running total of a flow
 * (inside the target's window when a target is given) or the stock itself; `target` is the
 * expected value of workflows.md §7 for months inside the target's window.
 */
export function buildSeries(rows: readonly CounterRow[], metric: string, from: string, to: string, target: Target | undefined) {
  if (from > to) throw new DomainError('SERIES_RANGE_INVALID', '起始期间不能晚于结束期间', 400);
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) {
    months.push(month);
    if (months.length > MAX_SERIES_MONTHS) throw new DomainError('SERIES_RANGE_TOO_LONG', `序列最多 ${MAX_SERIES_MONTHS} 个月`, 400);
  }
  const view = new CounterView(rows);
  const stock = metricKind(metric) === 'stock';
  const window = target ? targetWindow(target) : undefined;
  return months.map((period) => {
    const value = stock ? view.stock(metric, period) : view.flow(metric, [period]);
    const inWindow = window !== undefined && period >= window.from && period <= window.to;
    const cumulative = stock ? value : target && inWindow ? view.flow(metric, windowMonths(target, period)) : view.flow(metric, months.slice(0, months.indexOf(period) + 1));
    return { period, value, cumulative, ...(target && inWindow ? { target: expectedAt(target, period) } : {}) };
  });
}
