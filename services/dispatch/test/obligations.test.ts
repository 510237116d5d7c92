import { describe, expect, it } from 'vitest';
import { rankedBulletin } from '../src/domain/bulletins.js';
import { budgetChecks } from '../src/domain/checks.js';
import { periodBounds, periodContaining, periodsOverlapping, previousOf } from '../src/domain/cycles.js';
import type { FilingRecord } from '../src/domain/filings.js';
import { assertFilingWindow, mayFile, obligationOf, ownersIn } from '../src/domain/obligations.js';
import { instancesDue, overdueByOwner, reportDateOf, statusesIn } from '../src/domain/overdue.js';
import { trendOf } from '../src/domain/report.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('cycles of workflows.md §6', () => {
  it('bounds 旬, half-months, quarters and half-years', () => {
    expect(periodBounds('dekad', '2019-02-D3')).toEqual({ first: '2019-02-21', last: '2019-02-28' });
    expect(periodBounds('half-month', '2020-02-H2')).toEqual({ first: '2020-02-16', last: '2020-02-29' });
    expect(periodBounds('quarter', '2019-Q4')).toEqual({ first: '2019-10-01', last: '2019-12-31' });
    expect(periodBounds('half-year', '2019-H1')).toEqual({ first: '2019-01-01', last: '2019-06-30' });
  });
  it('steps back across months and years', () => {
    expect(previousOf('dekad', '2019-10-D1')).toBe('2019-09-D3');
    expect(previousOf('half-month', '2019-01-H1')).toBe('2018-12-H2');
    expect(previousOf('half-year', '2020-H1')).toBe('2019-H2');
    expect(periodContaining('dekad', '2019-10-20')).toBe('2019-10-D2');
    expect(periodsOverlapping('dekad', '2019-10-25', '2019-11-05')).toEqual(['2019-10-D3', '2019-11-D1']);
  });
  it('refuses a period of the wrong cycle with BAD_PERIOD', () => {
    expect(code(() => periodBounds('dekad', '2019-10'))).toBe('BAD_PERIOD');
    expect(code(() => periodBounds('half-month', '2019-10-H3'))).toBe('BAD_PERIOD');
  });
});

describe('filing window (issue 21 "Bad input")', () => {
  const monthly = obligationOf('monthly');
  it('opens the day after the month and closes 90 days after the effective deadline', () => {
    expect(code(() => assertFilingWindow(monthly, '2019-10', '2019-10-31'))).toBe('FILING_NOT_OPEN');
    expect(() => assertFilingWindow(monthly, '2019-10', '2019-11-01')).not.toThrow();
    // Due 2019-11-05 (a Tuesday): the last day is 2020-02-03.
    expect(() => assertFilingWindow(monthly, '2019-10', '2020-02-03')).not.toThrow();
    expect(code(() => assertFilingWindow(monthly, '2019-10', '2020-02-04'))).toBe('FILING_CLOSED');
  });
  it('opens a form filed during its period on its opening day (低保 lists: the 10th of the quarter)', () => {
    const lists = obligationOf('dibao-lists');
    expect(code(() => assertFilingWindow(lists, '2019-Q4', '2019-10-09'))).toBe('FILING_NOT_OPEN');
    expect(() => assertFilingWindow(lists, '2019-Q4', '2019-10-10')).not.toThrow();
  });
  it('lets only a form’s owners file it', () => {
    expect(mayFile(obligationOf('transport-dekad'), 'dept:jiaotong')).toBe(true);
    expect(mayFile(obligationOf('transport-dekad'), 'dept:shuiwu')).toBe(false);
    expect(mayFile(obligationOf('pre-exit'), 'town:370405101000')).toBe(true);
    expect(mayFile(obligationOf('pre-exit'), 'dept:fupin')).toBe(false);
    expect(mayFile(obligationOf('monthly'), 'dept:anything')).toBe(true);
    expect(ownersIn(obligationOf('monthly'), { towns: ['370405101000'], departments: ['fupin'] })).toEqual(['dept:fupin', 'town:370405101000']);
  });
});

