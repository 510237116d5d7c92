import { DomainError } from '@jingzhun/types';

/**
 * The per-house renovation ledger (危房改造, 三级审核、三榜公示; seed 000 SUB-16…SUB-23 L1702–1872,
 * PN-5 L1825–1831, ID-20 L1856–1862; 002 S-32/S-33 L77; 004 PUB-04/05 L512–518; workflows.md §3).
 * One case per house: 批准一户、建档一户 (the file opens at the agreement, 000 L1858) and
 * 改造一户、销档一户 (it closes after payment, 002 L77). Pure rules; not yet wired to routes (issue 20
 * priority 3: see the report).
 */
export type RenovationState =
  | 'APPLIED'
  | 'VILLAGE_APPRAISED'
  | 'LIST1'
  | 'TOWN_REVIEWED'
  | 'LIST2'
  | 'DISTRICT_APPROVED'
  | 'LIST3'
  | 'AGREEMENT_SIGNED'
  | 'IN_CONSTRUCTION'
  | 'ACCEPTED'
  | 'PAID'
  | 'CLOSED'
  | 'REJECTED'
  | 'CLOSED_OCCUPANT_DECEASED'
  | 'CLOSED_SECURED_OTHERWISE';

export type Mode = 'repair' | 'rebuild';

export interface RenovationStandards {
  /** 修缮加固户均补助不低于0.8万元; 重建不低于2.5万元 (000 SUB-18 L1788–1792), configured per year at or above these. */
  repairFen: number;
  rebuildFen: number;
}
export const FLOOR_STANDARDS: RenovationStandards = { repairFen: 800_000, rebuildFen: 2_500_000 };

export interface RenovationCase {
  caseId: string;
  householdId: string;
  region: string;
  dangerGrade: 'C' | 'D';
  mode: Mode;
  persons: number;
  plannedAreaM2?: number;
  state: RenovationState;
  /** The 榜 in course: its notice request and the list it is (一榜/二榜/三榜). */
  notice?: { list: 1 | 2 | 3; requestId: string };
  /** 一户一档: opened at the agreement (批准一户、建档一户). */
  file?: { openedOn: string; evidence: { kind: string; ref: string }[] };
  actualInvestmentFen?: number;
  subsidyFen?: number;
  acceptance?: { on: string; passed: boolean; failures: string[] };
  payment?: { on: string; amountFen: number; accountLast4: string };
  closedOn?: string;
  history: { action: string; on: string; by: string; state: RenovationState; reason?: string }[];
}

const refuse = (code: string, message: string, status = 409, details?: Record<string, unknown>) => new DomainError(code, message, status, details);

/** Eligibility (000 SUB-16 L1704–1723): a registered-poor household whose house is rated C or D. */
export function assertEligible(household: { status: string; dangerGrade: string | null }): void {
  if (!['REGISTERED', 'RE_REGISTERED', 'EXITED_WITH_POLICY'].includes(household.status)) {
    throw refuse('NOT_ELIGIBLE', '危房改造对象须为建档立卡贫困户（含已脱贫享受政策户）', 409);
  }
  if (household.dangerGrade !== 'C' && household.dangerGrade !== 'D') {
    throw refuse('NOT_ELIGIBLE', '住房须经住建部门鉴定为C级或D级危房', 409, { dangerGrade: household.dangerGrade });
  }
}

/**
 * Floor area of a rebuilt house (000 SUB-20 L1751–1760): 1–3 persons at least 20/30/40 m² and at most
 * 60 m² [PROP: the top of "40—60"]; more than 3 persons 13–18 m² per person.
 */
export function assertFloorArea(persons: number, areaM2: number): void {
  const [min, max] = persons <= 3 ? [[20, 30, 40][persons - 1] as number, 60] : [13 * persons, 18 * persons];
  if (areaM2 < min || areaM2 > max) throw refuse('FLOOR_AREA_INVALID', `${persons}人户的住房建筑面积应在${min}至${max}平方米之间`, 400, { min, max });
}

/** Subsidy (000 SUB-17/18): a C house rebuilt gets 0; otherwise min(standard of the mode, actual investment). */
export function subsidyFen(dangerGrade: 'C' | 'D', mode: Mode, actualInvestmentFen: number, standards: RenovationStandards): number {
  if (dangerGrade === 'C' && mode === 'rebuild') return 0;
  return Math.min(mode === 'repair' ? standards.repairFen : standards.rebuildFen, actualInvestmentFen);
}

