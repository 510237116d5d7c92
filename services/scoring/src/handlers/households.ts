import { eventHandler, getItem, httpHandler, queryAll, UnitOfWork } from '@jingzhun/platform';
import { CommonErrors, DomainError, identificationEvents, scoringApi, scoringEvents } from '@jingzhun/types';
import { creditParamsFor, eligibilityIssues, type HouseholdFacts, rate } from '../domain/credit.js';
import { applyRepayment, assertCreditAvailable, assertLoanTerms, type Exposure, releaseCredit } from '../domain/ledger.js';
import { householdKeys, loanKeys, microcreditKeys } from '../store/keys.js';
import { table } from '../store/repo.js';
import { unitOfWork } from './scope.js';

export interface Projection extends HouseholdFacts {
  pk: string;
  sk: string;
  region: string;
}

/**
 * Eligibility projection from identification's events (status, members' ages and labour capacity,
 * main cause): the facts the credit rating needs (workflows.md §5.4). Idempotent per event.
 */
export const onHouseholdEvent = eventHandler('scoring-household-projection', async (envelope, ctx) => {
  const data = identificationEvents.householdRegistered.data.parse(envelope.data);
  const s = data.snapshot;
  const uow = new UnitOfWork({ table: table(), service: 'scoring', clock: ctx.clock, ids: ctx.ids, actor: { sub: `event:${envelope.type}`, role: 'system' } });
  uow.put({
    ...householdKeys.projection(s.householdId),
    ...householdKeys.regionIndex(s.region, s.householdId),
    ...householdKeys.countyIndex(s.region, s.householdId),
    entity: 'household-projection',
    householdId: s.householdId,
    region: s.region,
    status: s.status,
    mainCause: s.mainCause,
    members: s.members.map((m) => ({ memberId: m.memberId, birthDate: m.birthDate, laborCapacity: m.laborCapacity, status: m.status })),
    sourceEvent: envelope.id,
    sourceAt: envelope.occurredAt,
  });
  uow.markConsumed(ctx.consumer, envelope.id);
  await uow.commit();
});

export const bankOf = (claims: { bankId?: string | undefined }) => {
  if (!claims.bankId) throw new DomainError('BANK_SCOPE', '登录凭证缺少银行编号', 403);
  return claims.bankId;
};

/** POST /scoring/households/{householdId}/ratings: a bank rates an eligible household's borrower. */
export const rateHousehold = httpHandler(scoringApi.rateHousehold, async (ctx) => {
  const claims = ctx.staff();
  const bankId = bankOf(claims);
  const household = await getItem<Projection>(table(), householdKeys.projection(ctx.params.householdId));
  if (!household) throw CommonErrors.notFound('建档立卡户');
  ctx.assertInScope(household.region);
  // Employment is the bank's checked statement (the register does not hold it), recorded with the rating.
  const facts = { ...household, members: household.members.map((m) => (m.memberId === ctx.body.borrowerId ? { ...m, employed: ctx.body.borrowerEmployed } : m)) };
  const params = creditParamsFor(household.region);
  const issues = eligibilityIssues(facts, ctx.body.borrowerId, ctx.body.ratedOn, params);
  if (issues.length > 0)
    throw new DomainError('NOT_ELIGIBLE_FOR_RATING', `该借款人不符合扶贫小额信贷评级条件：${issues.map((i) => scoringApi.RATING_ISSUE_NAMES_ZH[i] ?? i).join('；')}`, 422, issues);
  const result = rate(ctx.body.scores, params);
  const rating = {
    householdId: household.householdId,
    borrowerId: ctx.body.borrowerId,
    bankId,
    ratedOn: ctx.body.ratedOn,
    scores: ctx.body.scores,
    borrowerEmployed: ctx.body.borrowerEmployed,
    ...(ctx.body.borrowerName ? { borrowerName: ctx.body.borrowerName } : {}),
    ...result,
  };
  const uow = unitOfWork(ctx);
  uow.create(
    {
      ...householdKeys.rating(household.householdId, ctx.body.ratedOn, bankId, ctx.body.borrowerId),
      ...householdKeys.ratingCountyIndex(household.region, ctx.body.ratedOn, household.householdId, bankId, ctx.body.borrowerId),
      entity: 'credit-rating',
      region: household.region,
      ...rating,
    },
    CommonErrors.alreadyExists('本行当日对该借款人的评级'),
  );
  uow.audit({ subject: `HOUSEHOLD#${household.householdId}`, action: 'credit.rated', after: rating });
  await uow.commit();
  return rating;
});

