import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, DomainError, type StaffClaims, scoringApi, scoringEvents, shanghaiDate } from '@jingzhun/types';
import { creditParamsFor, inRatingPopulation, ratingCoverage } from '../domain/credit.js';
import { dec, gt, HUNDRED, lt, ZERO } from '../domain/decimal.js';
import { type LedgerLoan, loanPosition, loanQuarterSubsidy, portfolioRates, quarterBounds, riskFundDrawFen } from '../domain/ledger.js';
import { microcreditKeys } from '../store/keys.js';
import {
  drawsOf,
  getFund,
  getLoan,
  getNplTarget,
  getReview,
  householdsOfCounty,
  loansOfCounty,
  movementsOf,
  nplTargetsOf,
  ratingsOfCounty,
  subsidiesOf,
} from '../store/microcredit.js';
import type { LoanItem, Projection } from './households.js';
import { assertDistrict, unitOfWork } from './scope.js';

/**
 * The 扶贫小额信贷 rules per period (workflows.md §5.4): 贴息 per loan and quarter, each bank's
 * overdue and NPL rates against its target and the 2 pp tolerance (004 BANK-18 L1396), the rating
 * coverage against 100% (004 BANK-09 L1370) and the county risk-compensation fund (004 BANK-01
 * L1387, BANK-24 L1398).
 */

const loansOfDistrict = (district: string) => loansOfCounty<LoanItem>(district);

async function ledgerLoan(loan: LoanItem): Promise<LedgerLoan> {
  const moves = await movementsOf<{ sk: string; kind: string; principalFen: number }>(loan.loanId);
  return {
    amountFen: loan.amountFen,
    annualRatePct: loan.annualRatePct,
    issuedOn: loan.issuedOn,
    overdueSince: loan.overdueSince,
    // MOVE#<date>#<id>: the date is the sort key's second part.
    repayments: moves.filter((m) => m.kind === 'repayment').map((m) => ({ on: m.sk.split('#')[1] as string, principalFen: m.principalFen })),
  };
}

interface SubsidyRecord {
  district: string;
  quarter: string;
  loanId: string;
  bankId: string;
  householdId: string;
  region: string;
  days: number;
  interestFen: number;
  subsidyFen: number;
  cancelled?: string;
  computedAt: string;
}

const toSubsidy = (item: SubsidyRecord) => ({
  district: item.district,
  quarter: item.quarter,
  loanId: item.loanId,
  bankId: item.bankId,
  householdId: item.householdId,
  region: item.region,
  days: item.days,
  interestFen: item.interestFen,
  subsidyFen: item.subsidyFen,
  ...(item.cancelled ? { cancelled: item.cancelled } : {}),
  computedAt: item.computedAt,
});

/**
 * POST …/microcredit/quarters/{quarter}/subsidy: 贴息 of every loan of the district that bore
 * interest in a closed quarter. Each (quarter, loan) is written once with its event: running the
 * quarter again computes only the loans not yet computed.
 */
export const computeSubsidy = httpHandler(scoringApi.computeSubsidy, async (ctx) => {
  assertDistrict(ctx.params.district, ctx.assertInScope);
  return quarterSubsidy(ctx.params.district, ctx.params.quarter, ctx);
});

type Ports = Parameters<typeof unitOfWork>[0];

