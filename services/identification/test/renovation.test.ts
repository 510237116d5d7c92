import { describe, expect, it } from 'vitest';
import * as r from '../src/domain/casework/renovation.js';
import { errorCode } from './support.js';

/** The per-house renovation ledger (issue 20 priority 3; domain only so far). */
const code = errorCode;
const at = (today: string, actorName = '经办人') => ({ today, actorName });
const HOUSE = { householdId: 'H1', region: '370405103201', status: 'REGISTERED', dangerGrade: 'D', size: 3 };

/** A D house rebuilt, taken through the three 榜 to construction. */
function building(): r.RenovationCase {
  let c = r.openRenovation(HOUSE, { mode: 'rebuild', plannedAreaM2: 50 }, 'R1', at('2018-03-01'));
  c = r.step(c, 'APPRAISE', 'village', at('2018-03-05'));
  c = r.listOutcome(r.postList(c, 'village', 'N1', at('2018-03-06')), 'N1', false, at('2018-03-14'));
  c = r.step(c, 'TOWN_REVIEW', 'town', at('2018-03-15'));
  c = r.listOutcome(r.postList(c, 'town', 'N2', at('2018-03-16')), 'N2', false, at('2018-03-24'));
  c = r.step(c, 'DISTRICT_APPROVE', 'zhujian', at('2018-03-26'));
  c = r.listOutcome(r.postList(c, 'zhujian', 'N3', at('2018-03-27')), 'N3', false, at('2018-04-04'));
  c = r.step(c, 'SIGN_AGREEMENT', 'town', at('2018-04-05'), [{ kind: 'consent', ref: '危房改造协议' }]);
  return r.step(c, 'START_WORK', 'town', at('2018-04-10'));
}

