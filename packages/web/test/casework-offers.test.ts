import type { caseworkApi } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { menuFor } from '../src/console/app/pages.js';
import { aidOffers, caseOffers } from '../src/console/pages/casework/offers.js';

const aCase = (over: Partial<caseworkApi.AssistanceCase>): caseworkApi.AssistanceCase => ({
  caseId: '01CA0000000000000000000000',
  kind: 'dibao',
  kindZh: '农村低保',
  householdId: '01HH0000000000000000000000',
  region: '370405103201',
  headName: '张桂兰',
  state: 'APPLIED',
  stateZh: '已受理申请',
  basis: 'income',
  relatedOfficials: [],
  appliedOn: '2026-12-01',
  hardship: '缺劳力',
  alerts: [],
  history: [],
  version: 1,
  ...over,
});

const anAid = (over: Partial<caseworkApi.AidCase>): caseworkApi.AidCase => ({
  aidId: '01TA0000000000000000000000',
  householdId: '01HH0000000000000000000000',
  region: '370405103201',
  headName: '罗文静',
  emergency: true,
  hardship: '房屋失火',
  reportedAt: '2026-12-06T08:00:00.000Z',
  persons: 4,
  aidMonths: 1,
  formulaFen: 130_000,
  amountFen: 130_000,
  monthlyStandardFen: 32_500,
  approver: 'county',
  approverZh: '区县民政部门审批',
  state: 'APPLIED',
  stateZh: '已受理',
  deadline: { step: '先行救助', due: '2026-12-07T08:00:00.000Z' },
  overdue: false,
  late: [],
  history: [],
  version: 1,
  ...over,
});

const town = { role: 'town' };
const village = { role: 'village' };
const minzheng = { role: 'department', department: 'minzheng' };

describe('the steps the casework pages offer (state × the handler’s CASE_STEP_ROLES)', () => {
  it('offers the town the 入户核查 of an applied case, the county 民政 the decision, the village neither', () => {
    expect(caseOffers(aCase({}), town)).toEqual(['VERIFY']);
    expect(caseOffers(aCase({}), minzheng)).toEqual(['VERIFY', 'REJECT']);
    expect(caseOffers(aCase({}), village)).toEqual([]);
    expect(caseOffers(aCase({}), { role: 'county' })).toEqual([]);
    expect(caseOffers(aCase({}), { role: 'department', department: 'canlian' })).toEqual([]);
  });

  it('offers 备案 only while an insider’s case is unfiled, and 民主评议 only when the verification qualifies', () => {
    const insider = aCase({ relatedOfficials: [{ name: '冯建国', post: '村(居)委会任职人员', relation: '兄弟姐妹' }] });
    expect(caseOffers(insider, town)).toEqual(['VERIFY', 'FILE']);
    expect(caseOffers({ ...insider, filing: { on: '2026-12-02', ref: '备案', by: '镇' } }, town)).toEqual(['VERIFY']);
    const verification = { qualifies: true } as NonNullable<caseworkApi.AssistanceCase['verification']>;
    expect(caseOffers(aCase({ state: 'VERIFIED', verification }), village)).toEqual(['APPRAISE']);
    expect(caseOffers(aCase({ state: 'VERIFIED', verification: { ...verification, qualifies: false } }), village)).toEqual([]);
    expect(caseOffers(aCase({ state: 'NOTICED' }), minzheng)).toEqual(['APPROVE', 'REJECT']);
    expect(caseOffers(aCase({ state: 'NOTICED' }), town)).toEqual([]);
  });

  it('offers the steps of a case in care, and none of a closed one', () => {
    expect(caseOffers(aCase({ state: 'IN_CARE', kind: 'tekun' }), minzheng)).toEqual(['REVIEW', 'MARK_INELIGIBLE', 'CHANGE_CARE']);
    expect(caseOffers(aCase({ state: 'IN_CARE' }), town)).toEqual(['REVIEW', 'MARK_INELIGIBLE']);
    expect(caseOffers(aCase({ state: 'GRADUAL_EXIT' }), minzheng)).toEqual(['REVIEW', 'EXTEND_GRADUAL_EXIT']);
    expect(caseOffers(aCase({ state: 'CANCELLATION_PENDING' }), minzheng)).toEqual(['CANCEL']);
    for (const state of ['EXITED', 'CANCELLED', 'REJECTED'] as const) expect(caseOffers(aCase({ state }), minzheng)).toEqual([]);
  });

  it('lets the town aid an emergency first but decide only the aid within its limit', () => {
    expect(aidOffers(anAid({}), town)).toEqual(['AID_FIRST']);
    expect(aidOffers(anAid({}), minzheng)).toEqual(['AID_FIRST', 'REJECT']);
    expect(aidOffers(anAid({ state: 'AIDED' }), town)).toEqual([]);
    expect(aidOffers(anAid({ state: 'AIDED' }), minzheng)).toEqual(['APPROVE']);
    expect(aidOffers(anAid({ emergency: false, approver: 'town' }), town)).toEqual(['APPROVE', 'REJECT']);
    expect(aidOffers(anAid({ state: 'APPROVED' }), town)).toEqual(['PAY']);
    expect(aidOffers(anAid({}), village)).toEqual([]);
  });

  it('shows the casework pages to the regional line and the county 民政, not to other departments or the bank', () => {
    const labels = (who: { role: string; department?: string }) => menuFor(who).flatMap((g) => g.pages.map((p) => p.label));
    for (const who of [town, village, { role: 'county' }, minzheng]) expect(labels(who)).toEqual(expect.arrayContaining(['低保特困案件', '临时救助']));
    for (const who of [{ role: 'department', department: 'canlian' }, { role: 'bank' }]) expect(labels(who)).not.toContain('低保特困案件');
  });
});
