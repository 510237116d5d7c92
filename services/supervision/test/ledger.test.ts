import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../src/domain/coverage.js';
import { checkPairing } from '../src/domain/pairings.js';
import { closureFigure, escalation, type Finding, review, speaksFor, submitProgress } from '../src/domain/rectification.js';
import { type Assignment, checkAssignable, checkEnding } from '../src/domain/teams.js';

const finding: Finding = {
  findingId: 'f1',
  district: '370405000000',
  source: 'inspection',
  title: '危房改造档案不全',
  description: '2户档案缺竣工验收表',
  foundOn: '2018-04-10',
  ownerUnitId: 'town-nigou',
  deadline: '2018-06-30',
  status: 'open',
  progress: [],
};
const ev = [{ title: '竣工验收表', reference: '泥沟镇〔2018〕12号' }];
const reviewInput = {
  outcome: 'closed' as const,
  opinion: '已核实',
  evidence: ev,
  at: '2018-06-20T02:00:00Z',
  on: '2018-06-20',
  by: 'u-county',
  role: 'county' as const,
  isOwner: false,
};

describe('rectification ledger (整改台账), seed 002 T-19 L189, 004 L800, 003 L779', () => {
  it('the owner submits measures with evidence; the reviewing role closes (销号) with evidence', () => {
    const submitted = submitProgress(finding, { at: '2018-06-01T00:00:00Z', by: 'u-town', measures: '补齐档案', evidence: ev });
    expect(submitted.status).toBe('submitted');
    const closed = review(submitted, reviewInput);
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2018-06-20' });
  });
  it('the owner cannot close its own item, even with a reviewing role', () => {
    const submitted = submitProgress(finding, { at: 'x', by: 'u', measures: 'm', evidence: ev });
    expect(() => review(submitted, { ...reviewInput, isOwner: true })).toThrow(expect.objectContaining({ code: 'OWNER_CANNOT_CLOSE', status: 403 }));
    expect(() => review(submitted, { ...reviewInput, role: 'town' })).toThrow(expect.objectContaining({ code: 'NOT_A_REVIEWER' }));
  });
  it('closing without evidence, or before anything was submitted, is refused', () => {
    const submitted = submitProgress(finding, { at: 'x', by: 'u', measures: 'm', evidence: ev });
    expect(() => review(submitted, { ...reviewInput, evidence: [] })).toThrow(expect.objectContaining({ code: 'EVIDENCE_REQUIRED', status: 400 }));
    expect(() => review(finding, reviewInput)).toThrow(expect.objectContaining({ code: 'NOTHING_SUBMITTED' }));
    expect(() => submitProgress(finding, { at: 'x', by: 'u', measures: 'm', evidence: [] })).toThrow(expect.objectContaining({ code: 'EVIDENCE_REQUIRED' }));
  });
  it('a returned item goes back to the owner', () => {
    const submitted = submitProgress(finding, { at: 'x', by: 'u', measures: 'm', evidence: ev });
    expect(review(submitted, { ...reviewInput, outcome: 'returned', evidence: [] }).status).toBe('open');
  });
  it('overdue items escalate (level 1 after the deadline, level 2 after 30 days) and count against the closure figure', () => {
    expect(escalation(finding, '2018-06-30')).toBe(0);
    expect(escalation(finding, '2018-07-01')).toBe(1);
    expect(escalation(finding, '2018-07-31')).toBe(2);
    const late: Finding = { ...finding, findingId: 'f2', status: 'closed', closedOn: '2018-07-05' };
    const onTime: Finding = { ...finding, findingId: 'f3', status: 'closed', closedOn: '2018-06-05' };
    expect(closureFigure([finding, late, onTime], 'town-nigou', 2018, '2018-12-31')).toEqual({ due: 3, achieved: 1 });
  });
  it('a town speaks for its own unit only; a department by its claim', () => {
    const unit = { kind: 'town' as const, region: '370405102000' };
    expect(speaksFor(unit, { role: 'town', region: '370405102000' })).toBe(true);
    expect(speaksFor(unit, { role: 'town', region: '370405103000' })).toBe(false);
    expect(speaksFor({ kind: 'department', region: '370405000000', department: 'zhujian' }, { role: 'department', region: '370405000000', department: 'zhujian' })).toBe(true);
  });
});

