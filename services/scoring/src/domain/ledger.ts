/**
 * 扶贫小额信贷 ledger rules (workflows.md §5.4; seed 004 BANK-01 L1387, BANK-15 L1383, BANK-18 L1396;
 * seed 003 BK-9 L765). Money in integer fen, rates as exact decimals, no floats. Pure.
 */
import { addDays, DomainError } from '@jingzhun/types';
import { add, type Dec, dec, div, exactPercent, gt, lt, mul, rational, roundHalfUp, toDecimalString, toFixed, ZERO } from './decimal.js';

export interface LoanTerms {
  amountFen: number;
  termMonths: number;
  /** Annual rate in % as a decimal string, e.g. "4.35". */
  annualRatePct: string;
  issuedOn: string;
}

export interface LedgerParams {
  /** ≤5万 per household (004 BANK-01 L1387). */
  maxAmountFen: number;
  /** ≤3 years. */
  maxTermMonths: number;
  /** Benchmark rates by effective date (ANC §3: 2019 4.35% ≤1 year, 4.75% 1–3 years). */
  benchmark: { from: string; upTo12: string; upTo36: string }[];
  /** Day count: daily rate = annual / 360 (bank practice). */
  dayBasis: number;
  /** NPL tolerance above the bank's target, in pp (004 BANK-18 L1396). */
  nplTolerancePp: string;
}

export const DEFAULT_LEDGER_PARAMS: LedgerParams = {
  maxAmountFen: 5_000_000,
  maxTermMonths: 36,
  benchmark: [{ from: '2015-10-24', upTo12: '4.35', upTo36: '4.75' }],
  dayBasis: 360,
  nplTolerancePp: '2',
};

/** The benchmark rate for a term on a date (rate table by date). */
export function benchmarkRate(termMonths: number, onDate: string, params: LedgerParams = DEFAULT_LEDGER_PARAMS): string {
  const row = [...params.benchmark].filter((r) => r.from <= onDate).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  if (!row) throw new DomainError('NO_BENCHMARK_RATE', `${onDate} 没有适用的基准利率`, 422);
  return termMonths <= 12 ? row.upTo12 : row.upTo36;
}

/** ≤5万, ≤3 years, benchmark rate (workflows.md §5.4); the credit line is `assertCreditAvailable`'s. */
export function assertLoanTerms(terms: LoanTerms, params: LedgerParams = DEFAULT_LEDGER_PARAMS): void {
  if (!Number.isInteger(terms.amountFen) || terms.amountFen <= 0) throw new DomainError('AMOUNT_INVALID', '贷款金额须为正的整数分', 400);
  if (terms.amountFen > params.maxAmountFen) throw new DomainError('AMOUNT_ABOVE_LIMIT', '扶贫小额信贷每户不超过5万元（004 BANK-01）', 400);
  if (!Number.isInteger(terms.termMonths) || terms.termMonths < 1 || terms.termMonths > params.maxTermMonths)
    throw new DomainError('TERM_INVALID', '扶贫小额信贷期限不超过3年', 400);
  const expected = benchmarkRate(terms.termMonths, terms.issuedOn, params);
  if (dec(terms.annualRatePct).n * dec(expected).d !== dec(expected).n * dec(terms.annualRatePct).d) {
    throw new DomainError('RATE_NOT_BENCHMARK', `扶贫小额信贷执行基准利率 ${expected}%`, 400, { expected });
  }
}

/** What a household owes on its micro-credit loans: outstanding principal per borrower. */
export interface Exposure {
  byBorrowerFen: Record<string, number>;
}

export const householdOutstandingFen = (exposure: Exposure): number => Object.values(exposure.byBorrowerFen).reduce((s, v) => s + v, 0);

/**
 * The credit line holds across loans (seed 004 BANK-01 L1387 "5万元以下"; workflows.md §5.4): the
 * borrower's outstanding principal plus the new loan stays within the line the lending bank rated,
 * and the household's outstanding principal plus the new loan within 5万. Returns the exposure
 * after the loan; the handler writes it conditionally on its version, so concurrent loans cannot
 * both pass.
 */
export function assertCreditAvailable(
  exposure: Exposure,
  loan: { borrowerId: string; amountFen: number },
  creditLineFen: number,
  params: LedgerParams = DEFAULT_LEDGER_PARAMS,
): Exposure {
  const borrowerFen = exposure.byBorrowerFen[loan.borrowerId] ?? 0;
  if (borrowerFen + loan.amountFen > creditLineFen) {
    throw new DomainError('AMOUNT_ABOVE_CREDIT_LINE', '未还贷款余额加本笔贷款超过该借款人在本行的评级授信额度', 400, {
      creditLineFen,
      outstandingFen: borrowerFen,
      availableFen: Math.max(0, creditLineFen - borrowerFen),
    });
  }
  const householdFen = householdOutstandingFen(exposure);
  if (householdFen + loan.amountFen > params.maxAmountFen) {
    throw new DomainError('AMOUNT_ABOVE_LIMIT', '该户未还扶贫小额信贷余额加本笔贷款超过5万元（004 BANK-01）', 400, {
      outstandingFen: householdFen,
      availableFen: Math.max(0, params.maxAmountFen - householdFen),
    });
  }
  return { byBorrowerFen: { ...exposure.byBorrowerFen, [loan.borrowerId]: borrowerFen + loan.amountFen } };
}

