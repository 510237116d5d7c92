import { addMonths, daysBetween, periodEnd, regionLevel, regionPrefix } from '@jingzhun/types';
import { type AidCaseFact, overdueAid } from './casework-projection.js';
import { budgetChecks } from './checks.js';
import type { FilingRecord } from './filings.js';
import { HOUSING_STEPS } from './filings.js';
import { compareMetrics, METRICS, metricKind, metricLabel } from './metrics.js';
import { type Instance, overdueByOwner, reportDateOf, statusesIn } from './overdue.js';
import { monthsOf, periodBefore } from './periods.js';
import type { MonitoringCase } from './projection.js';
import { evaluate, type Target, windowMonths } from './targets.js';

/**
 * The dispatch report (workflows.md §6 District 月调度 → report vs §7; seed 000 MS-2 L604–612
 * 月调度、季总结): a pure function of stored facts, so the same month built twice gives the same
 * bytes. Nothing here reads a clock; every list has a total order.
 */
export interface CounterRow {
  period: string;
  values: Record<string, number>;
}

export type ReportKind = 'monthly' | 'quarterly' | 'yearly';

export interface ReportInput {
  kind: ReportKind;
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  period: string;
  region: string;
  /** The region's counter rows up to (at least) the end of the period, any order. */
  counters: CounterRow[];
  children: { region: string; counters: CounterRow[] }[];
  targets: Target[];
  /** Filings of the report's last month for the county (every form and filer). */
  filings: FilingRecord[];
  expectedFilers: string[];
  filerNames: Record<string, string>;
  monitoringCases: MonitoringCase[];
  /** Filings of the month before the report's last month (the trend of filed targets). */
  previousFilings: FilingRecord[];
  /** The filings owed with a deadline in the report's window (see obligationWindow) and the filings of their periods. */
  obligations: Instance[];
  obligationFilings: FilingRecord[];
  /** The district's towns and 月调度 departments (owners of the filings), empty when none is configured. */
  district: { towns: readonly string[]; departments: readonly string[] };
  /** Temporary-aid cases of the county (issue 20), for the overdue list. */
  aidCases?: AidCaseFact[];
}

/**
 * The filings a report lists: those whose effective deadline falls after the previous monthly
 * report's date and on or before this one's (the 10th of the next month, shifted [PROP]), judged at
 * this report's date. Consecutive monthly reports never list a deadline twice or miss one.
 */
