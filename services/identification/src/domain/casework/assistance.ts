import { addDays, caseworkApi, DomainError, isCalendarCovered, workingDayOnOrAfter } from '@jingzhun/types';
import type { MemberRecord } from '../household.js';
import { addMonthsToDate, ageOn } from './dates.js';
import { type CaseworkParameters, dibaoStandardFor } from './parameters.js';

/**
 * 低保 and 特困 cases (民政; seed 004 ID-29…ID-39 L320–346, ID-44 L328; 002 S-38 L83;
 * workflows.md §6 "低保 渐退"). Pure rules over plain data: the handler loads the case, the
 * household and the county's parameters, calls one step, and writes the result with the
 * household's 低保/特困 flag in the same transaction (the flag follows the case, never typed in).
 *
 * States (004 ID-38 L346: 申请受理 → 入户核查 → 民主评议 → 公开公示 → 动态管理; 近亲属备案):
 *   APPLIED → VERIFIED → APPRAISED → NOTICED → IN_CARE ⇄ GRADUAL_EXIT → EXITED
 *                                              IN_CARE → CANCELLATION_PENDING → CANCELLED
 *   any open state → REJECTED (not eligible, failed appraisal, upheld objection)
 */
export type CaseKind = 'dibao' | 'tekun';
export type CaseState = 'APPLIED' | 'VERIFIED' | 'APPRAISED' | 'NOTICED' | 'IN_CARE' | 'GRADUAL_EXIT' | 'CANCELLATION_PENDING' | 'EXITED' | 'CANCELLED' | 'REJECTED';

export const CASE_KIND_ZH: Record<CaseKind, string> = { dibao: '农村低保', tekun: '特困人员救助供养' };
export const CASE_STATE_ZH: Record<CaseState, string> = caseworkApi.CASE_STATE_NAMES;

/** States in which the household holds the status (benefits continue during 渐退, 004 ID-31 L322; and until cancelled, ID-36 L324). */
export const STATES_WITH_STATUS: readonly CaseState[] = ['IN_CARE', 'GRADUAL_EXIT', 'CANCELLATION_PENDING'];
export const OPEN_STATES: readonly CaseState[] = ['APPLIED', 'VERIFIED', 'APPRAISED', 'NOTICED', 'IN_CARE', 'GRADUAL_EXIT', 'CANCELLATION_PENDING'];
export const CLOSED_STATES: readonly CaseState[] = ['EXITED', 'CANCELLED', 'REJECTED'];

