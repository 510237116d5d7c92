import { parseCron } from '@jingzhun/platform/cron';
import type { DomainError } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { decideFiling, filerOf, lateness, validateFigures } from '../src/domain/filings.js';
import { JOBS, scheduledPeriod } from '../src/domain/jobs.js';
import { countingRegions, isKnownMetric, metricLabel, periodOfDate } from '../src/domain/metrics.js';
import { quarterReviewed, riskFundDrawn, subsidyComputed } from '../src/domain/microcredit-projection.js';
import { assertClosedPeriod, firstWorkingDayAfter, monthsOf, periodBefore, previousQuarter } from '../src/domain/periods.js';
import { householdStocks, mergeDeltas } from '../src/domain/projection.js';
import { buildSeries } from '../src/domain/series.js';
import { assertPossible, evaluate, expectedAt, type Target } from '../src/domain/targets.js';
import { DEMO_DISTRICT, DEMO_TOWNS, SEED_TARGETS } from '../src/domain/targets-data.js';

const exit2017 = SEED_TARGETS.find((t) => t.jurisdiction === DEMO_DISTRICT && t.code === 'exit.persons.2017') as Target;
const code = (error: () => unknown) => {
  try {
    error();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('targets of seed 000 (workflows.md §7)', () => {
  it('loads the district exit targets 6,039 / 1,422 / 299 with the 2017 conflict (seed 000 OT-1 L820, C-2)', () => {
    const district = SEED_TARGETS.filter((t) => t.jurisdiction === DEMO_DISTRICT && t.code.startsWith('exit.persons.'));
    expect(district.map((t) => [t.targetYear, t.target])).toEqual([
      [2016, 6039],
      [2017, 1422],
      [2018, 299],
    ]);
    expect(exit2017.conflict?.figures.map((f) => f.value)).toEqual([1422, 1359, 1622]);
    expect(SEED_TARGETS.find((t) => t.code === 'poor.persons.provincial')?.baseline).toBe(7294);
    expect(SEED_TARGETS.find((t) => t.code === 'exit.villages.2016')?.target).toBe(10);
    expect(SEED_TARGETS.find((t) => t.code === 'exit.villages.2020')?.target).toBe(46);
  });
  it('town rows of 专栏2 sum to 1,622 for 2017, not 1,422 (seed 000 C-2)', () => {
    expect(DEMO_TOWNS.reduce((s, t) => s + t.exits[1], 0)).toBe(1622);
    expect(DEMO_TOWNS.reduce((s, t) => s + t.exits[0], 0)).toBe(6039);
  });
  it('every seed row is a possible target', () => {
    for (const target of SEED_TARGETS) expect(() => assertPossible(target)).not.toThrow();
  });
  it('expects target × months elapsed / 12 (workflows.md §7 [PROP])', () => {
    expect(expectedAt(exit2017, '2017-03')).toBe(355.5);
    expect(expectedAt(exit2017, '2016-12')).toBe(0);
    expect(expectedAt(exit2017, '2018-06')).toBe(1422);
  });
  it('follows a yearly schedule such as 001 "442" (40/40/20)', () => {
    const t: Target = { ...exit2017, baselineYear: 2015, targetYear: 2018, target: 1000, schedule: [40, 80, 100] };
    expect(expectedAt(t, '2016-12')).toBe(400);
    expect(expectedAt(t, '2017-06')).toBe(600);
    expect(expectedAt(t, '2018-12')).toBe(1000);
  });
  it('bands progress: on track ≥100%, at risk ≥80%, behind <80%, missed after the deadline (workflows.md §7)', () => {
    expect(evaluate(exit2017, '2017-03', 356).status).toBe('on-track');
    expect(evaluate(exit2017, '2017-03', 300)).toMatchObject({ status: 'at-risk', ratioPct: 84.4 });
    expect(evaluate(exit2017, '2017-03', 200).status).toBe('behind');
    expect(evaluate(exit2017, '2017-12', 1400).status).toBe('missed');
    expect(evaluate(exit2017, '2017-12', 1422).status).toBe('met');
    expect(evaluate(exit2017, '2016-05', 0).status).toBe('not-started');
    expect(evaluate(exit2017, '2017-05', null).status).toBe('no-data');
  });
  it('bands the exact progress, not the rounded percentage (99.96% is at risk, 79.98% behind)', () => {
    const big: Target = { ...exit2017, target: 100_000 };
    expect(expectedAt(big, '2017-06')).toBe(50_000);
    expect(evaluate(big, '2017-06', 49_980)).toMatchObject({ ratioPct: 100, status: 'at-risk' });
    expect(evaluate(big, '2017-06', 50_000).status).toBe('on-track');
    expect(evaluate(big, '2017-06', 39_990)).toMatchObject({ ratioPct: 80, status: 'behind' });
    expect(evaluate(big, '2017-06', 40_000).status).toBe('at-risk');
    // A falling target: 7,294 → 0 over 60 months; at 12 months 1,458.8 persons expected to have left.
    const poor = SEED_TARGETS.find((t) => t.code === 'poor.persons.provincial') as Target;
    expect(evaluate(poor, '2016-12', 7294 - 1458.8).status).toBe('on-track');
    expect(evaluate(poor, '2016-12', 7294 - 1458.7).status).toBe('at-risk');
  });
  it('measures falling targets from the baseline (poor population 7,294 → 0 by 2020)', () => {
    const poor = SEED_TARGETS.find((t) => t.code === 'poor.persons.provincial') as Target;
    // 12 of 60 months: expected 7294 − 7294 × 12/60 = 5835.2
    expect(expectedAt(poor, '2016-12')).toBe(5835.2);
    expect(evaluate(poor, '2016-12', 5800).status).toBe('on-track');
    expect(evaluate(poor, '2016-12', 7000).status).toBe('behind');
  });
  it('refuses impossible values with TARGET_IMPOSSIBLE', () => {
    expect(code(() => assertPossible({ ...exit2017, target: -5 }))).toBe('TARGET_IMPOSSIBLE');
    expect(code(() => assertPossible({ ...exit2017, target: 10.5 }))).toBe('TARGET_IMPOSSIBLE');
    expect(code(() => assertPossible({ ...exit2017, unit: '%', baseline: 40, target: 120 }))).toBe('TARGET_IMPOSSIBLE');
    expect(code(() => assertPossible({ ...exit2017, targetYear: 2016 }))).toBe('TARGET_IMPOSSIBLE');
    expect(code(() => assertPossible({ ...exit2017, baselineYear: 2014, schedule: [60, 50, 100] }))).toBe('TARGET_IMPOSSIBLE');
  });
});

describe('filings (workflows.md §6 District 月调度: submit by the 5th [PROP])', () => {
  it('is due on the 5th of the next month; later is late, never refused', () => {
    expect(lateness('monthly', '2017-03', '2017-04-05')).toEqual({ due: '2017-04-05', late: false, daysLate: 0 });
    expect(lateness('monthly', '2017-03', '2017-04-08')).toEqual({ due: '2017-04-05', late: true, daysLate: 3 });
    expect(lateness('monthly', '2017-12', '2018-01-02').due).toBe('2018-01-05');
  });
  it('dropout reports are due on the first working day after the month (002 T-8 L73), by the holiday calendar', () => {
    // 2017-04-01 is a Saturday but a 调休 working day (清明 2017-04-02..04).
    expect(firstWorkingDayAfter('2017-03')).toBe('2017-04-01');
    expect(firstWorkingDayAfter('2017-05')).toBe('2017-06-01');
    // 2017-10-01..08 is the National Day holiday: the first working day is the 9th.
    expect(firstWorkingDayAfter('2017-09')).toBe('2017-10-09');
    // 2018-04-01 is a Sunday, not a make-up day: Monday the 2nd.
    expect(firstWorkingDayAfter('2018-03')).toBe('2018-04-02');
  });
  it('a second filing is a 409 unless it is a correction with a reason', () => {
    const existing = { filedOn: '2017-04-03' } as Parameters<typeof decideFiling>[0];
    expect(code(() => decideFiling(existing, undefined))).toBe('FILING_DUPLICATE');
    expect(decideFiling(existing, '数字录入错误')).toBe('correct');
    expect(decideFiling(undefined, undefined)).toBe('create');
    expect(code(() => decideFiling(undefined, '更正'))).toBe('NOTHING_TO_CORRECT');
  });
  it('checks figures: housing steps of workflows.md §3, rates ≤100, counts integral', () => {
    expect(() => validateFigures('monthly', { 'housing.step.LIST1': 3, 'rate.pension': 98.5, 'housing.completed': 12 })).not.toThrow();
    expect(code(() => validateFigures('monthly', { 'housing.step.BUILT': 3 }))).toBe('FIGURE_INVALID');
    expect(code(() => validateFigures('monthly', { 'rate.pension': 101 }))).toBe('FIGURE_INVALID');
    expect(code(() => validateFigures('monthly', { 'housing.completed': 1.5 }))).toBe('FIGURE_INVALID');
    expect(code(() => validateFigures('dropout', { 'housing.completed': 1 }))).toBe('FIGURE_INVALID');
  });
  it('files as the department of the claim or as the town', () => {
    expect(filerOf({ role: 'department', region: DEMO_DISTRICT, department: 'zhujian' })).toEqual({ filer: 'dept:zhujian', jurisdiction: DEMO_DISTRICT });
    expect(filerOf({ role: 'town', region: '370405103000' })).toEqual({ filer: 'town:370405103000', jurisdiction: DEMO_DISTRICT });
    expect(code(() => filerOf({ role: 'department', region: DEMO_DISTRICT }))).toBe('DEPARTMENT_CLAIM_MISSING');
  });
});

describe('read model arithmetic', () => {
  it('counts at village, town and county (village → town → county)', () => {
    expect(countingRegions('370405103201')).toEqual(['370405000000', '370405103000', '370405103201']);
    expect(countingRegions('370405000000')).toEqual(['370405000000']);
  });
  it('names every metric the micro-credit projections count, so reports label them in Chinese and series accept them', () => {
    const sample = { region: '370405103201', district: '370405000000', quarter: '2019-Q2' };
    const meta = {} as never;
    const facts = {} as never;
    const deltas = [
      subsidyComputed.project({ ...sample, cancelled: false, subsidyFen: 1 } as never, meta, facts),
      subsidyComputed.project({ ...sample, cancelled: true, subsidyFen: 0 } as never, meta, facts),
      quarterReviewed.project({ ...sample, banks: [{ status: 'tolerated' }, { status: 'exceeded' }], coverage: { eligible: 2, rated: 1 } } as never, meta, facts),
      riskFundDrawn.project({ ...sample, amountFen: 1, drawnOn: '2019-05-10T02:00:00.000Z' } as never, meta, facts),
    ].flatMap((projection) => projection.deltas);
    const counted = new Set(deltas.map((delta) => delta.metric));
    expect(counted.size).toBeGreaterThanOrEqual(8);
    for (const metric of counted) {
      expect(isKnownMetric(metric), metric).toBe(true);
      expect(metricLabel(metric)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reads the month of an instant in Asia/Shanghai', () => {
    expect(periodOfDate('2017-03-31T16:30:00.000Z')).toBe('2017-04');
    expect(periodOfDate('2017-03-31')).toBe('2017-03');
  });
  it('moves a household between stocks by difference and drops zero deltas', () => {
    expect(householdStocks({ status: 'REGISTERED', colour: 'RED', size: 3 })).toEqual({ 'stock.hh.poor': 1, 'stock.persons.poor': 3, 'stock.colour.RED': 1 });
    const merged = mergeDeltas([
      { region: 'A', period: '2017-03', metric: 'stock.hh.poor', value: 1 },
      { region: 'A', period: '2017-03', metric: 'stock.hh.poor', value: -1 },
      { region: 'A', period: '2017-03', metric: 'hh.exited', value: 1 },
    ]);
    expect([...merged.values()]).toEqual([{ region: 'A', period: '2017-03', values: { 'hh.exited': 1 } }]);
  });
  it('builds chart series with cumulative flows and the expected target line', () => {
    const rows = [
      { period: '2017-01', values: { 'persons.exited': 100 } },
      { period: '2017-03', values: { 'persons.exited': 50 } },
    ];
    const points = buildSeries(rows, 'persons.exited', '2016-12', '2017-03', exit2017);
    expect(points).toEqual([
      { period: '2016-12', value: 0, cumulative: 0 },
      { period: '2017-01', value: 100, cumulative: 100, target: 118.5 },
      { period: '2017-02', value: 0, cumulative: 100, target: 237 },
      { period: '2017-03', value: 50, cumulative: 150, target: 355.5 },
    ]);
    expect(code(() => buildSeries(rows, 'persons.exited', '2017-03', '2017-01', undefined))).toBe('SERIES_RANGE_INVALID');
  });
});

describe('periods and jobs (workflows.md §6)', () => {
  it('refuses the current and future months', () => {
    const now = new Date('2024-05-20T00:00:00Z');
    expect(code(() => assertClosedPeriod('2024-06', now))).toBe('PERIOD_IN_FUTURE');
    expect(code(() => assertClosedPeriod('2024-05', now))).toBe('PERIOD_NOT_CLOSED');
    expect(() => assertClosedPeriod('2024-04', now)).not.toThrow();
  });
  it('summaries cover their months', () => {
    expect(monthsOf('2017-Q2')).toEqual(['2017-04', '2017-05', '2017-06']);
    expect(periodBefore('2017-Q1')).toBe('2016-Q4');
    expect(periodBefore('2017')).toBe('2016');
    expect(previousQuarter(new Date('2017-04-05T01:00:00Z'))).toBe('2017-Q1');
  });
  it('uses the crons of workflows.md §6 and fires about the previous period', () => {
    const cron = Object.fromEntries(JOBS.map((j) => [j.name, j.schedule]));
    expect(cron['monthly-dispatch-open']).toBe('cron(0 9 1 * ? *)');
    expect(cron['monthly-dispatch-overdue']).toBe('cron(0 9 6 * ? *)');
    expect(cron['monthly-dispatch-build']).toBe('cron(0 2 10 * ? *)');
    expect(cron['dropout-window']).toBe('cron(0 8 1-10 * ? *)');
    expect(JOBS.find((j) => j.name === 'dropout-window')?.onlyOn).toBe('first-working-day');
    for (const job of JOBS) expect(() => parseCron(job.schedule)).not.toThrow();
    const build = JOBS.find((j) => j.name === 'monthly-dispatch-build');
    // 02:00 on the 10th in Shanghai is 18:00 UTC on the 9th.
    expect(scheduledPeriod(build!, new Date('2017-04-09T18:00:00Z'))).toBe('2017-03');
  });
});