/** 贴息 of a district's closed quarter, each (quarter, loan) once; shared by the route and the quarterly job. */
export async function quarterSubsidy(district: string, quarter: string, ctx: Ports) {
  const { end } = quarterBounds(quarter);
  if (end >= shanghaiDate(ctx.clock.now())) throw new DomainError('QUARTER_NOT_CLOSED', `${quarter} 尚未结束，季末后方可计算贴息`, 409);
  const done = new Set((await subsidiesOf<SubsidyRecord>(district, quarter)).map((s) => s.loanId));
  const items: ReturnType<typeof toSubsidy>[] = [];
  let alreadyComputed = 0;
  for (const loan of await loansOfDistrict(district)) {
    if (done.has(loan.loanId)) {
      alreadyComputed++;
      continue;
    }
    const result = loanQuarterSubsidy(await ledgerLoan(loan), quarter);
    if (!result) continue;
    const uow = unitOfWork(ctx);
    const record: SubsidyRecord = {
      district,
      quarter,
      loanId: loan.loanId,
      bankId: loan.bankId,
      householdId: loan.householdId,
      region: loan.region,
      days: result.days,
      interestFen: result.interestFen,
      subsidyFen: result.subsidyFen,
      ...(result.cancelled ? { cancelled: result.cancelled } : {}),
      computedAt: uow.timestamp,
    };
    uow.create(
      { ...microcreditKeys.subsidy(district, quarter, loan.loanId), entity: 'loan-subsidy', ...record },
      new DomainError('ALREADY_COMPUTED', '该笔贷款本季度贴息已计算', 409),
    );
    uow.audit({ subject: `LOAN#${loan.loanId}`, action: 'loan.subsidy.computed', after: record });
    const { days: _d, computedAt: _c, ...event } = record;
    uow.emit(scoringEvents.subsidyComputed, `LOAN#${loan.loanId}`, event);
    try {
      await uow.commit();
      items.push(toSubsidy(record));
    } catch (error) {
      // A concurrent run computed it first: counted once, by that run.
      if (!(error instanceof DomainError && error.code === 'ALREADY_COMPUTED')) throw error;
      alreadyComputed++;
    }
  }
  return { district, quarter, computed: items.length, alreadyComputed, items, subsidyFen: items.reduce((s, i) => s + i.subsidyFen, 0) };
}

/** A percentage in [0, 100] (or (0, 100] without zero), compared exactly. */
function withinPercent(text: string, zeroAllowed: boolean): boolean {
  const value = dec(text);
  return !gt(value, HUNDRED) && (zeroAllowed ? !lt(value, ZERO) : gt(value, ZERO));
}

interface NplTargetItem {
  pk: string;
  sk: string;
  entity: 'npl-target';
  district: string;
  bankId: string;
  year: number;
  targetPct: string;
  version: number;
  [key: string]: unknown;
}

/** PUT …/banks/{bankId}/npl-targets/{year}: the bank's annual NPL target (004 BANK-18 L1396 "本行不良贷款率年度目标"). */
export const setNplTarget = httpHandler(scoringApi.setNplTarget, async (ctx) => {
  const { district, bankId, year } = ctx.params;
  assertDistrict(district, ctx.assertInScope);
  const claims = ctx.staff();
  if (claims.role === 'bank' && claims.bankId !== bankId) throw new DomainError('BANK_SCOPE', '银行用户只能登记本行的不良贷款率目标', 403);
  if (!withinPercent(ctx.body.targetPct, true)) throw new DomainError('TARGET_INVALID', '不良贷款率目标须在 0–100% 之间', 400);
  const existing = await getNplTarget<NplTargetItem>(district, bankId, year);
  if (existing && (ctx.body.expectedVersion === undefined || !ctx.body.reason)) throw new DomainError('REASON_REQUIRED', '更正已登记的目标须提供理由和版本号', 400);
  if (existing && existing.version !== ctx.body.expectedVersion) throw CommonErrors.versionConflict();
  const uow = unitOfWork(ctx);
  const next = { ...microcreditKeys.nplTarget(district, bankId, year), entity: 'npl-target' as const, district, bankId, year, targetPct: ctx.body.targetPct };
  const saved = existing ? uow.replace({ ...existing, ...next }) : uow.create(next, CommonErrors.versionConflict());
  uow.audit({
    subject: `BANK#${district}#${bankId}`,
    action: existing ? 'npl-target.corrected' : 'npl-target.set',
    before: existing ? { targetPct: existing.targetPct } : undefined,
    after: { year, targetPct: ctx.body.targetPct },
    ...(ctx.body.reason ? { reason: ctx.body.reason } : {}),
  });
  await uow.commit();
  return { district, bankId, year, targetPct: saved.targetPct, version: saved.version };
});