export interface LoanItem {
  pk: string;
  sk: string;
  entity: string;
  loanId: string;
  bankId: string;
  householdId: string;
  borrowerId: string;
  region: string;
  amountFen: number;
  termMonths: number;
  annualRatePct: string;
  issuedOn: string;
  purpose: string;
  outstandingFen: number;
  status: 'current' | 'overdue' | 'repaid';
  overdueSince?: string;
  version: number;
  [key: string]: unknown;
}

const toLoan = (l: LoanItem) => ({
  loanId: l.loanId,
  bankId: l.bankId,
  householdId: l.householdId,
  borrowerId: l.borrowerId,
  region: l.region,
  amountFen: l.amountFen,
  termMonths: l.termMonths,
  annualRatePct: l.annualRatePct,
  issuedOn: l.issuedOn,
  purpose: l.purpose,
  outstandingFen: l.outstandingFen,
  status: l.status,
  ...(l.overdueSince ? { overdueSince: l.overdueSince } : {}),
  version: l.version,
});

interface ExposureItem extends Exposure {
  pk: string;
  sk: string;
  entity: 'credit-exposure';
  householdId: string;
  version: number;
  [key: string]: unknown;
}

/**
 * The household's exposure item, or (version 0, not stored) one derived from its loans: the first
 * loan or repayment after this item was introduced writes it with `attribute_not_exists`.
 */
async function loadExposure(householdId: string): Promise<ExposureItem> {
  const stored = await getItem<ExposureItem>(table(), householdKeys.exposure(householdId));
  if (stored) return stored;
  const loans = await queryAll<LoanItem>({ table: table(), index: 'gsi2', partition: loanKeys.ofHousehold(householdId) });
  const byBorrowerFen: Record<string, number> = {};
  for (const l of loans) byBorrowerFen[l.borrowerId] = (byBorrowerFen[l.borrowerId] ?? 0) + l.outstandingFen;
  return { ...householdKeys.exposure(householdId), entity: 'credit-exposure', householdId, byBorrowerFen, version: 0 };
}

/** Writes the exposure conditionally on the version read: two loans of one household cannot both pass the line. */
function saveExposure(uow: ReturnType<typeof unitOfWork>, item: ExposureItem, next: Exposure): void {
  if (item.version > 0) {
    uow.replace({ ...item, byBorrowerFen: next.byBorrowerFen });
    return;
  }
  const { version: _v, ...rest } = item;
  uow.create({ ...rest, byBorrowerFen: next.byBorrowerFen }, CommonErrors.versionConflict());
}

/**
 * POST /scoring/loans: the lending bank records a loan to a household it rated (no 搭便车, 004
 * DATA-20). The line is the lending bank's latest rating of the borrower and holds across loans:
 * outstanding + new ≤ line, and ≤ 5万 per household (004 BANK-01 L1387), checked atomically.
 */
export const issueLoan = httpHandler(scoringApi.issueLoan, async (ctx) => {
  const bankId = bankOf(ctx.staff());
  const body = ctx.body;
  const household = await getItem<Projection>(table(), householdKeys.projection(body.householdId));
  if (!household) throw new DomainError('NOT_REGISTERED', '借款人不在建档立卡名单中', 422);
  ctx.assertInScope(household.region);
  const issues = eligibilityIssues(household, body.borrowerId, body.issuedOn, creditParamsFor(household.region));
  if (issues.length > 0) throw new DomainError('NOT_ELIGIBLE_FOR_LOAN', '该户不符合扶贫小额信贷条件', 422, issues);
  assertLoanTerms(body);
  const ratings = await queryAll<{ ratedOn: string; creditLineFen: number; borrowerId: string; bankId: string }>({ table: table(), ...householdKeys.ratings(body.householdId) });
  const latest = ratings.filter((r) => r.ratedOn <= body.issuedOn && r.borrowerId === body.borrowerId && r.bankId === bankId).sort((a, b) => (a.ratedOn < b.ratedOn ? 1 : -1))[0];
  if (!latest || latest.creditLineFen === 0) throw new DomainError('NOT_RATED', '本行尚未对该借款人作出有效的信用评级，或评级未达授信标准', 422);
  const exposure = await loadExposure(body.householdId);
  const next = assertCreditAvailable(exposure, body, latest.creditLineFen);
  const loanId = ctx.ids.next();
  const uow = unitOfWork(ctx);
  saveExposure(uow, exposure, next);
  const loan = uow.create({
    ...loanKeys.item(loanId),
    ...loanKeys.bankIndex(bankId, body.issuedOn, loanId),
    ...loanKeys.householdIndex(body.householdId, body.issuedOn, loanId),
    ...loanKeys.countyIndex(household.region, body.issuedOn, loanId),
    entity: 'loan',
    loanId,
    bankId,
    region: household.region,
    ...body,
    outstandingFen: body.amountFen,
    status: 'current' as const,
  });
  const county = `${household.region.slice(0, 6)}000000`;
  uow.put({ ...microcreditKeys.district(county), entity: 'microcredit-district', district: county });
  uow.audit({ subject: `LOAN#${loanId}`, action: 'loan.issued', after: loan });
  uow.emit(scoringEvents.loanIssued, `LOAN#${loanId}`, {
    loanId,
    bankId,
    householdId: body.householdId,
    region: household.region,
    amountFen: body.amountFen,
    issuedOn: body.issuedOn,
    termMonths: body.termMonths,
  });
  await uow.commit();
  return toLoan(loan as unknown as LoanItem);
});

