import type { DomainError } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { ageOn, band, creditParamsFor, eligibilityIssues, type HouseholdFacts, rate } from '../src/domain/credit.js';
import {
  applyRepayment,
  assertCreditAvailable,
  assertLoanTerms,
  benchmarkRate,
  interestFen,
  portfolioRates,
  quarterOf,
  quarterSubsidyFen,
  releaseCredit,
  riskFundDrawFen,
} from '../src/domain/ledger.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('household credit rating (workflows.md §5.4; 004 BANK-09 L1379–1381)', () => {
  it('bands: ≥80 AAA, 70–79 AA, 60–69 A, <60 no credit; credit lines 5万/3万/1万', () => {
    expect([band(100), band(80), band(79), band(70), band(69), band(60), band(59), band(0)]).toEqual(['AAA', 'AAA', 'AA', 'AA', 'A', 'A', 'NONE', 'NONE']);
    expect(rate({ creditRecord: 30, repaymentCapacity: 20, productionProject: 15, assets: 5, villageView: 10 })).toEqual({ total: 80, band: 'AAA', creditLineFen: 5_000_000 });
    expect(rate({ creditRecord: 25, repaymentCapacity: 20, productionProject: 15, assets: 5, villageView: 9 })).toEqual({ total: 74, band: 'AA', creditLineFen: 3_000_000 });
    expect(rate({ creditRecord: 20, repaymentCapacity: 15, productionProject: 15, assets: 5, villageView: 5 }).band).toBe('A');
    expect(rate({ creditRecord: 20, repaymentCapacity: 15, productionProject: 10, assets: 5, villageView: 5 })).toEqual({ total: 55, band: 'NONE', creditLineFen: 0 });
    expect(code(() => rate({ creditRecord: 31, repaymentCapacity: 0, productionProject: 0, assets: 0, villageView: 0 }))).toBe('SCORE_OUT_OF_RANGE');
  });

  const household = (overrides: Partial<HouseholdFacts> = {}, member: Partial<HouseholdFacts['members'][number]> = {}): HouseholdFacts => ({
    householdId: 'h1',
    status: 'REGISTERED',
    mainCause: '09',
    members: [{ memberId: 'm1', birthDate: '1970-06-15', laborCapacity: 'full', status: 'active', ...member }],
    ...overrides,
  });
  it('eligibility: registered or exited with policy, cause 09, age 18–65, labour capacity', () => {
    expect(eligibilityIssues(household(), 'm1', '2019-03-01')).toEqual([]);
    expect(eligibilityIssues(household({ status: 'EXITED_WITH_POLICY' }), 'm1', '2019-03-01')).toEqual([]);
    expect(eligibilityIssues(household({ status: 'EXITED_NO_POLICY' }), 'm1', '2019-03-01')).toEqual(['STATUS_NOT_ELIGIBLE']);
    expect(eligibilityIssues(household({ mainCause: '01' }), 'm1', '2019-03-01')).toEqual(['CAUSE_NOT_CAPITAL']);
    expect(eligibilityIssues(household({}, { birthDate: '1953-03-02' }), 'm1', '2019-03-01')).toEqual([]); // 65 until the day before 66
    expect(eligibilityIssues(household({}, { birthDate: '1953-03-01' }), 'm1', '2019-03-01')).toEqual(['AGE_OUT_OF_RANGE']); // 66 today
    expect(eligibilityIssues(household({}, { birthDate: '2001-03-02' }), 'm1', '2019-03-01')).toEqual(['AGE_OUT_OF_RANGE']); // 17
    expect(eligibilityIssues(household({}, { laborCapacity: 'none' }), 'm1', '2019-03-01')).toEqual(['NO_LABOUR_CAPACITY']);
    expect(eligibilityIssues(household({}, { employed: true }), 'm1', '2019-03-01')).toEqual(['EMPLOYED']);
    expect(eligibilityIssues(household(), 'nobody', '2019-03-01')).toEqual(['BORROWER_NOT_MEMBER']);
    expect(ageOn('2000-02-29', '2019-02-28')).toBe(18);
  });
  it('age per jurisdiction: national 18–65; Jining (3708) excludes only people aged 70 and over (seed 004 BANK-09 L1370, L1379)', () => {
    const jining = creditParamsFor('370811103201');
    const national = creditParamsFor('370405103201');
    expect([national.minAge, national.maxAge]).toEqual([18, 65]);
    expect([jining.minAge, jining.maxAge]).toEqual([18, 69]);
    const aged = (birthDate: string) => household({}, { birthDate });
    // 66 and 69: out of the national range, inside Jining's.
    expect(eligibilityIssues(aged('1953-03-01'), 'm1', '2019-03-01', jining)).toEqual([]);
    expect(eligibilityIssues(aged('1949-03-02'), 'm1', '2019-03-01', jining)).toEqual([]);
    expect(eligibilityIssues(aged('1949-03-02'), 'm1', '2019-03-01', national)).toEqual(['AGE_OUT_OF_RANGE']);
    // 70 today ("70 岁以上" is inclusive).
    expect(eligibilityIssues(aged('1949-03-01'), 'm1', '2019-03-01', jining)).toEqual(['AGE_OUT_OF_RANGE']);
    expect(eligibilityIssues(aged('2001-03-02'), 'm1', '2019-03-01', jining)).toEqual(['AGE_OUT_OF_RANGE']);
  });
});