/** A repayment frees the line again: the borrower's outstanding principal falls by the principal repaid. */
export function releaseCredit(exposure: Exposure, borrowerId: string, principalFen: number): Exposure {
  const borrowerFen = exposure.byBorrowerFen[borrowerId] ?? 0;
  return { byBorrowerFen: { ...exposure.byBorrowerFen, [borrowerId]: Math.max(0, borrowerFen - principalFen) } };
}

/** Interest on a balance for a number of days: fen × rate% / 100 × days / basis, rounded half up to the fen. */
export function interestFen(balanceFen: number, annualRatePct: string, days: number, params: LedgerParams = DEFAULT_LEDGER_PARAMS): number {
  const exact = div(mul(mul(rational(BigInt(balanceFen)), dec(annualRatePct)), rational(BigInt(days))), rational(BigInt(100 * params.dayBasis)));
  const rounded = roundHalfUp(exact, 0);
  return Number(rounded.n / rounded.d);
}

/**
 * 贴息 for one quarter (workflows.md §5.4 ANC §3 师宗县): 100% of the interest paid on time is
 * reimbursed quarterly; cancelled for the quarter when the loan was overdue, the information false
 * or the use diverted.
 */
export function quarterSubsidyFen(input: { interestPaidFen: number; paidOnTime: boolean; overdue: boolean; falseInformation?: boolean; divertedUse?: boolean }): {
  subsidyFen: number;
  cancelled?: string;
} {
  if (input.overdue) return { subsidyFen: 0, cancelled: 'OVERDUE' };
  if (input.falseInformation) return { subsidyFen: 0, cancelled: 'FALSE_INFORMATION' };
  if (input.divertedUse) return { subsidyFen: 0, cancelled: 'DIVERTED_USE' };
  if (!input.paidOnTime) return { subsidyFen: 0, cancelled: 'NOT_PAID_ON_TIME' };
  return { subsidyFen: input.interestPaidFen };
}

/** Quarter (YYYY-Qn) of a date. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export interface LoanPosition {
  outstandingFen: number;
  overdueFen: number;
  /** Classified as bad (不良): substandard or worse. */
  badFen: number;
}

/**
 * A bank's overdue and NPL rates on its micro-credit book, compared with its NPL target plus the
 * 2 pp tolerance (004 BANK-18 L1396: "高出本行不良贷款率年度目标 2 个百分点以内的，不作为…扣分因素").
 */
export function portfolioRates(loans: readonly LoanPosition[], bankNplTargetPct: string, params: LedgerParams = DEFAULT_LEDGER_PARAMS) {
  const outstanding = loans.reduce((s, l) => s + l.outstandingFen, 0);
  const overdue = loans.reduce((s, l) => s + l.overdueFen, 0);
  const bad = loans.reduce((s, l) => s + l.badFen, 0);
  // Exact ratios; rounding to 0.01 pp is for display only.
  const pct = (n: number): Dec => (outstanding === 0 ? ZERO : exactPercent(dec(n), dec(outstanding)));
  const nplRate = pct(bad);
  const target = dec(bankNplTargetPct);
  const ceiling = add(target, dec(params.nplTolerancePp));
  return {
    outstandingFen: outstanding,
    overdueRatePct: toFixed(pct(overdue), 2),
    nplRatePct: toFixed(nplRate, 2),
    nplTargetPct: toDecimalString(target),
    toleranceCeilingPct: toDecimalString(ceiling),
    /** within: at or under the target; tolerated: above it by at most 2 pp; exceeded: beyond. */
    status: !gt(nplRate, target) ? 'within' : !gt(nplRate, ceiling) ? 'tolerated' : 'exceeded',
  } as const;
}

/**
 * A drawdown of the county risk-compensation fund for a loss (004 BANK-01/24; 000 BK-8). The
 * loss-sharing ratio has no source default and must be given; the fund balance bounds the draw.
 */
export function riskFundDrawFen(lossFen: number, sharePct: string, fundBalanceFen: number): number {
  if (!Number.isInteger(lossFen) || lossFen <= 0) throw new DomainError('LOSS_INVALID', '损失金额须为正的整数分', 400);
  const share = dec(sharePct);
  if (lt(share, dec(0)) || gt(share, dec(100))) throw new DomainError('SHARE_INVALID', '分担比例须在 0–100% 之间', 400);
  const draw = roundHalfUp(div(mul(rational(BigInt(lossFen)), share), dec(100)), 0);
  const amount = Number(draw.n / draw.d);
  if (amount > fundBalanceFen) throw new DomainError('FUND_INSUFFICIENT', '风险补偿金余额不足', 409, { fundBalanceFen, amount });
  return amount;
}

