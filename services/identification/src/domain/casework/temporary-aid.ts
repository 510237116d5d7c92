import { addDays, DomainError, isCalendarCovered, nextWorkingDay, shanghaiDate } from '@jingzhun/types';
import { hoursBetween } from './dates.js';
import { type CaseworkParameters, dibaoStandardFor, monthlyStandardFen } from './parameters.js';

/**
 * Temporary aid (临时救助, 民政; seed 004 ID-46…ID-48 L329, SUB-06; catalog `tez-temporary-assistance`,
 * seed 000 SUB-55 L2895–2897):
 * - 急难型: aided within 24 hours first, the paperwork completed after (ID-46);
 * - the amount is the catalog's `月低保标准 × 家庭人口 × 救助时限` (months); for 重大生活困难 it may be
 *   raised case by case (一事一议, ID-47) with the county's decision and a meeting record;
 * - small amounts are approved by the town, delegated by the county 民政 (ID-48); larger ones and
 *   every 一事一议 by the county.
 *
 * States: ordinary APPLIED → APPROVED → PAID; emergency APPLIED (reported) → AIDED (paid first) →
 * PAID (documents completed and the decision recorded after). Either may end REJECTED before payment.
 * Every open case has a deadline (dispatch's overdue list): the 24 hours of an emergency, then
 * [PROP] 5 working days to complete its papers; an ordinary decision within 10 working days of the
 * application and payment within 5 working days of the decision (docs/decisions.md Identification 29).
 */
export type AidState = 'APPLIED' | 'AIDED' | 'APPROVED' | 'PAID' | 'REJECTED';
export const AID_STATE_ZH: Record<AidState, string> = { APPLIED: '已受理', AIDED: '已先行救助（待补手续）', APPROVED: '已审批待发放', PAID: '已发放', REJECTED: '不予救助' };

export const EMERGENCY_HOURS = 24;
export const DOCUMENT_WORKING_DAYS = 5;
export const DECISION_WORKING_DAYS = 10;
export const PAYMENT_WORKING_DAYS = 5;

export interface AidCase {
  aidId: string;
  householdId: string;
  region: string;
  headName: string;
  emergency: boolean;
  hardship: string;
  /** The moment the case became known (急难: the clock of the 24 hours starts here). */
  reportedAt: string;
  persons: number;
  aidMonths: number;
  /** The catalog formula's amount (月低保标准 × 家庭人口 × 救助时限). */
  formulaFen: number;
  /** 一事一议: a raised amount decided by the county for a major hardship. */
  caseByCase?: { amountFen: number; minutesRef: string; reason: string };
  amountFen: number;
  monthlyStandardFen: number;
  /** Who may approve: the town for a small amount, else the county 民政. */
  approver: 'town' | 'county';
  state: AidState;
  /** The deadline of the step the case waits for (ISO instant for the 24 hours, else a date's end). */
  deadline: { step: string; due: string };
  aidedAt?: string;
  approvedOn?: string;
  paidOn?: string;
  late: string[];
  history: { action: string; at: string; by: string; state: AidState; reason?: string; evidence: { kind: string; ref: string }[] }[];
}

export interface AidInput {
  emergency: boolean;
  hardship: string;
  persons: number;
  aidMonths: number;
  reportedAt: string;
  caseByCase?: { amountFen: number; minutesRef: string; reason: string };
  evidence: { kind: string; ref: string }[];
}

const refuse = (code: string, message: string, status = 409, details?: Record<string, unknown>) => new DomainError(code, message, status, details);

/** `tez-temporary-assistance`: 月低保标准 × 家庭人口 × 救助时限 (seed 000 SUB-55 L2895–2897). */
export function aidFormulaFen(monthlyStandard: number, persons: number, months: number): number {
  return monthlyStandard * persons * months;
}

/** N working days after a date; beyond the holiday calendar, calendar days (the calendar refuses uncovered years). */
export function workingDaysAfter(date: string, days: number): string {
  let current = date;
  for (let i = 0; i < days; i++) current = isCalendarCovered(addDays(current, 1)) ? nextWorkingDay(current) : addDays(current, 1);
  return current;
}