describe('扶贫小额信贷 ledger (workflows.md §5.4; 004 BANK-01 L1387, BANK-18 L1396)', () => {
  it('terms: ≤5万, ≤3 years, benchmark rate', () => {
    expect(benchmarkRate(12, '2019-03-01')).toBe('4.35');
    expect(benchmarkRate(36, '2019-03-01')).toBe('4.75');
    const ok = { amountFen: 5_000_000, termMonths: 36, annualRatePct: '4.75', issuedOn: '2019-03-01' };
    expect(() => assertLoanTerms(ok)).not.toThrow();
    expect(code(() => assertLoanTerms({ ...ok, amountFen: 5_000_001 }))).toBe('AMOUNT_ABOVE_LIMIT');
    expect(code(() => assertLoanTerms({ ...ok, termMonths: 37 }))).toBe('TERM_INVALID');
    expect(code(() => assertLoanTerms({ ...ok, annualRatePct: '4.35' }))).toBe('RATE_NOT_BENCHMARK');
    expect(() => assertLoanTerms({ ...ok, annualRatePct: '4.750' })).not.toThrow();
  });
  it('the credit line holds across loans: outstanding + new ≤ line, ≤5万 per household (seed 004 BANK-01 L1387)', () => {
    const none = { byBorrowerFen: {} };
    expect(assertCreditAvailable(none, { borrowerId: 'm1', amountFen: 3_000_000 }, 5_000_000)).toEqual({ byBorrowerFen: { m1: 3_000_000 } });
    expect(code(() => assertCreditAvailable(none, { borrowerId: 'm1', amountFen: 3_000_001 }, 3_000_000))).toBe('AMOUNT_ABOVE_CREDIT_LINE');
    // A second loan on top of 3万 outstanding: 2万 more fits a 5万 line, 2万 and one fen does not.
    const after = { byBorrowerFen: { m1: 3_000_000 } };
    expect(assertCreditAvailable(after, { borrowerId: 'm1', amountFen: 2_000_000 }, 5_000_000)).toEqual({ byBorrowerFen: { m1: 5_000_000 } });
    expect(code(() => assertCreditAvailable(after, { borrowerId: 'm1', amountFen: 2_000_001 }, 5_000_000))).toBe('AMOUNT_ABOVE_CREDIT_LINE');
    // Another member of the same household: within their own line, but the household stays within 5万.
    expect(code(() => assertCreditAvailable(after, { borrowerId: 'm2', amountFen: 3_000_000 }, 3_000_000))).toBe('AMOUNT_ABOVE_LIMIT');
    // A repayment frees the line again.
    const repaid = releaseCredit(after, 'm1', 1_000_000);
    expect(repaid).toEqual({ byBorrowerFen: { m1: 2_000_000 } });
    expect(assertCreditAvailable(repaid, { borrowerId: 'm1', amountFen: 3_000_000 }, 5_000_000).byBorrowerFen.m1).toBe(5_000_000);
  });
  it('interest per quarter on actual/360 in exact fen, and 贴息 cancelled when overdue', () => {
    // 50,000 yuan at 4.75% for 90 days = 5,000,000 × 0.0475 × 90 / 360 = 59,375 fen.
    expect(interestFen(5_000_000, '4.75', 90)).toBe(59_375);
    // 30,000 yuan at 4.35% for 91 days = 32,987.5 → 32,988 fen (half up).
    expect(interestFen(3_000_000, '4.35', 91)).toBe(32_988);
    expect(quarterSubsidyFen({ interestPaidFen: 59_375, paidOnTime: true, overdue: false })).toEqual({ subsidyFen: 59_375 });
    expect(quarterSubsidyFen({ interestPaidFen: 59_375, paidOnTime: true, overdue: true })).toEqual({ subsidyFen: 0, cancelled: 'OVERDUE' });
    expect(quarterSubsidyFen({ interestPaidFen: 59_375, paidOnTime: false, overdue: false }).cancelled).toBe('NOT_PAID_ON_TIME');
    expect(quarterSubsidyFen({ interestPaidFen: 1, paidOnTime: true, overdue: false, divertedUse: true }).cancelled).toBe('DIVERTED_USE');
    expect([quarterOf('2019-03-31'), quarterOf('2019-04-01'), quarterOf('2019-12-31')]).toEqual(['2019-Q1', '2019-Q2', '2019-Q4']);
  });
  it('NPL rate against the bank target + 2 pp tolerance (BANK-18 L1396)', () => {
    const book = (bad: number) => [{ outstandingFen: 10_000_000, overdueFen: 500_000, badFen: bad }];
    expect(portfolioRates(book(150_000), '1.5')).toMatchObject({ nplRatePct: '1.50', overdueRatePct: '5.00', status: 'within', toleranceCeilingPct: '3.5' });
    expect(portfolioRates(book(150_001), '1.5').status).toBe('tolerated'); // 1.50001% is above the target, although it shows as 1.50
    expect(portfolioRates(book(350_000), '1.5').status).toBe('tolerated'); // exactly +2 pp: "2 个百分点以内" is inclusive
    // Compared exactly: 3.50001% shows as 3.50 but is beyond the tolerance.
    expect(portfolioRates(book(350_001), '1.5')).toMatchObject({ nplRatePct: '3.50', status: 'exceeded' });
    expect(portfolioRates(book(351_000), '1.5').status).toBe('exceeded');
    expect(portfolioRates([], '1.5')).toMatchObject({ nplRatePct: '0.00', status: 'within' });
  });
  it('repayments and risk-fund drawdowns', () => {
    expect(applyRepayment(5_000_000, 1_000_000)).toBe(4_000_000);
    expect(code(() => applyRepayment(100, 101))).toBe('OVERPAYMENT');
    expect(riskFundDrawFen(1_000_001, '70', 10_000_000)).toBe(700_001); // 700,000.7 → 700,001
    expect(code(() => riskFundDrawFen(1_000_000, '70', 100))).toBe('FUND_INSUFFICIENT');
    expect(code(() => riskFundDrawFen(1_000_000, '101', 10_000_000))).toBe('SHARE_INVALID');
  });
});