export function openRenovation(
  household: { householdId: string; region: string; status: string; dangerGrade: string | null; size: number },
  input: { mode: Mode; plannedAreaM2?: number },
  caseId: string,
  ctx: { today: string; actorName: string },
): RenovationCase {
  assertEligible(household);
  // A C house must be repaired; rebuilding it gets no subsidy at all (000 SUB-17 L1727–1731).
  if (household.dangerGrade === 'C' && input.mode === 'rebuild') throw refuse('C_GRADE_REPAIR_ONLY', 'C级危房必须修缮加固，拆除重建的一律不予补助', 400);
  if (input.mode === 'rebuild') {
    if (input.plannedAreaM2 === undefined) throw refuse('FLOOR_AREA_REQUIRED', '拆除重建须填写计划建筑面积', 400);
    assertFloorArea(household.size, input.plannedAreaM2);
  }
  return {
    caseId,
    householdId: household.householdId,
    region: household.region,
    dangerGrade: household.dangerGrade as 'C' | 'D',
    mode: input.mode,
    persons: household.size,
    ...(input.plannedAreaM2 !== undefined ? { plannedAreaM2: input.plannedAreaM2 } : {}),
    state: 'APPLIED',
    history: [{ action: 'APPLY', on: ctx.today, by: ctx.actorName, state: 'APPLIED' }],
  };
}

type Role = 'village' | 'town' | 'zhujian' | 'caizheng';
/** Who takes each step (workflows.md §3): V2C appraises and posts 一榜, the town reviews and posts 二榜, 区住建局 approves and posts 三榜. */
const STEPS: Record<string, { from: RenovationState; to: RenovationState; by: readonly Role[] }> = {
  APPRAISE: { from: 'APPLIED', to: 'VILLAGE_APPRAISED', by: ['village'] },
  TOWN_REVIEW: { from: 'LIST1', to: 'TOWN_REVIEWED', by: ['town'] },
  DISTRICT_APPROVE: { from: 'LIST2', to: 'DISTRICT_APPROVED', by: ['zhujian'] },
  SIGN_AGREEMENT: { from: 'LIST3', to: 'AGREEMENT_SIGNED', by: ['town'] },
  START_WORK: { from: 'AGREEMENT_SIGNED', to: 'IN_CONSTRUCTION', by: ['town'] },
};
/** The 榜 each state posts and the state that waits for its window. */
const LISTS: Partial<Record<RenovationState, { list: 1 | 2 | 3; waiting: RenovationState; by: Role }>> = {
  VILLAGE_APPRAISED: { list: 1, waiting: 'LIST1', by: 'village' },
  TOWN_REVIEWED: { list: 2, waiting: 'LIST2', by: 'town' },
  DISTRICT_APPROVED: { list: 3, waiting: 'LIST3', by: 'zhujian' },
};

function moved(
  c: RenovationCase,
  patch: Partial<RenovationCase>,
  action: string,
  state: RenovationState,
  ctx: { today: string; actorName: string },
  reason?: string,
): RenovationCase {
  return { ...c, ...patch, state, history: [...c.history, { action, on: ctx.today, by: ctx.actorName, state, ...(reason ? { reason } : {}) }] };
}

export function step(
  c: RenovationCase,
  action: keyof typeof STEPS,
  role: Role,
  ctx: { today: string; actorName: string },
  evidence: { kind: string; ref: string }[] = [],
): RenovationCase {
  const rule = STEPS[action] as (typeof STEPS)[string];
  if (c.state !== rule.from) throw refuse('CASE_STATE_INVALID', `当前状态不能办理这一步`, 409, { state: c.state });
  if (!rule.by.includes(role)) throw refuse('FORBIDDEN', '这一步不由本单位办理', 403);
  if (action === 'SIGN_AGREEMENT') {
    if (!evidence.some((e) => e.kind === 'consent' || e.kind === 'other')) throw refuse('AGREEMENT_REQUIRED', '须附双方签订的改造协议', 400);
    // 批准一户、建档一户 (000 ID-20 L1856–1862): the file opens with the approval and the agreement.
    return moved(c, { file: { openedOn: ctx.today, evidence } }, action, rule.to, ctx);
  }
  return moved(c, {}, action, rule.to, ctx);
}

/** Posting a 榜 (three levels, 004 PUB-04 L512): the case waits for the window of the notice it sent. */
export function postList(c: RenovationCase, role: Role, requestId: string, ctx: { today: string; actorName: string }): RenovationCase {
  const list = LISTS[c.state];
  if (!list) throw refuse('CASE_STATE_INVALID', '当前状态没有要张榜的名单', 409, { state: c.state });
  if (list.by !== role) throw refuse('FORBIDDEN', '这一榜不由本单位张贴', 403);
  return moved(c, { notice: { list: list.list, requestId } }, `POST_LIST${list.list}`, list.waiting, ctx);
}

