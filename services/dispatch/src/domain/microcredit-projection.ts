import { scoringEvents } from '@jingzhun/types';
import { countingRegions, periodOfDate } from './metrics.js';
import type { Delta, Projector } from './projection.js';

/**
 * Projections of the scoring service's per-period micro-credit events (workflows.md §5.4) to
 * monthly counters: 贴息 per loan and quarter, the quarter review of the banks' NPL rates against
 * the tolerance (seed 004 BANK-18 L1396) and of the rating coverage (004 BANK-09 L1370), and the
 * risk-fund draws (004 BANK-01 L1387). Each event is counted once (the consumption mark), so none
 * of them needs a fact. Quarterly figures count in the quarter's last month. Their metrics are in
 * `METRICS` (metrics.ts) with the other loan figures.
 */

function at(region: string, period: string, values: Record<string, number>): Delta[] {
  return countingRegions(region).flatMap((code) => Object.entries(values).flatMap(([metric, value]) => (value === 0 ? [] : [{ region: code, period, metric, value }])));
}

/** The last month of a quarter `YYYY-Qn`. */
export function quarterEndPeriod(quarter: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  return `${match[1]}-${String(Number(match[2]) * 3).padStart(2, '0')}`;
}

export const subsidyComputed: Projector<typeof scoringEvents.subsidyComputed.data> = {
  event: scoringEvents.subsidyComputed,
  needs: () => [],
  project: (d) => ({
    deltas: at(d.region, quarterEndPeriod(d.quarter), d.cancelled ? { 'loans.subsidy.cancelled': 1 } : { 'loans.subsidy': 1, 'loans.subsidy.fen': d.subsidyFen }),
    writes: [],
  }),
};

export const quarterReviewed: Projector<typeof scoringEvents.quarterReviewed.data> = {
  event: scoringEvents.quarterReviewed,
  needs: () => [],
  project: (d) => ({
    deltas: at(d.district, quarterEndPeriod(d.quarter), {
      'banks.npl.tolerated': d.banks.filter((b) => b.status === 'tolerated').length,
      'banks.npl.exceeded': d.banks.filter((b) => b.status === 'exceeded').length,
      'rating.population': d.coverage.eligible,
      'rating.rated': d.coverage.rated,
    }),
    writes: [],
  }),
};

export const riskFundDrawn: Projector<typeof scoringEvents.riskFundDrawn.data> = {
  event: scoringEvents.riskFundDrawn,
  needs: () => [],
  project: (d) => ({ deltas: at(d.region, periodOfDate(d.drawnOn), { 'riskfund.draws': 1, 'riskfund.drawn.fen': d.amountFen }), writes: [] }),
};