/** Each bank's rates on `on` over its outstanding loans of the district, against its target for that year. */
async function bankRates(district: string, on: string) {
  const [loans, targets] = await Promise.all([loansOfDistrict(district), nplTargetsOf<NplTargetItem>(district)]);
  const year = Number(on.slice(0, 4));
  const byBank = new Map<string, LoanItem[]>();
  for (const loan of loans.filter((l) => l.issuedOn <= on && l.outstandingFen > 0)) byBank.set(loan.bankId, [...(byBank.get(loan.bankId) ?? []), loan]);
  return [...byBank.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([bankId, book]) => {
      const positions = book.map((l) => loanPosition(l, on));
      const target = targets.find((t) => t.bankId === bankId && t.year === year)?.targetPct;
      const rates = portfolioRates(positions, target ?? '0');
      return {
        bankId,
        loans: book.length,
        outstandingFen: rates.outstandingFen,
        overdueFen: positions.reduce((s, p) => s + p.overdueFen, 0),
        badFen: positions.reduce((s, p) => s + p.badFen, 0),
        overdueRatePct: rates.overdueRatePct,
        nplRatePct: rates.nplRatePct,
        nplTargetPct: target ?? null,
        toleranceCeilingPct: target === undefined ? null : rates.toleranceCeilingPct,
        status: target === undefined ? ('no-target' as const) : rates.status,
      };
    });
}

/** The coverage of the rating population of a county on a date, in total and per town. */
async function coverage(district: string, on: string) {
  const [households, ratings] = await Promise.all([householdsOfCounty<Projection>(district), ratingsOfCounty<{ householdId: string; ratedOn: string }>(district)]);
  const rated = new Set(ratings.filter((r) => r.ratedOn <= on).map((r) => r.householdId));
  const population = households.filter((h) => inRatingPopulation(h, on, creditParamsFor(h.region)));
  const total = ratingCoverage(
    population.map((h) => h.householdId),
    rated,
  );
  const towns = [...new Set(population.map((h) => h.region.slice(0, 9).padEnd(12, '0')))].sort();
  return {
    region: district,
    on,
    eligible: total.eligible,
    rated: total.rated,
    coveragePct: total.coveragePct,
    targetPct: total.targetPct,
    metTarget: total.metTarget,
    byTown: towns.map((town) => {
      const c = ratingCoverage(
        population.filter((h) => h.region.startsWith(town.slice(0, 9))).map((h) => h.householdId),
        rated,
      );
      return { region: town, eligible: c.eligible, rated: c.rated, coveragePct: c.coveragePct, metTarget: c.metTarget };
    }),
  };
}

/** GET …/microcredit/coverage?on=: the live coverage figure (004 BANK-09 L1370). */
export const getCoverage = httpHandler(scoringApi.getCoverage, async (ctx) => {
  assertDistrict(ctx.params.district, ctx.assertInScope);
  return coverage(ctx.params.district, ctx.query.on);
});

interface ReviewItem {
  district: string;
  quarter: string;
  on: string;
  banks: Awaited<ReturnType<typeof bankRates>>;
  coverage: Awaited<ReturnType<typeof coverage>>;
  recordedAt: string;
}

const toReview = (r: ReviewItem) => ({ district: r.district, quarter: r.quarter, on: r.on, banks: r.banks, coverage: r.coverage, recordedAt: r.recordedAt });

/**
 * POST …/microcredit/quarters/{quarter}/review: records, once per quarter, each bank's rates at the
 * quarter's last day and the coverage, and emits them for the monthly scheduling. A second run
 * returns the record already made.
 */
export const reviewQuarter = httpHandler(scoringApi.reviewQuarter, async (ctx) => {
  assertDistrict(ctx.params.district, ctx.assertInScope);
  return recordQuarterReview(ctx.params.district, ctx.params.quarter, ctx);
});