/** A 榜's window closed (notices service): clear → the next step; an upheld objection → REJECTED (workflows.md §4.1). */
export function listOutcome(c: RenovationCase, requestId: string, upheld: boolean, ctx: { today: string; actorName: string }): RenovationCase {
  if (!c.notice || c.notice.requestId !== requestId) throw refuse('NOTICE_MISMATCH', '公示结果与本案张榜不符', 409);
  const { notice: _n, ...rest } = c;
  if (upheld) return moved({ ...rest, closedOn: ctx.today } as RenovationCase, {}, `LIST${c.notice.list}_UPHELD`, 'REJECTED', ctx, '公示异议成立');
  return moved(rest as RenovationCase, {}, `LIST${c.notice.list}_CLEARED`, c.state, ctx);
}

/**
 * 竣工验收 (004 SUB-51 L518; 000 SUB-23 L1864–1872), house by house and item by item; a failed house
 * cannot be handed over and goes back to construction.
 */
export function recordAcceptance(
  c: RenovationCase,
  result: { passed: boolean; failures: string[]; actualInvestmentFen: number; builtAreaM2?: number },
  standards: RenovationStandards,
  ctx: { today: string; actorName: string },
): RenovationCase {
  if (c.state !== 'IN_CONSTRUCTION') throw refuse('CASE_STATE_INVALID', '只有施工中的住房可以验收', 409, { state: c.state });
  if (result.passed && result.failures.length > 0) throw refuse('ACCEPTANCE_INVALID', '验收合格时不应列出不合格项', 400);
  if (!result.passed) {
    if (result.failures.length === 0) throw refuse('ACCEPTANCE_INVALID', '验收不合格须列明不合格项', 400);
    return moved(c, { acceptance: { on: ctx.today, passed: false, failures: result.failures } }, 'ACCEPTANCE_FAILED', 'IN_CONSTRUCTION', ctx, result.failures.join('；'));
  }
  if (c.mode === 'rebuild' && result.builtAreaM2 !== undefined) assertFloorArea(c.persons, result.builtAreaM2);
  return moved(
    c,
    {
      acceptance: { on: ctx.today, passed: true, failures: [] },
      actualInvestmentFen: result.actualInvestmentFen,
      subsidyFen: subsidyFen(c.dangerGrade, c.mode, result.actualInvestmentFen, standards),
    },
    'ACCEPT',
    'ACCEPTED',
    ctx,
  );
}

/** 区财政 pays the 一卡通 (000 SUB-21 L1846–1854); a house not accepted is never paid. */
export function recordPayment(c: RenovationCase, account: { last4: string } | undefined, ctx: { today: string; actorName: string }): RenovationCase {
  if (c.state !== 'ACCEPTED') throw refuse('HOUSE_NOT_ACCEPTED', '住房未经竣工验收合格，不能拨付补助资金', 409, { state: c.state });
  if (!account) throw refuse('ACCOUNT_MISSING', '户主未登记“一卡通”账户，补助须直接支付到一卡通', 409);
  return moved(c, { payment: { on: ctx.today, amountFen: c.subsidyFen ?? 0, accountLast4: account.last4 } }, 'PAY', 'PAID', ctx);
}

/** 改造一户、销档一户 (002 S-33 L77); or closed because the occupant died or the house was secured otherwise (S-32). */
export function closeRenovation(
  c: RenovationCase,
  how: 'renovated' | 'deceased' | 'secured-otherwise',
  ctx: { today: string; actorName: string },
  reason?: string,
): RenovationCase {
  if (how === 'renovated') {
    if (c.state !== 'PAID') throw refuse('CASE_STATE_INVALID', '补助拨付后方可销档', 409, { state: c.state });
    return moved(c, { closedOn: ctx.today }, 'CLOSE', 'CLOSED', ctx);
  }
  if (['PAID', 'CLOSED', 'REJECTED', 'CLOSED_OCCUPANT_DECEASED', 'CLOSED_SECURED_OTHERWISE'].includes(c.state)) throw refuse('CASE_STATE_INVALID', '本案已结束', 409);
  if (!reason) throw refuse('REASON_REQUIRED', '须说明销档原因', 400);
  return moved(c, { closedOn: ctx.today }, 'CLOSE', how === 'deceased' ? 'CLOSED_OCCUPANT_DECEASED' : 'CLOSED_SECURED_OTHERWISE', ctx, reason);
}

/** What the register's housing check takes from a closed case: a renovated house is safe (workflows.md §1.2 `housing`). */
export function housingAfter(c: RenovationCase): { welfareHousing: boolean } | undefined {
  return c.state === 'CLOSED' || c.state === 'CLOSED_SECURED_OTHERWISE' ? { welfareHousing: true } : undefined;
}