describe('renovation ledger (seed 000 SUB-16…SUB-23 L1702–1872, PN-5; 002 S-32/S-33 L77; workflows.md §3)', () => {
  it('seed 000 SUB-16 L1704–1723: registered-poor households with a C or D house only', () => {
    expect(code(() => r.openRenovation({ ...HOUSE, dangerGrade: 'B' }, { mode: 'repair' }, 'R1', at('2018-03-01')))).toBe('NOT_ELIGIBLE');
    expect(code(() => r.openRenovation({ ...HOUSE, status: 'APPLYING' }, { mode: 'repair' }, 'R1', at('2018-03-01')))).toBe('NOT_ELIGIBLE');
  });

  it('seed 000 SUB-17 L1727–1731: a C house is repaired; rebuilding it is refused (no subsidy at all)', () => {
    expect(code(() => r.openRenovation({ ...HOUSE, dangerGrade: 'C' }, { mode: 'rebuild', plannedAreaM2: 40 }, 'R1', at('2018-03-01')))).toBe('C_GRADE_REPAIR_ONLY');
    expect(r.subsidyFen('C', 'rebuild', 3_000_000, r.FLOOR_STANDARDS)).toBe(0);
  });

  it('seed 000 SUB-18 L1788–1792: subsidy = min(standard, actual investment)', () => {
    expect(r.subsidyFen('D', 'rebuild', 3_000_000, r.FLOOR_STANDARDS)).toBe(2_500_000);
    expect(r.subsidyFen('D', 'rebuild', 2_000_000, r.FLOOR_STANDARDS)).toBe(2_000_000);
    expect(r.subsidyFen('C', 'repair', 900_000, r.FLOOR_STANDARDS)).toBe(800_000);
  });

  it('seed 000 SUB-20 L1751–1760: floor areas by household size', () => {
    expect(code(() => r.assertFloorArea(1, 19))).toBe('FLOOR_AREA_INVALID');
    expect(code(() => r.assertFloorArea(1, 20))).toBe('NO_ERROR');
    expect(code(() => r.assertFloorArea(3, 39))).toBe('FLOOR_AREA_INVALID');
    expect(code(() => r.assertFloorArea(3, 61))).toBe('FLOOR_AREA_INVALID');
    expect(code(() => r.assertFloorArea(4, 52))).toBe('NO_ERROR');
    expect(code(() => r.assertFloorArea(4, 73))).toBe('FLOOR_AREA_INVALID');
  });

  it('000 PN-5: 申请 → 村评议 → 一榜 → 镇审核 → 二榜 → 区审批 → 三榜 → 协议（建档一户）→ 施工, each by its level', () => {
    const c = building();
    expect(c.state).toBe('IN_CONSTRUCTION');
    expect(c.file).toEqual({ openedOn: '2018-04-05', evidence: [{ kind: 'consent', ref: '危房改造协议' }] });
    expect(c.history.map((h) => h.action)).toEqual([
      'APPLY',
      'APPRAISE',
      'POST_LIST1',
      'LIST1_CLEARED',
      'TOWN_REVIEW',
      'POST_LIST2',
      'LIST2_CLEARED',
      'DISTRICT_APPROVE',
      'POST_LIST3',
      'LIST3_CLEARED',
      'SIGN_AGREEMENT',
      'START_WORK',
    ]);
    const applied = r.openRenovation(HOUSE, { mode: 'repair' }, 'R2', at('2018-03-01'));
    expect(code(() => r.step(applied, 'APPRAISE', 'town', at('2018-03-05')))).toBe('FORBIDDEN');
    expect(code(() => r.step(applied, 'TOWN_REVIEW', 'town', at('2018-03-05')))).toBe('CASE_STATE_INVALID');
  });

  it('an upheld objection on a 榜 rejects the case (workflows.md §4.1)', () => {
    let c = r.step(r.openRenovation(HOUSE, { mode: 'repair' }, 'R1', at('2018-03-01')), 'APPRAISE', 'village', at('2018-03-05'));
    c = r.postList(c, 'village', 'N1', at('2018-03-06'));
    expect(code(() => r.listOutcome(c, 'OTHER', false, at('2018-03-14')))).toBe('NOTICE_MISMATCH');
    expect(r.listOutcome(c, 'N1', true, at('2018-03-14')).state).toBe('REJECTED');
  });

  it('seed 000 SUB-23 L1864–1872: a failed acceptance goes back to construction; SUB-21: a house paid before acceptance is refused', () => {
    let c = building();
    expect(code(() => r.recordPayment(c, { last4: '1234' }, at('2018-08-01')))).toBe('HOUSE_NOT_ACCEPTED');
    c = r.recordAcceptance(c, { passed: false, failures: ['门窗未更换'], actualInvestmentFen: 2_800_000 }, r.FLOOR_STANDARDS, at('2018-08-01'));
    expect(c.state).toBe('IN_CONSTRUCTION');
    expect(code(() => r.recordPayment(c, { last4: '1234' }, at('2018-08-02')))).toBe('HOUSE_NOT_ACCEPTED');
    c = r.recordAcceptance(c, { passed: true, failures: [], actualInvestmentFen: 2_800_000, builtAreaM2: 48 }, r.FLOOR_STANDARDS, at('2018-08-20'));
    expect([c.state, c.subsidyFen]).toEqual(['ACCEPTED', 2_500_000]);
    expect(code(() => r.recordPayment(c, undefined, at('2018-08-25')))).toBe('ACCOUNT_MISSING');
    c = r.recordPayment(c, { last4: '1234' }, at('2018-08-25'));
    expect(c.payment).toEqual({ on: '2018-08-25', amountFen: 2_500_000, accountLast4: '1234' });
    // 改造一户、销档一户 (002 S-33 L77).
    c = r.closeRenovation(c, 'renovated', at('2018-08-30'));
    expect(c.state).toBe('CLOSED');
    expect(r.housingAfter(c)).toEqual({ welfareHousing: true });
  });

  it('002 S-32 L77: a case closes when the occupant dies or the house is secured otherwise, with a reason', () => {
    const c = building();
    expect(code(() => r.closeRenovation(c, 'deceased', at('2018-06-01')))).toBe('REASON_REQUIRED');
    expect(r.closeRenovation(c, 'deceased', at('2018-06-01'), '户主去世').state).toBe('CLOSED_OCCUPANT_DECEASED');
    expect(r.closeRenovation(c, 'secured-otherwise', at('2018-06-01'), '纳入集中供养').state).toBe('CLOSED_SECURED_OTHERWISE');
  });
});
