import type { DomainError } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { creditParamsFor, type HouseholdFacts, inRatingPopulation, ratingCoverage } from '../src/domain/credit.js';
import { closedOn, type LedgerLoan, loanPosition, loanQuarterSubsidy, portfolioRates, quarterBounds, quarterInterestFen } from '../src/domain/ledger.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

// 3万 at the ≤1 year benchmark 4.35% (ANC §3), issued 10 March 2019; 1万 repaid on 1 May, the rest on 15 August.
const loan = (overrides: Partial<LedgerLoan> = {}): LedgerLoan => ({
  amountFen: 3_000_000,
  annualRatePct: '4.35',
  issuedOn: '2019-03-10',
  repayments: [
    { on: '2019-05-01', principalFen: 1_000_000 },
    { on: '2019-08-15', principalFen: 2_000_000 },
  ],
  ...overrides,
});

describe('贴息 per loan and quarter (workflows.md §5.4; seed 004 BANK-01 L1387 财政贴息; seed 003 BK-9 L765 贴息补助)', () => {
  it('quarters are calendar quarters', () => {
    expect(quarterBounds('2019-Q1')).toEqual({ start: '2019-01-01', end: '2019-03-31' });
    expect(quarterBounds('2020-Q1')).toEqual({ start: '2020-01-01', end: '2020-03-31' });
    expect(quarterBounds('2019-Q4')).toEqual({ start: '2019-10-01', end: '2019-12-31' });
    expect(code(() => quarterBounds('2019-Q5'))).toBe('QUARTER_INVALID');
  });

  it('interest on each day’s closing balance, actual/360, rounded once per loan and quarter', () => {
    // Q1: 10–31 March, 22 days × 3万 × 4.35% / 360 = 7,975 fen.
    expect(quarterInterestFen(loan(), '2019-Q1')).toEqual({ days: 22, interestFen: 7_975 });
    // Q2: 30 days at 3万 and 61 at 2万: (90,000,000 + 122,000,000) fen-days × 4.35% / 360 = 25,616.67 → 25,617.
    expect(quarterInterestFen(loan(), '2019-Q2')).toEqual({ days: 91, interestFen: 25_617 });
    // Q3: 1 July – 14 August at 2万 (the day of full repayment bears none): 45 days → 10,875.
    expect(quarterInterestFen(loan(), '2019-Q3')).toEqual({ days: 45, interestFen: 10_875 });
    expect(closedOn(loan())).toBe('2019-08-15');
  });

  it('100% of the interest while the loan is in order; the whole quarter cancelled when it was overdue on any day of it', () => {
    expect(loanQuarterSubsidy(loan(), '2019-Q2')).toEqual({ days: 91, interestFen: 25_617, subsidyFen: 25_617 });
    expect(loanQuarterSubsidy(loan(), '2018-Q4')).toBeNull(); // before the loan
    expect(loanQuarterSubsidy(loan(), '2019-Q4')).toBeNull(); // after full repayment
    const late = loan({ overdueSince: '2019-06-20' });
    expect(loanQuarterSubsidy(late, '2019-Q1')).toMatchObject({ subsidyFen: 7_975 });
    expect(loanQuarterSubsidy(late, '2019-Q2')).toEqual({ days: 91, interestFen: 25_617, subsidyFen: 0, cancelled: 'OVERDUE' });
    expect(loanQuarterSubsidy(late, '2019-Q3')).toMatchObject({ subsidyFen: 0, cancelled: 'OVERDUE' });
  });
});

describe('overdue and NPL rates per bank against the tolerance (seed 004 BANK-18 L1396; seed 003 BK-8 L539)', () => {
  it('an overdue loan counts as overdue at once and as bad after more than 90 days', () => {
    const overdue = { outstandingFen: 1_000_000, status: 'overdue', overdueSince: '2019-01-01' };
    expect(loanPosition(overdue, '2018-12-31')).toEqual({ outstandingFen: 1_000_000, overdueFen: 0, badFen: 0 });
    expect(loanPosition(overdue, '2019-04-01')).toEqual({ outstandingFen: 1_000_000, overdueFen: 1_000_000, badFen: 0 }); // 90 days
    expect(loanPosition(overdue, '2019-04-02')).toEqual({ outstandingFen: 1_000_000, overdueFen: 1_000_000, badFen: 1_000_000 });
    expect(loanPosition({ outstandingFen: 5, status: 'current' }, '2019-04-02')).toEqual({ outstandingFen: 5, overdueFen: 0, badFen: 0 });
  });

  it('"高出本行不良贷款率年度目标 2 个百分点以内" is not penalised; beyond it is', () => {
    const book = [
      loanPosition({ outstandingFen: 9_700_000, status: 'current' }, '2019-06-30'),
      loanPosition({ outstandingFen: 300_000, status: 'overdue', overdueSince: '2019-01-02' }, '2019-06-30'),
    ];
    expect(portfolioRates(book, '1')).toMatchObject({ overdueRatePct: '3.00', nplRatePct: '3.00', toleranceCeilingPct: '3', status: 'tolerated' });
    expect(portfolioRates(book, '0.99').status).toBe('exceeded');
    expect(portfolioRates(book, '3').status).toBe('within');
  });
});

describe('rating coverage against its 100% target (seed 004 BANK-09 L1370, L1379–1381)', () => {
  const hh = (id: string, birthDate: string, overrides: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
    householdId: id,
    status: 'REGISTERED',
    mainCause: '09',
    members: [{ memberId: `${id}-m`, birthDate, laborCapacity: 'full', status: 'active' }],
    ...overrides,
  });

  it('the population: eligible status, cause 缺资金, a member of the jurisdiction’s age with labour capacity', () => {
    const on = '2019-06-30';
    expect(inRatingPopulation(hh('a', '1970-01-01'), on)).toBe(true);
    expect(inRatingPopulation(hh('b', '1970-01-01', { mainCause: '01' }), on)).toBe(false);
    expect(inRatingPopulation(hh('c', '1970-01-01', { status: 'EXITED_NO_POLICY' }), on)).toBe(false);
    // 67: outside the national 18–65, inside Jining's "70 岁以上" exclusion.
    expect(inRatingPopulation(hh('d', '1952-01-01'), on, creditParamsFor('370405103201'))).toBe(false);
    expect(inRatingPopulation(hh('d', '1952-01-01'), on, creditParamsFor('370811103201'))).toBe(true);
    expect(inRatingPopulation(hh('e', '1949-06-30'), on, creditParamsFor('370811103201'))).toBe(false); // 70 today
  });

  it('rated / eligible, compared exactly with 100%; rounded only for display', () => {
    expect(ratingCoverage(['a', 'b', 'c'], new Set(['a', 'b', 'x']))).toEqual({ eligible: 3, rated: 2, coveragePct: '66.67', targetPct: '100', metTarget: false, unrated: ['c'] });
    expect(ratingCoverage(['a', 'b', 'c'], new Set(['a', 'b', 'c']))).toMatchObject({ coveragePct: '100.00', metTarget: true });
    // 19,999 of 20,000 shows as 100.00 but is not 100%.
    const many = Array.from({ length: 20_000 }, (_, i) => `h${i}`);
    expect(ratingCoverage(many, new Set(many.slice(1)))).toMatchObject({ coveragePct: '100.00', metTarget: false });
    expect(ratingCoverage([], new Set())).toMatchObject({ eligible: 0, coveragePct: null, metTarget: null });
  });
});