async function loadOwnLoan(loanId: string, bankId: string): Promise<LoanItem> {
  const loan = await getItem<LoanItem>(table(), loanKeys.item(loanId));
  if (!loan) throw CommonErrors.notFound('贷款');
  if (loan.bankId !== bankId) throw new DomainError('BANK_SCOPE', '银行用户只能登记本行贷款', 403);
  return loan;
}

/** POST /scoring/loans/{loanId}/repayments */
export const recordRepayment = httpHandler(scoringApi.recordRepayment, async (ctx) => {
  const loan = await loadOwnLoan(ctx.params.loanId, bankOf(ctx.staff()));
  if (loan.version !== ctx.body.expectedVersion) throw CommonErrors.versionConflict();
  if (ctx.body.repaidOn < loan.issuedOn) throw new DomainError('DATE_INVALID', '还款日期早于放款日期', 400);
  const outstandingFen = applyRepayment(loan.outstandingFen, ctx.body.principalFen);
  const exposure = await loadExposure(loan.householdId);
  const uow = unitOfWork(ctx);
  saveExposure(uow, exposure, releaseCredit(exposure, loan.borrowerId, ctx.body.principalFen));
  const saved = uow.replace({ ...loan, outstandingFen, status: outstandingFen === 0 ? ('repaid' as const) : loan.status });
  uow.put({ ...loanKeys.movement(loan.loanId, ctx.body.repaidOn, ctx.ids.next()), entity: 'loan-movement', kind: 'repayment', principalFen: ctx.body.principalFen });
  uow.audit({ subject: `LOAN#${loan.loanId}`, action: 'loan.repayment', before: { outstandingFen: loan.outstandingFen }, after: { outstandingFen } });
  uow.emit(scoringEvents.loanRepaid, `LOAN#${loan.loanId}`, {
    loanId: loan.loanId,
    bankId: loan.bankId,
    householdId: loan.householdId,
    region: loan.region,
    amountFen: ctx.body.principalFen,
    repaidOn: ctx.body.repaidOn,
  });
  await uow.commit();
  return toLoan(saved as LoanItem);
});

/** POST /scoring/loans/{loanId}/overdue: the quarter's 贴息 is cancelled (workflows.md §5.4). */
export const markOverdue = httpHandler(scoringApi.markOverdue, async (ctx) => {
  const loan = await loadOwnLoan(ctx.params.loanId, bankOf(ctx.staff()));
  if (loan.version !== ctx.body.expectedVersion) throw CommonErrors.versionConflict();
  if (loan.status !== 'current') throw new DomainError('INVALID_TRANSITION', '只有正常状态的贷款可以登记逾期', 409);
  if (ctx.body.overdueFen > loan.outstandingFen) throw new DomainError('OVERDUE_ABOVE_BALANCE', '逾期金额超过贷款余额', 400);
  const uow = unitOfWork(ctx);
  const saved = uow.replace({ ...loan, status: 'overdue' as const, overdueSince: ctx.body.since, overdueFen: ctx.body.overdueFen });
  uow.audit({ subject: `LOAN#${loan.loanId}`, action: 'loan.overdue', after: { since: ctx.body.since, overdueFen: ctx.body.overdueFen } });
  uow.emit(scoringEvents.loanOverdue, `LOAN#${loan.loanId}`, {
    loanId: loan.loanId,
    bankId: loan.bankId,
    householdId: loan.householdId,
    region: loan.region,
    overdueFen: ctx.body.overdueFen,
    since: ctx.body.since,
  });
  await uow.commit();
  return toLoan(saved as LoanItem);
});