/** The quarter review of a district, recorded once; shared by the route and the quarterly job. */
export async function recordQuarterReview(district: string, quarter: string, ctx: Ports) {
  const { end } = quarterBounds(quarter);
  if (end >= shanghaiDate(ctx.clock.now())) throw new DomainError('QUARTER_NOT_CLOSED', `${quarter} 尚未结束`, 409);
  const stored = await getReview<ReviewItem>(district, quarter);
  if (stored) return toReview(stored);
  const uow = unitOfWork(ctx);
  const review: ReviewItem = { district, quarter, on: end, banks: await bankRates(district, end), coverage: await coverage(district, end), recordedAt: uow.timestamp };
  uow.create({ ...microcreditKeys.review(district, quarter), entity: 'microcredit-review', ...review }, new DomainError('ALREADY_REVIEWED', '本季度已记录', 409));
  uow.audit({
    subject: `MICROCREDIT#${district}#${quarter}`,
    action: 'microcredit.quarter.reviewed',
    after: { banks: review.banks, coverage: { ...review.coverage, byTown: undefined } },
  });
  uow.emit(scoringEvents.quarterReviewed, `MICROCREDIT#${district}#${quarter}`, {
    district,
    quarter,
    on: end,
    banks: review.banks.map((b) => ({ bankId: b.bankId, outstandingFen: b.outstandingFen, overdueRatePct: b.overdueRatePct, nplRatePct: b.nplRatePct, status: b.status })),
    coverage: { eligible: review.coverage.eligible, rated: review.coverage.rated, coveragePct: review.coverage.coveragePct, metTarget: review.coverage.metTarget },
  });
  try {
    await uow.commit();
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'ALREADY_REVIEWED')) throw error;
    return toReview((await getReview<ReviewItem>(district, quarter)) as ReviewItem);
  }
  return toReview(review);
}

const ownRows = <T extends { bankId: string }>(rows: T[], claims: StaffClaims) => rows.filter((r) => claims.role !== 'bank' || r.bankId === claims.bankId);

/** GET …/microcredit/quarters/{quarter}: the quarter's 贴息 and review; a bank sees its own rows. */
export const getQuarter = httpHandler(scoringApi.getQuarter, async (ctx) => {
  const { district, quarter } = ctx.params;
  assertDistrict(district, ctx.assertInScope);
  quarterBounds(quarter);
  const claims = ctx.staff();
  if (claims.role === 'bank' && !claims.bankId) throw new DomainError('BANK_SCOPE', '登录凭证缺少银行编号', 403);
  const [subsidy, review] = await Promise.all([subsidiesOf<SubsidyRecord>(district, quarter), getReview<ReviewItem>(district, quarter)]);
  return {
    district,
    quarter,
    subsidy: ownRows(subsidy, claims).map(toSubsidy),
    review: review ? { ...toReview(review), banks: ownRows(review.banks, claims), ...(claims.role === 'bank' ? { coverage: { ...review.coverage, byTown: [] } } : {}) } : null,
  };
});

// ── County risk-compensation fund ─────────────────────────────────────────────

interface FundItem {
  pk: string;
  sk: string;
  entity: 'risk-fund';
  district: string;
  sharePct: string | null;
  balanceFen: number;
  depositedFen: number;
  drawnFen: number;
  version: number;
  [key: string]: unknown;
}

interface DrawItem {
  loanId: string;
  bankId: string;
  lossFen: number;
  sharePct: string;
  amountFen: number;
  drawnOn: string;
}

async function loadFund(district: string): Promise<FundItem> {
  const stored = await getFund<FundItem>(district);
  return stored ?? { ...microcreditKeys.fund(district), entity: 'risk-fund', district, sharePct: null, balanceFen: 0, depositedFen: 0, drawnFen: 0, version: 0 };
}

async function fundView(fund: FundItem) {
  const draws = await drawsOf<DrawItem>(fund.district);
  return {
    district: fund.district,
    sharePct: fund.sharePct,
    balanceFen: fund.balanceFen,
    depositedFen: fund.depositedFen,
    drawnFen: fund.drawnFen,
    draws: draws.map((d) => ({ loanId: d.loanId, bankId: d.bankId, lossFen: d.lossFen, sharePct: d.sharePct, amountFen: d.amountFen, drawnOn: d.drawnOn })),
    version: fund.version,
  };
}

/** The fund's new state, conditional on the version read: two draws cannot both spend the same balance. */
function saveFund(uow: ReturnType<typeof unitOfWork>, fund: FundItem, next: Partial<FundItem>): FundItem {
  if (fund.version > 0) return uow.replace({ ...fund, ...next });
  const { version: _v, ...rest } = fund;
  return uow.create({ ...rest, ...next }, CommonErrors.versionConflict()) as FundItem;
}

/** GET …/risk-fund */
export const getRiskFund = httpHandler(scoringApi.getRiskFund, async (ctx) => {
  assertDistrict(ctx.params.district, ctx.assertInScope);
  return fundView(await loadFund(ctx.params.district));
});