export function openAid(
  household: { householdId: string; region: string; headName: string; size: number },
  input: AidInput,
  aidId: string,
  ctx: { now: string; actorName: string; parameters: CaseworkParameters },
): AidCase {
  if (input.reportedAt > ctx.now) throw refuse('DATE_IN_FUTURE', '求助时间不能晚于现在', 400);
  if (input.persons > household.size) throw refuse('PERSONS_INVALID', `救助人口不能超过家庭人口（${household.size}人）`, 400);
  if (input.aidMonths > ctx.parameters.aidMaxMonths) {
    throw refuse('AID_MONTHS_TOO_LONG', `救助时限不能超过本区县规定的${ctx.parameters.aidMaxMonths}个月；重大生活困难请按一事一议提高救助额`, 400);
  }
  const today = shanghaiDate(new Date(ctx.now));
  const standard = dibaoStandardFor(ctx.parameters, Number(today.slice(0, 4)));
  const monthly = monthlyStandardFen(standard.annualFen);
  const formulaFen = aidFormulaFen(monthly, input.persons, input.aidMonths);
  if (input.caseByCase && input.caseByCase.amountFen <= formulaFen) {
    throw refuse('CASE_BY_CASE_INVALID', `一事一议用于提高救助标准：金额须高于按公式计算的${formulaFen / 100}元`, 400);
  }
  const amountFen = input.caseByCase?.amountFen ?? formulaFen;
  const approver = input.caseByCase || amountFen > ctx.parameters.smallAidMaxFen ? 'county' : 'town';
  const deadline = input.emergency
    ? { step: '先行救助', due: new Date(Date.parse(input.reportedAt) + EMERGENCY_HOURS * 3_600_000).toISOString() }
    : { step: '审批', due: workingDaysAfter(today, DECISION_WORKING_DAYS) };
  return {
    aidId,
    householdId: household.householdId,
    region: household.region,
    headName: household.headName,
    emergency: input.emergency,
    hardship: input.hardship,
    reportedAt: input.reportedAt,
    persons: input.persons,
    aidMonths: input.aidMonths,
    formulaFen,
    ...(input.caseByCase ? { caseByCase: input.caseByCase } : {}),
    amountFen,
    monthlyStandardFen: monthly,
    approver,
    state: 'APPLIED',
    deadline,
    late: [],
    history: [{ action: 'APPLY', at: ctx.now, by: ctx.actorName, state: 'APPLIED', evidence: input.evidence }],
  };
}

type Decider = { role: string; department?: string | undefined };

/** 小额 by the town (004 ID-48 L329); larger amounts and 一事一议 by the county 民政 (ID-47). */
export function assertMayApprove(c: Pick<AidCase, 'approver' | 'amountFen'>, decider: Decider): void {
  const isCountyMinzheng = decider.role === 'department' && decider.department === 'minzheng';
  if (isCountyMinzheng) return;
  if (decider.role === 'town' && c.approver === 'town') return;
  throw refuse(
    'APPROVER_INVALID',
    c.approver === 'county' ? `救助金额${c.amountFen / 100}元超过乡镇审批额度或属一事一议，须由区县民政部门审批` : '临时救助由乡镇（街道）或区县民政部门审批',
    403,
  );
}

function isPast(due: string, nowIso: string): boolean {
  return due.length === 10 ? shanghaiDate(new Date(nowIso)) > due : nowIso > due;
}

function step(
  c: AidCase,
  action: string,
  state: AidState,
  patch: Partial<AidCase>,
  ctx: { now: string; actorName: string },
  evidence: { kind: string; ref: string }[],
  reason?: string,
): AidCase {
  const late = isPast(c.deadline.due, ctx.now)
    ? [...c.late, `${c.deadline.step}超过期限（${c.deadline.due.length === 10 ? c.deadline.due : shanghaiInstant(c.deadline.due)}）`]
    : c.late;
  return { ...c, ...patch, state, late, history: [...c.history, { action, at: ctx.now, by: ctx.actorName, state, ...(reason ? { reason } : {}), evidence }] };
}

