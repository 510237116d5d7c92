import { fixedClock, UnitOfWork } from '@jingzhun/platform';
import { DomainError, noticeEvents } from '@jingzhun/types';
import { makeIdNumber } from '../src/demo/people.js';

/** A household application body with valid members (head born 1960, spouse, child). */
export function applicationBody(overrides: { region?: string; seq?: number; incomeYuan?: number } = {}) {
  const seq = overrides.seq ?? 1;
  const income = (overrides.incomeYuan ?? 6000) * 100;
  return {
    region: overrides.region ?? '370405103201',
    group: '三组',
    mainCause: '01',
    secondaryCauses: ['08'],
    income: { year: 2017, wageFen: income, businessFen: 0, businessCostFen: 0, transferFen: 0, oneOffTransferFen: 0, propertyFen: 0 },
    welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
    housing: { dangerGrade: 'B', safeDrinkingWater: true },
    members: [
      { name: '王建国', idNumber: makeIdNumber('1960-03-05', seq * 10 + 1), relation: 'head', laborCapacity: 'partial', health: 'chronic' },
      { name: '李秀英', idNumber: makeIdNumber('1962-07-11', seq * 10 + 2), relation: 'spouse' },
      { name: '王小军', idNumber: makeIdNumber('2008-09-01', seq * 10 + 3), relation: 'child', schooling: 'junior' },
    ],
    evidence: [
      { kind: 'application', ref: '申请书-001' },
      { kind: 'authorisation', ref: '授权书-001' },
    ],
  };
}

export const EVIDENCE: Record<string, { kind: string; ref: string }[]> = {
  SURVEY: [
    { kind: 'survey', ref: '入户调查表' },
    { kind: 'photos', ref: '照片' },
  ],
  GROUP_REVIEW: [
    { kind: 'minutes', ref: '组评议记录' },
    { kind: 'vote', ref: '表决票' },
  ],
  COMPARE: [{ kind: 'comparison', ref: '比对结果' }],
  ASSEMBLY_REVIEW: [{ kind: 'minutes', ref: '村民代表会议记录' }],
  TOWN_REVIEW: [{ kind: 'review-form', ref: '镇审核表' }],
  COUNTY_APPROVE: [{ kind: 'approval', ref: '县批复' }],
  REGISTER: [{ kind: 'nsys-receipt', ref: 'NSYS回执' }],
  PRE_EXIT: [{ kind: 'list', ref: '预退出名单' }],
  APPRAISE: [{ kind: 'minutes', ref: '民主评议记录' }],
  VERIFY: [{ kind: 'verification', ref: '核实表' }],
  CONSENT: [{ kind: 'consent', ref: '户认可书' }],
  TOWN_ACCEPT: [{ kind: 'acceptance-minutes', ref: '验收记录' }],
  TOWN_APPROVE: [{ kind: 'approved-list', ref: '审定名单' }],
  FILE: [{ kind: 'filing', ref: '备案表' }],
  DEREGISTER: [{ kind: 'nsys-receipt', ref: 'NSYS销号回执' }],
  POST_NOTICE: [],
};

export const MEETING = { date: '2018-03-01', total: 30, present: 25, inFavour: 22 };

/** Stands in for the notices service: writes its outcome event to an outbox the relay reads. */
export async function publishNoticeOutcome(table: string, requestId: string, type: string, entries: { entryId: string; outcome: 'clear' | 'held' | 'upheld' }[]): Promise<void> {
  const uow = new UnitOfWork({
    table,
    service: 'notices',
    clock: fixedClock(new Date().toISOString()),
    ids: { next: () => `N${Date.now()}${Math.random().toString(36).slice(2, 10)}` },
    actor: { sub: 'notices', role: 'system' },
  });
  uow.emit(noticeEvents.noticeWindowClosed, `notice/${requestId}`, {
    noticeId: `notice-${requestId}`,
    requestId,
    requester: 'identification',
    type: type as never,
    region: '370405103201',
    closedAt: new Date().toISOString(),
    context: {},
    entries,
  });
  await uow.commit();
}

export async function publishObjectionDecided(table: string, requestId: string, type: string, entryId: string, outcome: 'upheld' | 'rejected'): Promise<void> {
  const uow = new UnitOfWork({
    table,
    service: 'notices',
    clock: fixedClock(new Date().toISOString()),
    ids: { next: () => `O${Date.now()}${Math.random().toString(36).slice(2, 10)}` },
    actor: { sub: 'notices', role: 'system' },
  });
  uow.emit(noticeEvents.objectionDecided, `notice/${requestId}`, {
    noticeId: `notice-${requestId}`,
    requestId,
    requester: 'identification',
    type: type as never,
    entryId,
    outcome,
    context: {},
  });
  await uow.commit();
}

/** The code of the DomainError a rule throws, or NO_ERROR (the case-work tests). */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}