const a = (over: Partial<Assignment>): Assignment => ({
  assignmentId: 'a1',
  village: '370405103201',
  personId: 'p1',
  personName: '张明',
  unitName: '区财政局',
  level: 'district',
  role: 'first-secretary',
  from: '2018-01-01',
  termEnds: '2019-12-31',
  ...over,
});

describe('village work teams, seed 000 L3081–3083, 004 ID-17 L63/L74', () => {
  it('one person cannot serve two villages at once', () => {
    expect(() => checkAssignable([a({})], { personId: 'p1', personName: '张明', village: '370405102201', from: '2018-06-01', termEnds: '2019-06-01', role: 'member' })).toThrow(
      expect.objectContaining({ code: 'MEMBER_IN_TWO_VILLAGES', status: 409 }),
    );
    // After the handover the person may go elsewhere.
    expect(() =>
      checkAssignable([a({ endedOn: '2018-05-31', endReason: 'replaced' })], {
        personId: 'p1',
        personName: '张明',
        village: '370405102201',
        from: '2018-06-01',
        termEnds: '2019-06-01',
        role: 'member',
      }),
    ).not.toThrow();
  });
  it('a village has one sitting first secretary', () => {
    expect(() =>
      checkAssignable([a({})], { personId: 'p2', personName: '李华', village: '370405103201', from: '2018-06-01', termEnds: '2019-06-01', role: 'first-secretary' }),
    ).toThrow(expect.objectContaining({ code: 'FIRST_SECRETARY_SITTING' }));
  });
  it('a key village’s team is not withdrawn before its task is done (不撤回); a handover is allowed', () => {
    expect(() => checkEnding(a({}), { on: '2018-09-01', reason: 'recalled' }, { key: true, taskDone: false })).toThrow(expect.objectContaining({ code: 'TEAM_NOT_WITHDRAWN' }));
    expect(() => checkEnding(a({}), { on: '2018-09-01', reason: 'replaced' }, { key: true, taskDone: false })).not.toThrow();
    expect(() => checkEnding(a({}), { on: '2018-09-01', reason: 'recalled' }, { key: true, taskDone: true })).not.toThrow();
  });
  it('coverage flags a key village without a first secretary or team, and poor households without a helper', () => {
    const report = checkCoverage({
      on: '2018-09-02',
      keyVillages: [
        { village: '370405103201', name: '冯庄村', town: '370405103000' },
        { village: '370405102201', name: '西兰城村', town: '370405102000' },
      ],
      assignments: [
        a({ endedOn: '2018-09-01', endReason: 'replaced' }),
        a({ assignmentId: 'a2', personId: 'p2', role: 'member' }),
        a({ assignmentId: 'a3', personId: 'p3', village: '370405102201' }),
        a({ assignmentId: 'a4', personId: 'p4', village: '370405102201', role: 'member' }),
      ],
      households: [
        { householdId: 'h1', village: '370405103201', headName: '王' },
        { householdId: 'h2', village: '370405103201', headName: '赵' },
      ],
      helpers: new Set(['h1']),
    });
    expect(report.gaps).toEqual([{ village: '370405103201', name: '冯庄村', missing: ['first-secretary'] }]);
    expect(report).toMatchObject({ keyVillages: 2, covered: 1, poorHouseholds: 2, withHelper: 1, withoutHelper: [{ householdId: 'h2', village: '370405103201' }] });
  });
});

describe('pairing (结对帮扶), seed 000 AS-11 L3395–3397', () => {
  it('a civilised unit pairs with at most two key villages', () => {
    const p = (village: string) => ({
      pairingId: village,
      village,
      partnerName: '区税务局',
      partnerKind: 'civilised-unit' as const,
      from: '2018-01-01',
      commitments: [],
      actions: [],
    });
    expect(() => checkPairing([p('v1')], { partnerName: '区税务局', partnerKind: 'civilised-unit', village: 'v2' })).not.toThrow();
    expect(() => checkPairing([p('v1'), p('v2')], { partnerName: '区税务局', partnerKind: 'civilised-unit', village: 'v3' })).toThrow(
      expect.objectContaining({ code: 'TOO_MANY_PAIRINGS' }),
    );
    expect(() => checkPairing([p('v1')], { partnerName: '区税务局', partnerKind: 'civilised-unit', village: 'v1' })).toThrow(expect.objectContaining({ code: 'ALREADY_PAIRED' }));
  });
});
