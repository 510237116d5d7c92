import { supervisionEvents } from '@jingzhun/types';
import { countingRegions, periodOfDate } from './metrics.js';
import type { Delta, FactRef, Projector } from './projection.js';
import { SUPERVISION_METRICS } from './supervision-metrics.js';

/**
 * The supervision service's daily coverage check (000 L3081–3083: every key village with a team,
 * every poor household with a helper) and its overdue yearly tasks and rectification items, kept as
 * stocks: the fact holds the figures last counted per region, so each check adds the change only
 * and the month-end stock is the last check of the month. An older check than the one counted
 * changes nothing. Metrics in supervision-metrics.ts.
 */

type Figures = Record<string, Record<string, number>>;
const ref = (district: string): FactRef => ({ kind: 'coverage', id: district });

/** The check's figures per region where they are counted (a town's count also in the county). */
export function coverageFigures(d: ReturnType<typeof supervisionEvents.coverageChecked.data.parse>): Figures {
  const figures: Figures = {};
  const add = (region: string, metric: string, value: number) => {
    for (const code of countingRegions(region)) {
      const row = figures[code] ?? {};
      row[metric] = (row[metric] ?? 0) + value;
      figures[code] = row;
    }
  };
  for (const t of d.towns) {
    add(t.town, 'stock.keyvillages.uncovered', t.uncoveredVillages);
    add(t.town, 'stock.hh.no-helper', t.withoutHelper);
    add(t.town, 'stock.supervision.tasks.overdue', t.overdueTasks);
    add(t.town, 'stock.supervision.findings.overdue', t.overdueFindings);
  }
  add(d.district, 'stock.supervision.tasks.overdue', d.districtOverdueTasks);
  add(d.district, 'stock.supervision.findings.overdue', d.districtOverdueFindings);
  return figures;
}

export const coverageChecked: Projector<typeof supervisionEvents.coverageChecked.data> = {
  event: supervisionEvents.coverageChecked,
  needs: (d) => [ref(d.district)],
  project: (d, _meta, facts) => {
    const before = facts.get(`coverage#${d.district}`) as { on: string; figures: Figures } | undefined;
    if (before && before.on > d.on) return { deltas: [], writes: [] };
    const after = coverageFigures(d);
    const period = periodOfDate(d.on);
    const deltas: Delta[] = [];
    const regions = new Set([...Object.keys(after), ...Object.keys(before?.figures ?? {})]);
    for (const region of regions)
      for (const { metric } of SUPERVISION_METRICS) {
        const value = (after[region]?.[metric] ?? 0) - (before?.figures[region]?.[metric] ?? 0);
        if (value !== 0) deltas.push({ region, period, metric, value });
      }
    return { deltas, writes: [{ ...ref(d.district), data: { district: d.district, on: d.on, figures: after, overdue: d.overdue } }] };
  },
};