/** Repayment: principal cannot go below zero. */
export function applyRepayment(outstandingFen: number, principalFen: number): number {
  if (!Number.isInteger(principalFen) || principalFen <= 0) throw new DomainError('AMOUNT_INVALID', '还款金额须为正的整数分', 400);
  if (principalFen > outstandingFen) throw new DomainError('OVERPAYMENT', '还款本金超过贷款余额', 400, { outstandingFen });
  return outstandingFen - principalFen;
}

// ── Per-period rules wired to the ledger (workflows.md §5.4) ───────────────────

/** First and last day of a quarter `YYYY-Qn`. */
export function quarterBounds(quarter: string): { start: string; end: string } {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new DomainError('QUARTER_INVALID', '季度须为 YYYY-Qn 格式，如 2019-Q2', 400);
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3 + 1;
  const start = `${year}-${String(first).padStart(2, '0')}-01`;
  const next = first + 3 > 12 ? `${year + 1}-01-01` : `${year}-${String(first + 3).padStart(2, '0')}-01`;
  return { start, end: addDays(next, -1) };
}

export interface LedgerLoan {
  amountFen: number;
  annualRatePct: string;
  issuedOn: string;
  /** Set while (or since) the loan was overdue; the loan stays overdue until repaid in full. */
  overdueSince?: string | undefined;
  repayments: readonly { on: string; principalFen: number }[];
}

/** The day the loan was repaid in full, if it was. */
export function closedOn(loan: LedgerLoan): string | undefined {
  let balance = loan.amountFen;
  for (const r of [...loan.repayments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) {
    balance -= r.principalFen;
    if (balance <= 0) return r.on;
  }
  return undefined;
}

/**
 * Interest of a loan for the days of one quarter: each day bears interest on its closing balance
 * (the day of issue counts, the day of full repayment does not: 算头不算尾), actual/360, summed
 * exactly and rounded half up once.
 */
export function quarterInterestFen(loan: LedgerLoan, quarter: string, params: LedgerParams = DEFAULT_LEDGER_PARAMS): { days: number; interestFen: number } {
  const { start, end } = quarterBounds(quarter);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as strings; Math.max would make them NaN
  const from = loan.issuedOn > start ? loan.issuedOn : start;
  const moves = [...loan.repayments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let fenDays = 0;
  let days = 0;
  for (let day = from; day <= end; day = addDays(day, 1)) {
    const balance = loan.amountFen - moves.filter((m) => m.on <= day).reduce((s, m) => s + m.principalFen, 0);
    if (balance <= 0) break;
    fenDays += balance;
    days++;
  }
  return { days, interestFen: fenDays === 0 ? 0 : interestFen(fenDays, loan.annualRatePct, 1, params) };
}

/**
 * 贴息 of one loan for one quarter (workflows.md §5.4, ANC §3 师宗县: 100% of the interest paid on
 * time, reimbursed quarterly; cancelled when the loan was overdue). A loan overdue on any day of
 * the quarter loses the quarter's 贴息. Returns null when the loan bore no interest in the quarter.
 */
export function loanQuarterSubsidy(loan: LedgerLoan, quarter: string, params: LedgerParams = DEFAULT_LEDGER_PARAMS) {
  const { start, end } = quarterBounds(quarter);
  const { days, interestFen: interest } = quarterInterestFen(loan, quarter, params);
  if (days === 0) return null;
  const closed = closedOn(loan);
  const overdue = loan.overdueSince !== undefined && loan.overdueSince <= end && (closed === undefined || closed > start);
  return { days, interestFen: interest, ...quarterSubsidyFen({ interestPaidFen: interest, paidOnTime: !overdue, overdue }) };
}

/** The documents do not classify loans; overdue more than 90 days is 不良 by the usual five-tier practice [PROP]. */
export const NPL_AFTER_OVERDUE_DAYS = 90;

/**
 * A loan's position on a date for the bank's rates: the whole balance of an overdue loan counts as
 * overdue (逾期贷款余额), and as bad (不良) once it has been overdue more than `nplAfterOverdueDays`.
 */
export function loanPosition(
  loan: { outstandingFen: number; status: string; overdueSince?: string | undefined },
  onDate: string,
  nplAfterOverdueDays = NPL_AFTER_OVERDUE_DAYS,
): LoanPosition {
  const overdue = loan.status === 'overdue' && loan.overdueSince !== undefined && loan.overdueSince <= onDate;
  const bad = overdue && addDays(loan.overdueSince as string, nplAfterOverdueDays) < onDate;
  return { outstandingFen: loan.outstandingFen, overdueFen: overdue ? loan.outstandingFen : 0, badFen: bad ? loan.outstandingFen : 0 };
}