export function obligationWindow(period: string): { after: string; until: string } {
  const months = monthsOf(period);
  return { after: reportDateOf(addMonths(months[0] as string, -1)), until: reportDateOf(months[months.length - 1] as string) };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Reads counters: a flow summed over months, a stock as the running total up to a month. */
export class CounterView {
  private readonly rows: CounterRow[];
  constructor(rows: readonly CounterRow[]) {
    this.rows = [...rows].sort((a, b) => byString(a.period, b.period));
  }

  metrics(): string[] {
    const names = new Set<string>();
    for (const row of this.rows) for (const name of Object.keys(row.values)) names.add(name);
    return [...names];
  }

  flow(metric: string, months: readonly string[]): number {
    const wanted = new Set(months);
    let total = 0;
    for (const row of this.rows) if (wanted.has(row.period)) total += row.values[metric] ?? 0;
    return total;
  }

  stock(metric: string, lastMonth: string): number {
    let total = 0;
    for (const row of this.rows) if (row.period <= lastMonth) total += row.values[metric] ?? 0;
    return total;
  }

  /** A metric over a period: flows summed over its months, stocks at its last month. */
  value(metric: string, months: readonly string[]): number {
    return metricKind(metric) === 'stock' ? this.stock(metric, months[months.length - 1] as string) : this.flow(metric, months);
  }
}

function metricNames(views: readonly CounterView[]): string[] {
  const names = new Set(METRICS.map((m) => m.metric));
  for (const view of views) for (const name of view.metrics()) names.add(name);
  return [...names].sort(compareMetrics);
}

function overdueMonitoring(cases: readonly MonitoringCase[], region: string, lastMonth: string) {
  const start = `${lastMonth}-01`;
  const end = periodEnd(lastMonth);
  const prefixOk = (code: string) => code.startsWith(regionPrefix(region));
  return cases
    .filter((c) => prefixOk(c.region) && c.signalledOn <= end)
    .map((c) => {
      // As of the end of the month: a completion after it is not yet known then.
      const completedOn = c.completedOn !== null && c.completedOn <= end ? c.completedOn : null;
      return { ...c, completedOn };
    })
    .filter((c) => c.deadline < end && (c.completedOn === null ? true : c.completedOn > c.deadline && c.completedOn >= start))
    .map((c) => ({
      householdId: c.householdId,
      region: c.region,
      signalledOn: c.signalledOn,
      deadline: c.deadline,
      completedOn: c.completedOn,
      daysOverdue: daysBetween(c.deadline, c.completedOn ?? end),
      alert: 'RED' as const,
    }))
    .sort((a, b) => byString(a.signalledOn, b.signalledOn) || byString(a.householdId, b.householdId));
}

/** Progress measured from the services' events (flow, stock) or, where they cannot count it, from a filed figure. */
function actualOf(target: Target, view: CounterView, filings: readonly FilingRecord[], month: string): number | null {
  const measure = target.measure;
  if (measure?.kind === 'flow') return view.flow(measure.metric, windowMonths(target, month));
  if (measure?.kind === 'stock') return view.stock(measure.metric, month);
  if (measure?.kind === 'filing') {
    const filing = filings.find((f) => f.form === 'monthly' && f.period === month && f.filer === measure.filer);
    return filing?.figures[measure.figure] ?? null;
  }
  return null;
}

export type Trend = 'improving' | 'worsening' | 'flat' | null;

/** The month-on-month movement, read in the target's direction (a falling poor population improves). */
export function trendOf(target: Pick<Target, 'baseline' | 'target'>, previous: number | null, actual: number | null): Trend {
  if (previous === null || actual === null) return null;
  const direction = Math.sign(target.target - target.baseline) || 1;
  const moved = Math.sign(actual - previous) * direction;
  return moved > 0 ? 'improving' : moved < 0 ? 'worsening' : 'flat';
}

function targetRows(
  targets: readonly Target[],
  view: CounterView,
  filings: readonly FilingRecord[],
  previousFilings: readonly FilingRecord[],
  lastMonth: string,
  names: Record<string, string>,
) {
  const previousMonth = addMonths(lastMonth, -1);
  return [...targets]
    .sort((a, b) => byString(a.code, b.code))
    .map((target) => {
      const actual = actualOf(target, view, filings, lastMonth);
      const previousActual = actualOf(target, view, previousFilings, previousMonth);
      const progress = evaluate(target, lastMonth, actual);
      return {
        code: target.code,
        name: target.name,
        unit: target.unit,
        attribute: target.attribute,
        owner: target.owner,
        ownerName: names[`dept:${target.owner}`] ?? target.owner,
        previousActual,
        trend: trendOf(target, previousActual, actual),
        baselineYear: target.baselineYear,
        baseline: target.baseline,
        targetYear: target.targetYear,
        target: target.target,
        ...progress,
        source: target.source,
        conflict: target.conflict ?? null,
      };
    });
}

function filingSection(filings: readonly FilingRecord[], expected: readonly string[], names: Record<string, string>) {
  const monthly = filings.filter((f) => f.form === 'monthly').sort((a, b) => byString(a.filer, b.filer));
  const received = monthly.map((f) => ({
    filer: f.filer,
    name: names[f.filer] ?? f.filer,
    filedOn: f.filedOn,
    due: f.due,
    late: f.late,
    daysLate: f.daysLate,
    corrections: f.corrections,
  }));
  const filed = new Set(monthly.map((f) => f.filer));
  return {
    due: monthly[0]?.due ?? null,
    received,
    late: received.filter((f) => f.late),
    missing: [...expected]
      .filter((filer) => !filed.has(filer))
      .sort(byString)
      .map((filer) => ({ filer, name: names[filer] ?? filer })),
  };
}

/** Housing renovation by step (workflows.md §3; seed 000 MS-3 L1891–1901): the towns' filed ledgers. */
export function housingSection(filings: readonly FilingRecord[], region: string) {
  const towns = filings
    .filter((f) => f.form === 'monthly' && f.filer.startsWith('town:') && f.filer.slice(5).startsWith(regionPrefix(region)))
    .sort((a, b) => byString(a.filer, b.filer));
  const byStep: Record<string, number> = {};
  for (const step of HOUSING_STEPS) byStep[step] = towns.reduce((sum, f) => sum + (f.figures[`housing.step.${step}`] ?? 0), 0);
  return {
    reportingTowns: towns.map((f) => f.filer.slice(5)),
    byStep,
    completed: towns.reduce((sum, f) => sum + (f.figures['housing.completed'] ?? 0), 0),
  };
}

export function buildReport(input: ReportInput) {
  const months = monthsOf(input.period);
  const lastMonth = months[months.length - 1] as string;
  const previousMonths = monthsOf(periodBefore(input.period));
  const view = new CounterView(input.counters);
  const children = [...input.children].sort((a, b) => byString(a.region, b.region)).map((c) => ({ region: c.region, view: new CounterView(c.counters) }));
  const names = metricNames([view, ...children.map((c) => c.view)]);
  const metrics = names.map((metric) => {
    const value = view.value(metric, months);
    const previous = view.value(metric, previousMonths);
    return { metric, label: metricLabel(metric), kind: metricKind(metric), value, previous, change: value - previous };
  });
  const isCounty = regionLevel(input.region) === 'county';
  const targets = targetRows(input.targets, view, input.filings, input.previousFilings, lastMonth, input.filerNames);
  const window = obligationWindow(input.period);
  const statuses = statusesIn(
    input.obligations,
    input.district,
    input.obligationFilings,
    window.until,
    input.filerNames,
    regionLevel(input.region) === 'town' ? `town:${input.region}` : undefined,
  ).map((s) => {
    if (s.form !== 'budget') return s;
    const filing = input.obligationFilings.find((f) => f.form === 'budget' && f.period === s.period);
    return { ...s, checks: filing ? budgetChecks(filing.figures) : [] };
  });
  const ownFilings = isCounty ? input.filings : input.filings.filter((f) => f.filer === `town:${input.region}`);
  const expected = isCounty ? input.expectedFilers : input.expectedFilers.filter((f) => f === `town:${input.region}`);
  const departments = isCounty
    ? [...new Set([...input.expectedFilers.filter((f) => f.startsWith('dept:')), ...targets.map((t) => `dept:${t.owner}`)])].sort(byString).map((filer) => {
        const filing = input.filings.find((f) => f.form === 'monthly' && f.filer === filer);
        return {
          department: filer.slice(5),
          name: input.filerNames[filer] ?? filer,
          targets: targets.filter((t) => `dept:${t.owner}` === filer).map((t) => ({ code: t.code, status: t.status })),
          filing: filing ? { filedOn: filing.filedOn, due: filing.due, late: filing.late, daysLate: filing.daysLate, corrections: filing.corrections } : null,
        };
      })
    : [];
  return {
    kind: input.kind,
    period: input.period,
    months,
    region: input.region,
    level: regionLevel(input.region),
    asOf: periodEnd(lastMonth),
    metrics,
    children: children.map((c) => ({ region: c.region, values: Object.fromEntries(names.map((m) => [m, c.view.value(m, months)])) })),
    targets,
    departments,
    filings: filingSection(ownFilings, expected, input.filerNames),
    housing: housingSection(input.filings, input.region),
    obligations: { asOf: window.until, after: window.after, items: statuses },
    overdue: {
      monitoringLimitDays: 15,
      monitoring: overdueMonitoring(input.monitoringCases, input.region, lastMonth),
      filings: overdueByOwner(statuses),
      temporaryAid: overdueAid(input.aidCases ?? [], regionPrefix(input.region), periodEnd(lastMonth)),
    },
  };
}

export type Report = ReturnType<typeof buildReport>;

/** Deterministic serialisation: the object is built in a fixed key order, so JSON.stringify is stable. */
export function serialiseReport(report: Report): string {
  return JSON.stringify(report);
}