describe('overdue list per owner', () => {
  const filing = (form: FilingRecord['form'], period: string, filer: string, filedOn: string): FilingRecord => ({
    jurisdiction: '370405000000',
    period,
    form,
    filer,
    figures: {},
    filedAt: `${filedOn}T02:00:00.000Z`,
    filedOn,
    due: '',
    late: false,
    daysLate: 0,
    corrections: 0,
  });
  it('lists the deadlines of a report window once: (previous report date, this report date]', () => {
    expect(reportDateOf('2019-09')).toBe('2019-10-10');
    expect(reportDateOf('2019-10')).toBe('2019-11-11');
    const october = instancesDue('2019-10-10', '2019-11-11').map((i) => `${i.form} ${i.period}`);
    const november = instancesDue('2019-11-11', reportDateOf('2019-11')).map((i) => `${i.form} ${i.period}`);
    expect(october).toContain('transport-dekad 2019-10-D3');
    expect(october).not.toContain('transport-dekad 2019-09-D3');
    expect(october.filter((i) => november.includes(i))).toEqual([]);
  });
  it('judges each owner at the day given: a filing made later is not yet known', () => {
    const instances = instancesDue('2019-10-10', '2019-11-11').filter((i) => i.form === 'sector-progress');
    const statuses = statusesIn(instances, { towns: [], departments: [] }, [filing('sector-progress', '2019-10', 'dept:fagai', '2019-11-12')], '2019-11-11', {});
    expect(statuses[0]?.owners.map((o) => o.status)).toEqual(['overdue', 'overdue', 'overdue']);
    expect(overdueByOwner(statuses).map((o) => [o.owner, o.items[0]?.daysOverdue])).toEqual([
      ['dept:fagai', 6],
      ['dept:nongye', 6],
      ['dept:xumu', 6],
    ]);
  });
});

describe('outputs', () => {
  it('ranks towns by the last 旬 filing of the month, ties sharing a rank', () => {
    const d2 = { ...filingOf('2019-10-D2', { 'rate.progress.370405101000': 10 }) };
    const d3 = filingOf('2019-10-D3', { 'rate.progress.370405101000': 50, 'rate.progress.370405102000': 70, 'rate.progress.370405103000': 50 });
    const bulletin = rankedBulletin({ form: 'transport-dekad', department: 'dept:jiaotong', cycle: 'dekad' }, '2019-10', [d2, d3], {});
    expect(bulletin.basedOn).toBe('2019-10-D3');
    expect(bulletin.missingPeriods).toEqual(['2019-10-D1']);
    expect(bulletin.ranking.map((r) => [r.rank, r.town])).toEqual([
      [1, '370405102000'],
      [2, '370405101000'],
      [2, '370405103000'],
    ]);
  });
  it('checks the budget against the previous year and revenue growth (002 T-14 L131; 001 S-64 L510)', () => {
    expect(budgetChecks({ 'budget.fen': 130, 'budget.previous.fen': 100, 'rate.revenue.growth': 8 }).map((c) => c.passed)).toEqual([true, true]);
    expect(budgetChecks({ 'budget.fen': 110, 'budget.previous.fen': 100, 'rate.revenue.growth': 8 }).map((c) => c.passed)).toEqual([true, false]);
    expect(budgetChecks({ 'budget.fen': 90, 'budget.previous.fen': 100 }).map((c) => c.passed)).toEqual([false, null]);
  });
  it('reads the trend in the target’s direction', () => {
    expect(trendOf({ baseline: 40, target: 100 }, 78, 81)).toBe('improving');
    expect(trendOf({ baseline: 7294, target: 0 }, 500, 450)).toBe('improving');
    expect(trendOf({ baseline: 7294, target: 0 }, 450, 500)).toBe('worsening');
    expect(trendOf({ baseline: 0, target: 10 }, 3, 3)).toBe('flat');
    expect(trendOf({ baseline: 0, target: 10 }, null, 3)).toBeNull();
  });
});

function filingOf(period: string, figures: Record<string, number>): FilingRecord {
  return {
    jurisdiction: '370405000000',
    period,
    form: 'transport-dekad',
    filer: 'dept:jiaotong',
    figures,
    filedAt: '',
    filedOn: '2019-11-01',
    due: '',
    late: false,
    daysLate: 0,
    corrections: 0,
  };
}
