import { fundsEvents } from '@jingzhun/types';
import { countingRegions, periodOfDate } from './metrics.js';
import type { Delta, Projector } from './projection.js';

/**
 * Projections of the funds service's events to the monthly counters of 扶贫资金支出月调度 (seed 004
 * SCH-02 L408 "严格落实扶贫资金支出月调度制度…督促各地加快资金支出进度"): money received by the county
 * and money paid out for projects, each as the month's flow and as a running stock, so a report reads
 * the expenditure progress (累计支出 ÷ 累计到位) of any month. Money is counted where it is spent: a
 * payment at a village counts in its town and county. Each event is counted once (the consumption
 * mark), so none needs a fact. Their metrics are in `METRICS` (metrics.ts) as FUNDS_METRICS.
 */
function deltas(region: string, period: string, values: Record<string, number>): Delta[] {
  return countingRegions(region).flatMap((code) => Object.entries(values).map(([metric, value]) => ({ region: code, period, metric, value })));
}

export const fundReceived: Projector<typeof fundsEvents.fundReceived.data> = {
  event: fundsEvents.fundReceived,
  needs: () => [],
  project: (d) => ({ deltas: deltas(d.region, periodOfDate(d.receivedOn), { 'funds.received.fen': d.amountFen, 'stock.funds.received.fen': d.amountFen }), writes: [] }),
};

export const paymentDisbursed: Projector<typeof fundsEvents.paymentDisbursed.data> = {
  event: fundsEvents.paymentDisbursed,
  needs: () => [],
  project: (d) => ({ deltas: deltas(d.region, periodOfDate(d.paidOn), { 'funds.disbursed.fen': d.amountFen, 'stock.funds.disbursed.fen': d.amountFen }), writes: [] }),
};