/** PUT …/risk-fund/share: the documents set no ratio (004 BANK-01/24; 000 BK-8), so the county sets it, with its basis. */
export const setRiskFundShare = httpHandler(scoringApi.setRiskFundShare, async (ctx) => {
  const { district } = ctx.params;
  assertDistrict(district, ctx.assertInScope);
  if (!withinPercent(ctx.body.sharePct, false)) throw new DomainError('SHARE_INVALID', '分担比例须大于0且不超过100%', 400);
  const fund = await loadFund(district);
  const uow = unitOfWork(ctx);
  const saved = saveFund(uow, fund, { sharePct: ctx.body.sharePct });
  uow.audit({
    subject: microcreditKeys.fundSubject(district),
    action: 'risk-fund.share.set',
    before: { sharePct: fund.sharePct },
    after: { sharePct: ctx.body.sharePct },
    reason: ctx.body.reason,
  });
  await uow.commit();
  return fundView(saved);
});

/** POST …/risk-fund/deposits: money paid into the fund (004 BANK-24 L1398 "补偿资金到位"). */
export const depositRiskFund = httpHandler(scoringApi.depositRiskFund, async (ctx) => {
  const { district } = ctx.params;
  assertDistrict(district, ctx.assertInScope);
  const fund = await loadFund(district);
  const uow = unitOfWork(ctx);
  const saved = saveFund(uow, fund, { balanceFen: fund.balanceFen + ctx.body.amountFen, depositedFen: fund.depositedFen + ctx.body.amountFen });
  uow.put({ ...microcreditKeys.deposit(district, ctx.body.depositedOn, ctx.ids.next()), entity: 'risk-fund-deposit', amountFen: ctx.body.amountFen, reason: ctx.body.reason });
  uow.audit({
    subject: microcreditKeys.fundSubject(district),
    action: 'risk-fund.deposit',
    after: { amountFen: ctx.body.amountFen, on: ctx.body.depositedOn },
    reason: ctx.body.reason,
  });
  await uow.commit();
  return fundView(saved);
});

/**
 * POST …/risk-fund/draws: compensation of a bad loan's loss at the fund's share, bounded by the
 * balance; once per loan. The loss cannot exceed the loan's outstanding principal.
 */
export const drawRiskFund = httpHandler(scoringApi.drawRiskFund, async (ctx) => {
  const { district } = ctx.params;
  assertDistrict(district, ctx.assertInScope);
  const loan = await getLoan<LoanItem>(ctx.body.loanId);
  if (!loan?.region.startsWith(district.slice(0, 6))) throw CommonErrors.notFound('本区贷款');
  if (loanPosition(loan, ctx.body.drawnOn).badFen === 0) throw new DomainError('LOAN_NOT_BAD', '只有逾期超过90天的不良贷款可以申请风险补偿', 409);
  if (ctx.body.lossFen > loan.outstandingFen) throw new DomainError('LOSS_ABOVE_BALANCE', '损失金额超过贷款余额', 400, { outstandingFen: loan.outstandingFen });
  const fund = await loadFund(district);
  if (fund.sharePct === null) throw new DomainError('SHARE_NOT_SET', '尚未设定风险补偿金分担比例', 409);
  const amountFen = riskFundDrawFen(ctx.body.lossFen, fund.sharePct, fund.balanceFen);
  const uow = unitOfWork(ctx);
  const saved = saveFund(uow, fund, { balanceFen: fund.balanceFen - amountFen, drawnFen: fund.drawnFen + amountFen });
  const draw: DrawItem = { loanId: loan.loanId, bankId: loan.bankId, lossFen: ctx.body.lossFen, sharePct: fund.sharePct, amountFen, drawnOn: ctx.body.drawnOn };
  uow.create({ ...microcreditKeys.draw(district, loan.loanId), entity: 'risk-fund-draw', ...draw }, new DomainError('ALREADY_DRAWN', '该笔贷款已获风险补偿', 409));
  uow.audit({ subject: microcreditKeys.fundSubject(district), action: 'risk-fund.draw', after: draw });
  uow.emit(scoringEvents.riskFundDrawn, `LOAN#${loan.loanId}`, { district, ...draw, region: loan.region, balanceAfterFen: saved.balanceFen });
  await uow.commit();
  return fundView(saved);
});