function shanghaiInstant(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** 先行救助 of an 急难 case (ID-46 L329): the town pays first; the 24 hours are checked, the papers follow. */
export function aidFirst(c: AidCase, ctx: { now: string; actorName: string }, evidence: { kind: string; ref: string }[]): AidCase {
  if (!c.emergency) throw refuse('NOT_EMERGENCY', '只有急难型救助可以先行救助、后补手续', 409);
  if (c.state !== 'APPLIED') throw refuse('CASE_STATE_INVALID', `${AID_STATE_ZH[c.state]}的救助不能先行救助`, 409);
  const hours = hoursBetween(c.reportedAt, ctx.now);
  const today = shanghaiDate(new Date(ctx.now));
  return step(
    c,
    'AID_FIRST',
    'AIDED',
    { aidedAt: ctx.now, deadline: { step: '补齐手续', due: workingDaysAfter(today, DOCUMENT_WORKING_DAYS) } },
    ctx,
    evidence,
    hours > EMERGENCY_HOURS ? `求助后${Math.floor(hours)}小时才先行救助（应在24小时内）` : undefined,
  );
}

/**
 * 审批: an ordinary case is approved before payment; an emergency case, already aided, completes its
 * papers and the decision is recorded after (补齐手续), which closes it as paid.
 */
export function approveAid(c: AidCase, decider: Decider, ctx: { now: string; actorName: string }, evidence: { kind: string; ref: string }[]): AidCase {
  assertMayApprove(c, decider);
  const today = shanghaiDate(new Date(ctx.now));
  if (c.emergency) {
    if (c.state === 'APPLIED') throw refuse('AID_FIRST_REQUIRED', '急难型救助应先行救助，再补齐手续', 409);
    if (c.state !== 'AIDED') throw refuse('CASE_STATE_INVALID', `${AID_STATE_ZH[c.state]}的救助不能审批`, 409);
    if (!evidence.some((e) => e.kind === 'application')) throw refuse('DOCUMENTS_REQUIRED', '补齐手续须附救助申请书', 400);
    return step(c, 'DOCUMENT', 'PAID', { approvedOn: today, paidOn: (c.aidedAt as string).slice(0, 10) }, ctx, evidence);
  }
  if (c.state !== 'APPLIED') throw refuse('CASE_STATE_INVALID', `${AID_STATE_ZH[c.state]}的救助不能审批`, 409);
  return step(c, 'APPROVE', 'APPROVED', { approvedOn: today, deadline: { step: '发放', due: workingDaysAfter(today, PAYMENT_WORKING_DAYS) } }, ctx, evidence);
}

export function payAid(c: AidCase, ctx: { now: string; actorName: string }, evidence: { kind: string; ref: string }[]): AidCase {
  if (c.state !== 'APPROVED') throw refuse('CASE_STATE_INVALID', c.state === 'APPLIED' ? '未经审批的临时救助不能发放' : `${AID_STATE_ZH[c.state]}的救助不能发放`, 409);
  return step(c, 'PAY', 'PAID', { paidOn: shanghaiDate(new Date(ctx.now)) }, ctx, evidence);
}

export function rejectAid(c: AidCase, decider: Decider, reason: string, ctx: { now: string; actorName: string }, evidence: { kind: string; ref: string }[]): AidCase {
  assertMayApprove(c, decider);
  if (c.state !== 'APPLIED')
    throw refuse('CASE_STATE_INVALID', c.state === 'AIDED' ? '已先行救助的急难型救助应补齐手续，不能撤销' : `${AID_STATE_ZH[c.state]}的救助不能作出不予救助决定`, 409);
  return step(c, 'REJECT', 'REJECTED', {}, ctx, evidence, reason);
}

/** Whether the case still waits for a step (dispatch's overdue list shows it until done). */
export function isOpenAid(c: Pick<AidCase, 'state'>): boolean {
  return c.state === 'APPLIED' || c.state === 'AIDED' || c.state === 'APPROVED';
}

export function isAidOverdue(c: Pick<AidCase, 'state' | 'deadline'>, nowIso: string): boolean {
  return isOpenAid(c) && isPast(c.deadline.due, nowIso);
}