/** 低保经办人员、村(居)党组织和村(居)委会任职人员 (004 ID-35 L324). */
export const INSIDER_POSTS = ['低保经办人员', '村(居)党组织任职人员', '村(居)委会任职人员'] as const;
export type InsiderPost = (typeof INSIDER_POSTS)[number];
/** 近亲属: spouse, parents, children, siblings, grandparents, grandchildren (民法典 1045). */
export const RELATIONS = ['本人', '配偶', '父母', '子女', '兄弟姐妹', '祖父母、外祖父母', '孙子女、外孙子女'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface RelatedOfficial {
  name: string;
  post: InsiderPost;
  relation: Relation;
}

export interface Verification {
  on: string;
  /** The household's (or the single person's) annual income in fen, from the 核对 platform and the visit. */
  annualIncomeFen: number;
  /** The persons the case covers: the household's active members, or 1 for a 单人户. */
  persons: number;
  /** 支出型: the year's rigid expenditure (重病、意外) in fen, deducted from income (004 ID-33 L324). */
  rigidExpenditureFen: number;
  /** 家庭财产状况符合规定 (004 ID-29 L322): the 核对 platform's result on deposits, vehicles, houses. */
  assetsQualify: boolean;
  /** 困难指数 from the assessment system (004 ID-37 L324), 0–100, if the county uses it. */
  hardshipIndex?: number;
  /** 特困: 无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其无能力 (national 特困 conditions, ANC §3). */
  tekunConditions?: { noLabourCapacity: boolean; noIncomeSource: boolean; noSupporter: boolean };
  standardAnnualFen: number;
  standardYear: number;
  perCapitaFen: number;
  qualifies: boolean;
  reasonsZh: string[];
  by: string;
}

export interface CareInfo {
  /** 生活能否自理 (004 ID-44 L328). */
  canSelfCare: boolean;
  careLevel: '全自理' | '半护理' | '全护理';
  /** 集中供养 (in an institution) or 分散供养. */
  centralised: boolean;
  institution?: string;
  since: string;
}

export interface CaseEvent {
  action: string;
  on: string;
  by: string;
  state: CaseState;
  reason?: string;
  evidence: { kind: string; ref: string }[];
}

export interface AssistanceCase {
  caseId: string;
  kind: CaseKind;
  householdId: string;
  region: string;
  headName: string;
  state: CaseState;
  /** Income-type (收入型) or expenditure-type (支出型, 004 ID-33 L324) poverty; 特困 is always income-type. */
  basis: 'income' | 'expenditure';
  /** 单人户: the severely disabled adult covered alone (004 ID-32 L324). */
  singlePerson?: { memberId: string; name: string };
  relatedOfficials: RelatedOfficial[];
  /** 备案 of an insider's case (004 ID-35 L324), required before approval. */
  filing?: { on: string; ref: string; by: string };
  appliedOn: string;
  hardship: string;
  verification?: Verification;
  appraisal?: { date: string; total: number; present: number; inFavour: number };
  notice?: { postedOn: string; endsOn: string };
  approvedOn?: string;
  /** Monthly amount of a 低保 case (standard − per-capita income, × persons, ≥ 0), fen. */
  monthlyAmountFen?: number;
  nextReviewDue?: string;
  gradualExit?: { startedOn: string; months: number; endsOn: string };
  cancellation?: { verifiedOn: string; cancelBy: string; reasonZh: string };
  care?: CareInfo;
  closedOn?: string;
  history: CaseEvent[];
}

/** The household facts a case step reads. */
export interface HouseholdFacts {
  householdId: string;
  region: string;
  headName: string;
  status: string;
  members: readonly Pick<MemberRecord, 'memberId' | 'name' | 'birthDate' | 'status' | 'disabilityGrade' | 'laborCapacity'>[];
}

export interface StepContext {
  today: string;
  /** The deciding staff member's name (the decider of a step must not be one of the applicant's related officials). */
  actorName: string;
  parameters: CaseworkParameters;
}

export interface ApplicationInput {
  kind: CaseKind;
  basis: 'income' | 'expenditure';
  hardship: string;
  singlePersonMemberId?: string;
  /** The applicant's statement that the single person is 无业 and depends on the family (004 ID-32 L324). */
  singlePersonUnemployed?: boolean;
  relatedOfficials: RelatedOfficial[];
  evidence: { kind: string; ref: string }[];
}

const refuse = (code: string, message: string, status = 409, details?: Record<string, unknown>) => new DomainError(code, message, status, details);

function event(action: string, ctx: StepContext, state: CaseState, evidence: { kind: string; ref: string }[] = [], reason?: string): CaseEvent {
  return { action, on: ctx.today, by: ctx.actorName, state, ...(reason ? { reason } : {}), evidence };
}

function moved(c: AssistanceCase, patch: Partial<AssistanceCase>, e: CaseEvent): AssistanceCase {
  return { ...c, ...patch, state: e.state, history: [...c.history, e] };
}

function assertState(c: AssistanceCase, allowed: readonly CaseState[], stepZh: string): void {
  if (!allowed.includes(c.state)) {
    throw refuse('CASE_STATE_INVALID', `${CASE_STATE_ZH[c.state]}的案件不能${stepZh}`, 409, { state: c.state });
  }
}

/**
 * A decision by one of the applicant's own related officials is refused (004 ID-35 L324: their cases
 * are 备案-managed because they are insiders; the decider of a case must not be its applicant's relative).
 */
export function assertNotRelative(c: Pick<AssistanceCase, 'relatedOfficials'>, actorName: string): void {
  const name = actorName.trim();
  const related = c.relatedOfficials.find((official) => official.name.trim() === name);
  if (related) {
    throw refuse('DECIDER_IS_RELATIVE', `${name}是申请人的${related.relation === '本人' ? '本人' : `近亲属（${related.relation}）`}，不能经办或审批本案，请回避`, 409, {
      relation: related.relation,
    });
  }
}

/** 单人户 (004 ID-32 L324): an active adult member, severely disabled (一、二级), unemployed. */
export function singlePersonOf(household: HouseholdFacts, memberId: string, unemployed: boolean | undefined, today: string): { memberId: string; name: string } {
  const member = household.members.find((m) => m.memberId === memberId && m.status === 'active');
  if (!member) throw refuse('MEMBER_NOT_FOUND', '单人户须为本户在册成员', 404);
  if (ageOn(member.birthDate, today) < 18) throw refuse('SINGLE_PERSON_NOT_ELIGIBLE', '单人户须为成年人（年满18周岁）', 400);
  if (member.disabilityGrade !== 1 && member.disabilityGrade !== 2) throw refuse('SINGLE_PERSON_NOT_ELIGIBLE', '单人户须为重度残疾人（残疾等级一级或二级）', 400);
  if (unemployed !== true) throw refuse('SINGLE_PERSON_NOT_ELIGIBLE', '单人户须为无业、靠家庭供养的成年重度残疾人，请确认其无业', 400);
  return { memberId: member.memberId, name: member.name };
}

/** 申请受理: a case for a household of the register; one open case of a kind per household (the store guards it). */
export function openCase(household: HouseholdFacts, input: ApplicationInput, caseId: string, ctx: StepContext): AssistanceCase {
  if (input.kind === 'tekun' && input.basis === 'expenditure') throw refuse('BASIS_INVALID', '特困人员供养不适用支出型贫困认定', 400);
  if (input.kind === 'tekun' && input.singlePersonMemberId) throw refuse('BASIS_INVALID', '单人户规则只适用于低保', 400);
  const singlePerson = input.singlePersonMemberId ? singlePersonOf(household, input.singlePersonMemberId, input.singlePersonUnemployed, ctx.today) : undefined;
  const base: AssistanceCase = {
    caseId,
    kind: input.kind,
    householdId: household.householdId,
    region: household.region,
    headName: household.headName,
    state: 'APPLIED',
    basis: input.basis,
    ...(singlePerson ? { singlePerson } : {}),
    relatedOfficials: input.relatedOfficials,
    appliedOn: ctx.today,
    hardship: input.hardship,
    history: [],
  };
  return { ...base, history: [event('APPLY', ctx, 'APPLIED', input.evidence)] };
}

export interface VerificationInput {
  annualIncomeFen: number;
  rigidExpenditureFen: number;
  assetsQualify: boolean;
  hardshipIndex?: number;
  tekunConditions?: { noLabourCapacity: boolean; noIncomeSource: boolean; noSupporter: boolean };
}

/**
 * 家庭经济状况核查 (004 ID-34 L324, ID-37): per-capita income against the local rural 低保 standard
 * ("低于", strict, 004 ID-29 L322) with assets that qualify. 支出型 (ID-33 L324): the year's rigid
 * expenditure on serious illness or accident is deducted first [PROP]. A 单人户 counts one person
 * and his own income (ID-32). 特困: the three national conditions, all of them.
 */
export function verify(c: AssistanceCase, household: HouseholdFacts, input: VerificationInput, ctx: StepContext): Verification {
  const standard = dibaoStandardFor(ctx.parameters, Number(ctx.today.slice(0, 4)));
  const persons = c.singlePerson ? 1 : household.members.filter((m) => m.status === 'active').length;
  if (persons === 0) throw refuse('HOUSEHOLD_EMPTY', '本户没有在册成员', 409);
  const deduction = c.basis === 'expenditure' ? input.rigidExpenditureFen : 0;
  if (c.basis === 'income' && input.rigidExpenditureFen > 0) throw refuse('BASIS_INVALID', '收入型申请不扣减刚性支出；因病、意外支出巨大的请按支出型贫困申请', 400);
  const perCapitaFen = Math.floor(Math.max(0, input.annualIncomeFen - deduction) / persons);
  const reasonsZh: string[] = [];
  let qualifies: boolean;
  if (c.kind === 'dibao') {
    if (!(perCapitaFen < standard.annualFen)) reasonsZh.push(`家庭人均收入不低于当地农村低保标准（${standard.annualFen / 100}元/年）`);
    if (!input.assetsQualify) reasonsZh.push('家庭财产状况不符合规定');
    qualifies = reasonsZh.length === 0;
  } else {
    const t = input.tekunConditions;
    if (!t) throw refuse('TEKUN_CONDITIONS_REQUIRED', '特困人员核查须逐项认定：无劳动能力、无生活来源、无法定赡养抚养扶养义务人', 400);
    if (!t.noLabourCapacity) reasonsZh.push('有劳动能力');
    if (!t.noIncomeSource) reasonsZh.push('有生活来源');
    if (!t.noSupporter) reasonsZh.push('有具备能力的法定赡养、抚养、扶养义务人');
    if (!input.assetsQualify) reasonsZh.push('财产状况不符合规定');
    qualifies = reasonsZh.length === 0;
  }
  return {
    on: ctx.today,
    annualIncomeFen: input.annualIncomeFen,
    persons,
    rigidExpenditureFen: deduction,
    assetsQualify: input.assetsQualify,
    ...(input.hardshipIndex !== undefined ? { hardshipIndex: input.hardshipIndex } : {}),
    ...(input.tekunConditions ? { tekunConditions: input.tekunConditions } : {}),
    standardAnnualFen: standard.annualFen,
    standardYear: standard.year,
    perCapitaFen,
    qualifies,
    reasonsZh,
    by: ctx.actorName,
  };
}

export function recordVerification(c: AssistanceCase, household: HouseholdFacts, input: VerificationInput, evidence: CaseEvent['evidence'], ctx: StepContext): AssistanceCase {
  assertState(c, ['APPLIED'], '入户核查');
  assertNotRelative(c, ctx.actorName);
  const verification = verify(c, household, input, ctx);
  return moved(c, { verification }, event('VERIFY', ctx, 'VERIFIED', evidence));
}

/** 备案 (004 ID-35 L324, L346): an insider's case is filed with the county 民政 before approval. */
export function recordFiling(c: AssistanceCase, ref: string, ctx: StepContext): AssistanceCase {
  assertState(c, ['APPLIED', 'VERIFIED', 'APPRAISED', 'NOTICED'], '备案');
  if (c.relatedOfficials.length === 0) throw refuse('FILING_NOT_REQUIRED', '申请人不是低保经办人员、村（居）任职人员或其近亲属，无需备案', 409);
  if (c.filing) throw refuse('ALREADY_FILED', `本案已于${c.filing.on}备案`, 409);
  assertNotRelative(c, ctx.actorName);
  return moved(c, { filing: { on: ctx.today, ref, by: ctx.actorName } }, event('FILE', ctx, c.state, [{ kind: 'filing', ref }]));
}

/** 民主评议 (004 ID-38 L346): a quorum of two thirds present (workflows.md §1.1 VRA) and a majority in favour. */
export function recordAppraisal(
  c: AssistanceCase,
  meeting: { date: string; total: number; present: number; inFavour: number },
  evidence: CaseEvent['evidence'],
  ctx: StepContext,
): AssistanceCase {
  assertState(c, ['VERIFIED'], '民主评议');
  assertNotRelative(c, ctx.actorName);
  if (!c.verification?.qualifies) throw refuse('NOT_ELIGIBLE', `核查结果不符合条件（${c.verification?.reasonsZh.join('；') ?? '未核查'}），应作出不予纳入决定`, 409);
  if (meeting.present > meeting.total || meeting.inFavour > meeting.present) throw refuse('MEETING_INVALID', '到会人数不能超过应到人数，赞成人数不能超过到会人数', 400);
  if (meeting.present * 3 < meeting.total * 2) throw refuse('QUORUM_NOT_MET', '民主评议到会人数不足三分之二', 409);
  if (meeting.date > ctx.today) throw refuse('DATE_IN_FUTURE', '评议日期不能晚于今天', 400);
  if (meeting.inFavour * 2 <= meeting.present) {
    return moved(c, { appraisal: meeting, closedOn: ctx.today }, event('APPRAISE', ctx, 'REJECTED', evidence, '民主评议未获过半数同意'));
  }
  return moved(c, { appraisal: meeting }, event('APPRAISE', ctx, 'APPRAISED', evidence));
}

/** 公开公示 (004 ID-38 L346, PUB-06): 7 days in the village [PROP, workflows.md §4.2 "低保 disclosure"]. */
export const DIBAO_NOTICE_DAYS = 7;

export function recordNotice(c: AssistanceCase, postedOn: string, evidence: CaseEvent['evidence'], ctx: StepContext): AssistanceCase {
  assertState(c, ['APPRAISED'], '公示');
  if (postedOn > ctx.today) throw refuse('DATE_IN_FUTURE', '张贴日期不能晚于今天', 400);
  // Starts the day after posting; a last day on a rest day runs to the next working day (workflows.md Conventions).
  // Beyond the holiday calendar's years, calendar days (the calendar refuses years it does not hold).
  const lastDay = addDays(postedOn, DIBAO_NOTICE_DAYS);
  const endsOn = isCalendarCovered(lastDay) ? workingDayOnOrAfter(lastDay) : lastDay;
  return moved(c, { notice: { postedOn, endsOn } }, event('NOTICE', ctx, 'NOTICED', evidence));
}

/**
 * 低保金 per month [PROP]: (standard − per-capita income) / 12 per person, × persons, whole fen
 * rounded down, never negative (补差, the usual reading of "低于…标准"; the seeds give no formula).
 */
export function monthlyAmountFen(v: Pick<Verification, 'standardAnnualFen' | 'perCapitaFen' | 'persons'>): number {
  return Math.max(0, Math.floor(((v.standardAnnualFen - v.perCapitaFen) * v.persons) / 12));
}

/**
 * 审批 by the county 民政 after the 公示 ended without an upheld objection; an insider's case needs its
 * 备案 first (004 ID-35 L324). The decider must not be the applicant's relative.
 */
export function approve(c: AssistanceCase, evidence: CaseEvent['evidence'], ctx: StepContext, care?: Omit<CareInfo, 'since'>): AssistanceCase {
  assertState(c, ['NOTICED'], '审批');
  assertNotRelative(c, ctx.actorName);
  if (!c.notice || ctx.today <= c.notice.endsOn) throw refuse('NOTICE_NOT_ENDED', `公示期至${c.notice?.endsOn ?? '—'}结束，期满无异议后方可审批`, 409);
  if (c.relatedOfficials.length > 0 && !c.filing) throw refuse('FILING_REQUIRED', '申请人是低保经办人员、村（居）任职人员或其近亲属，须先备案再审批', 409);
  if (!c.verification?.qualifies) throw refuse('NOT_ELIGIBLE', '核查结果不符合条件', 409);
  if (c.kind === 'tekun' && !care) throw refuse('CARE_REQUIRED', '特困人员须确定生活自理能力、照料护理等级和供养方式', 400);
  const patch: Partial<AssistanceCase> = {
    approvedOn: ctx.today,
    nextReviewDue: addMonthsToDate(ctx.today, ctx.parameters.reviewIntervalMonths),
    ...(c.kind === 'dibao' ? { monthlyAmountFen: monthlyAmountFen(c.verification) } : {}),
    ...(care ? { care: careOf(care, ctx.today) } : {}),
  };
  return moved(c, patch, event('APPROVE', ctx, 'IN_CARE', evidence));
}

function careOf(care: Omit<CareInfo, 'since'>, today: string): CareInfo {
  if (care.canSelfCare && care.careLevel !== '全自理') throw refuse('CARE_INVALID', '生活能自理的特困人员照料护理等级应为全自理', 400);
  if (!care.canSelfCare && care.careLevel === '全自理') throw refuse('CARE_INVALID', '生活不能自理的特困人员须定为半护理或全护理', 400);
  if (care.centralised && !care.institution) throw refuse('CARE_INVALID', '集中供养须写明供养机构', 400);
  return { ...care, since: today };
}

/** 不予纳入 / fallback of an upheld objection (workflows.md §4.1). */
export function reject(c: AssistanceCase, reason: string, evidence: CaseEvent['evidence'], ctx: StepContext): AssistanceCase {
  assertState(c, ['APPLIED', 'VERIFIED', 'APPRAISED', 'NOTICED'], '作出不予纳入决定');
  assertNotRelative(c, ctx.actorName);
  return moved(c, { closedOn: ctx.today }, event('REJECT', ctx, 'REJECTED', evidence, reason));
}

/** Registered-poor households may exit 低保 gradually "在脱贫攻坚期内" (004 ID-31 L322). */
const REGISTERED_POOR = ['REGISTERED', 'RE_REGISTERED', 'EXITED_WITH_POLICY'];

/**
 * 定期复核 (004 ID-30 L322) with a fresh 核查:
 * - still eligible: stays in care; a 渐退 in course is cancelled and normal coverage resumes (ID-31);
 * - income above the standard (assets still qualify) of a registered-poor household: 渐退 for the
 *   county's months, benefits continue (ID-31);
 * - otherwise no longer eligible: cancellation due within 1 month of the verification (ID-36 L324).
 */
export function review(c: AssistanceCase, household: HouseholdFacts, input: VerificationInput, evidence: CaseEvent['evidence'], ctx: StepContext): AssistanceCase {
  assertState(c, ['IN_CARE', 'GRADUAL_EXIT'], '复核');
  assertNotRelative(c, ctx.actorName);
  const verification = verify(c, household, input, ctx);
  const nextReviewDue = addMonthsToDate(ctx.today, ctx.parameters.reviewIntervalMonths);
  if (verification.qualifies) {
    const patch: Partial<AssistanceCase> = { verification, nextReviewDue, ...(c.kind === 'dibao' ? { monthlyAmountFen: monthlyAmountFen(verification) } : {}) };
    if (c.state === 'GRADUAL_EXIT') {
      const { gradualExit: _g, ...rest } = c;
      return moved(rest as AssistanceCase, patch, event('REVIEW', ctx, 'IN_CARE', evidence, '渐退期间重新符合低保条件，取消渐退，转为正常保障'));
    }
    return moved(c, patch, event('REVIEW', ctx, 'IN_CARE', evidence));
  }
  if (c.state === 'GRADUAL_EXIT') return moved(c, { verification }, event('REVIEW', ctx, 'GRADUAL_EXIT', evidence, '渐退期间复核仍不符合条件，渐退继续'));
  const incomeOnly = c.kind === 'dibao' && verification.assetsQualify && REGISTERED_POOR.includes(household.status);
  if (incomeOnly) {
    const months = ctx.parameters.gradualExitMonths;
    return moved(
      c,
      { verification, gradualExit: { startedOn: ctx.today, months, endsOn: addMonthsToDate(ctx.today, months) } },
      event('REVIEW', ctx, 'GRADUAL_EXIT', evidence, `家庭人均收入超过低保标准，进入渐退期${months}个月，渐退期间继续享受低保待遇`),
    );
  }
  return markIneligible(c, verification.reasonsZh.join('；'), evidence, ctx, { verification });
}

/** 乡镇发现并核实超出条件 (004 ID-36 L324): cancellation is due within 1 month of this day. */
export function markIneligible(c: AssistanceCase, reasonZh: string, evidence: CaseEvent['evidence'], ctx: StepContext, patch: Partial<AssistanceCase> = {}): AssistanceCase {
  assertState(c, ['IN_CARE'], '核实为不再符合条件');
  assertNotRelative(c, ctx.actorName);
  return moved(
    c,
    { ...patch, cancellation: { verifiedOn: ctx.today, cancelBy: addMonthsToDate(ctx.today, 1), reasonZh } },
    event('VERIFY_INELIGIBLE', ctx, 'CANCELLATION_PENDING', evidence, reasonZh),
  );
}

/** 取消低保待遇 by the 民政 decision (004 ID-36 L324). */
export function cancel(c: AssistanceCase, evidence: CaseEvent['evidence'], ctx: StepContext): AssistanceCase {
  assertState(c, ['CANCELLATION_PENDING'], '取消待遇');
  assertNotRelative(c, ctx.actorName);
  const late = c.cancellation && ctx.today > c.cancellation.cancelBy;
  return moved(c, { closedOn: ctx.today }, event('CANCEL', ctx, 'CANCELLED', evidence, late ? `超过${c.cancellation?.cancelBy}的一个月期限取消` : undefined));
}

/**
 * 延长渐退 by the county (004 ID-31 L322 "有条件的县(市、区)可适当延长"): the whole period, the first
 * months included, stays within the county's limit.
 */
export function extendGradualExit(c: AssistanceCase, extraMonths: number, reason: string, ctx: StepContext): AssistanceCase {
  assertState(c, ['GRADUAL_EXIT'], '延长渐退期');
  assertNotRelative(c, ctx.actorName);
  const current = c.gradualExit as NonNullable<AssistanceCase['gradualExit']>;
  const months = current.months + extraMonths;
  const limit = ctx.parameters.gradualExitMaxMonths;
  if (months > limit) {
    throw refuse('GRADUAL_EXIT_TOO_LONG', `渐退期限合计${months}个月，超过本区县规定的最长${limit}个月`, 400, { months, limit });
  }
  if (ctx.today > current.endsOn) throw refuse('GRADUAL_EXIT_ENDED', `渐退期已于${current.endsOn}届满`, 409);
  return moved(c, { gradualExit: { ...current, months, endsOn: addMonthsToDate(current.startedOn, months) } }, event('EXTEND_GRADUAL_EXIT', ctx, 'GRADUAL_EXIT', [], reason));
}

/** The daily job (workflows.md §6, `cron(15 1 * * ? *)`): a 渐退 whose last day has passed ends the case. */
export function endGradualExitIfDue(c: AssistanceCase, today: string): AssistanceCase | undefined {
  if (c.state !== 'GRADUAL_EXIT' || !c.gradualExit || today <= c.gradualExit.endsOn) return undefined;
  const e: CaseEvent = { action: 'GRADUAL_EXIT_ENDED', on: today, by: '系统', state: 'EXITED', reason: `渐退期于${c.gradualExit.endsOn}届满，退出低保`, evidence: [] };
  return { ...c, state: 'EXITED', closedOn: today, history: [...c.history, e] };
}

/** 特困 care changes (004 ID-44 L328): care level, self-care ability, centralised or dispersed support. */
export function changeCare(c: AssistanceCase, care: Omit<CareInfo, 'since'>, evidence: CaseEvent['evidence'], ctx: StepContext): AssistanceCase {
  if (c.kind !== 'tekun') throw refuse('CASE_KIND_INVALID', '只有特困人员有照料护理等级和供养方式', 400);
  assertState(c, ['IN_CARE'], '调整供养方式');
  assertNotRelative(c, ctx.actorName);
  return moved(c, { care: careOf(care, ctx.today) }, event('CHANGE_CARE', ctx, 'IN_CARE', evidence));
}

/** Alerts a list shows: a review past due, a cancellation past its month (004 ID-36 L324), a 渐退 near its end. */
export function alertsOf(c: AssistanceCase, today: string): string[] {
  const alerts: string[] = [];
  if (c.state === 'CANCELLATION_PENDING' && c.cancellation && today > c.cancellation.cancelBy) alerts.push(`超过一个月未取消（应于${c.cancellation.cancelBy}前取消）`);
  if ((c.state === 'IN_CARE' || c.state === 'GRADUAL_EXIT') && c.nextReviewDue && today > c.nextReviewDue) alerts.push(`复核逾期（应于${c.nextReviewDue}前复核）`);
  return alerts;
}

/**
 * 生活不能自理特困人员集中供养率 (004 ID-44 L328: ≥ 50% by 2020): among 特困 cases in care whose
 * person cannot care for himself, the share in centralised care. Reported to dispatch.
 */
export function centralisedCareRate(cases: readonly Pick<AssistanceCase, 'kind' | 'state' | 'care'>[]): {
  unableToSelfCare: number;
  centralised: number;
  percent: number | null;
  target: number;
  met: boolean | null;
} {
  const unable = cases.filter((c) => c.kind === 'tekun' && STATES_WITH_STATUS.includes(c.state) && c.care && !c.care.canSelfCare);
  const centralised = unable.filter((c) => c.care?.centralised).length;
  const percent = unable.length === 0 ? null : Math.round((centralised * 10000) / unable.length) / 100;
  return { unableToSelfCare: unable.length, centralised, percent, target: 50, met: percent === null ? null : percent >= 50 };
}

/** Whether the household holds the kind's status because of this case. */
export function holdsStatus(c: Pick<AssistanceCase, 'state'>): boolean {
  return STATES_WITH_STATUS.includes(c.state);
}

/**
 * A case already in 民政's own register before this system (存量低保、特困对象), loaded in care with its
 * approval day: the county's migration and the demo data. Its next review falls due from that day.
 */
export function migratedCase(
  household: HouseholdFacts,
  kind: CaseKind,
  caseId: string,
  ctx: { approvedOn: string; parameters: CaseworkParameters; care?: Omit<CareInfo, 'since'> },
): AssistanceCase {
  const base: AssistanceCase = {
    caseId,
    kind,
    householdId: household.householdId,
    region: household.region,
    headName: household.headName,
    state: 'IN_CARE',
    basis: 'income',
    relatedOfficials: [],
    appliedOn: ctx.approvedOn,
    hardship: '民政存量对象',
    approvedOn: ctx.approvedOn,
    nextReviewDue: addMonthsToDate(ctx.approvedOn, ctx.parameters.reviewIntervalMonths),
    ...(ctx.care ? { care: careOf(ctx.care, ctx.approvedOn) } : {}),
    history: [{ action: 'MIGRATE', on: ctx.approvedOn, by: '民政存量名单', state: 'IN_CARE', evidence: [{ kind: 'list', ref: '民政低保、特困存量名单' }] }],
  };
  return base;
}
