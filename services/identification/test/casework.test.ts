import { describe, expect, it } from 'vitest';
import * as c from '../src/domain/casework/assistance.js';
import { addMonthsToDate } from '../src/domain/casework/dates.js';
import { type CaseworkParameters, defaultParameters, dibaoStandardFor } from '../src/domain/casework/parameters.js';
import * as aid from '../src/domain/casework/temporary-aid.js';
import { errorCode } from './support.js';

/** 民政 case work rules (issue 20) with their seed lines. */
const code = errorCode;

const PARAMETERS: CaseworkParameters = {
  ...defaultParameters('370405000000'),
  // Tai'erzhuang 2017: 3,900 元/年·人 (seed 000 SUB-46 L2780–2782; catalog tez-rural-dibao-2017).
  dibaoStandards: [{ year: 2017, annualFen: 390_000, source: 'tez-rural-dibao-2017' }],
};
const ctx = (today: string, actorName = '涧头集镇民政办', parameters = PARAMETERS): c.StepContext => ({ today, actorName, parameters });
const EV = [{ kind: 'application', ref: '申请书' }];

const HOUSEHOLD: c.HouseholdFacts = {
  householdId: 'H1',
  region: '370405103201',
  headName: '王大山',
  status: 'REGISTERED',
  members: [
    { memberId: 'M1', name: '王大山', birthDate: '1960-05-01', status: 'active', disabilityGrade: null, laborCapacity: 'partial' },
    { memberId: 'M2', name: '王小山', birthDate: '1990-02-01', status: 'active', disabilityGrade: 1, laborCapacity: 'none' },
    { memberId: 'M3', name: '王小花', birthDate: '2010-09-01', status: 'active', disabilityGrade: 2, laborCapacity: 'none' },
  ],
};

function application(extra: Partial<c.ApplicationInput> = {}): c.ApplicationInput {
  return { kind: 'dibao', basis: 'income', hardship: '因病致贫，收入低', relatedOfficials: [], evidence: EV, ...extra };
}

/** A 低保 case taken through 核查, 评议 and 公示 to 在保 on 2018-03-20. */
function inCare(extra: Partial<c.ApplicationInput> = {}, incomeFen = 600_000): c.AssistanceCase {
  let k = c.openCase(HOUSEHOLD, application(extra), 'C1', ctx('2018-03-01'));
  k = c.recordVerification(k, HOUSEHOLD, { annualIncomeFen: incomeFen, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-03-02'));
  k = c.recordAppraisal(k, { date: '2018-03-05', total: 30, present: 24, inFavour: 20 }, [], ctx('2018-03-05', '冯庄村两委'));
  k = c.recordNotice(k, '2018-03-06', [], ctx('2018-03-06', '冯庄村两委'));
  if (k.relatedOfficials.length > 0) k = c.recordFiling(k, '区民政局备案表', ctx('2018-03-07'));
  return c.approve(k, [], ctx('2018-03-20', '区民政局'));
}

describe('低保 cases (seed 004 ID-29…ID-39 L320–346)', () => {
  it('seed 004 ID-29 L322: included when per-capita income is below the local standard and assets qualify', () => {
    const k = c.openCase(HOUSEHOLD, application(), 'C1', ctx('2018-03-01'));
    const below = c.verify(k, HOUSEHOLD, { annualIncomeFen: 1_169_997, rigidExpenditureFen: 0, assetsQualify: true }, ctx('2018-03-02'));
    expect(below.perCapitaFen).toBe(389_999);
    expect(below.qualifies).toBe(true);
    // "低于": equal to the standard is not below it.
    const equal = c.verify(k, HOUSEHOLD, { annualIncomeFen: 1_170_000, rigidExpenditureFen: 0, assetsQualify: true }, ctx('2018-03-02'));
    expect(equal.qualifies).toBe(false);
    const assets = c.verify(k, HOUSEHOLD, { annualIncomeFen: 300_000, rigidExpenditureFen: 0, assetsQualify: false }, ctx('2018-03-02'));
    expect(assets.qualifies).toBe(false);
    expect(assets.reasonsZh).toEqual(['家庭财产状况不符合规定']);
  });

  it('the standard in force is the latest loaded year not after the case; none loaded is refused', () => {
    expect(dibaoStandardFor(PARAMETERS, 2019).annualFen).toBe(390_000);
    expect(code(() => dibaoStandardFor(PARAMETERS, 2016))).toBe('DIBAO_STANDARD_MISSING');
  });

  it('seed 004 ID-33 L324: 支出型 poverty deducts the rigid medical or accident expenditure; an income-type case may not', () => {
    const k = c.openCase(HOUSEHOLD, application({ basis: 'expenditure' }), 'C1', ctx('2018-03-01'));
    const v = c.verify(k, HOUSEHOLD, { annualIncomeFen: 3_000_000, rigidExpenditureFen: 2_400_000, assetsQualify: true }, ctx('2018-03-02'));
    expect(v.perCapitaFen).toBe(200_000);
    expect(v.qualifies).toBe(true);
    const income = c.openCase(HOUSEHOLD, application(), 'C2', ctx('2018-03-01'));
    expect(code(() => c.verify(income, HOUSEHOLD, { annualIncomeFen: 3_000_000, rigidExpenditureFen: 2_400_000, assetsQualify: true }, ctx('2018-03-02')))).toBe('BASIS_INVALID');
  });

  it('seed 004 ID-32 L324: an unemployed adult with a severe disability may be covered as a single-person household', () => {
    const k = c.openCase(HOUSEHOLD, application({ singlePersonMemberId: 'M2', singlePersonUnemployed: true }), 'C1', ctx('2018-03-01'));
    expect(k.singlePerson).toEqual({ memberId: 'M2', name: '王小山' });
    const v = c.verify(k, HOUSEHOLD, { annualIncomeFen: 100_000, rigidExpenditureFen: 0, assetsQualify: true }, ctx('2018-03-02'));
    expect(v.persons).toBe(1);
    expect(v.perCapitaFen).toBe(100_000);
    // A minor, a member without a severe disability, or one not stated unemployed is refused.
    expect(code(() => c.openCase(HOUSEHOLD, application({ singlePersonMemberId: 'M3', singlePersonUnemployed: true }), 'C1', ctx('2018-03-01')))).toBe(
      'SINGLE_PERSON_NOT_ELIGIBLE',
    );
    expect(code(() => c.openCase(HOUSEHOLD, application({ singlePersonMemberId: 'M1', singlePersonUnemployed: true }), 'C1', ctx('2018-03-01')))).toBe(
      'SINGLE_PERSON_NOT_ELIGIBLE',
    );
    expect(code(() => c.openCase(HOUSEHOLD, application({ singlePersonMemberId: 'M2' }), 'C1', ctx('2018-03-01')))).toBe('SINGLE_PERSON_NOT_ELIGIBLE');
  });

  it('seed 004 ID-38 L346: 入户核查 → 民主评议 (quorum 2/3) → 公开公示 7 days → 审批, in that order', () => {
    let k = c.openCase(HOUSEHOLD, application(), 'C1', ctx('2018-03-01'));
    expect(code(() => c.approve(k, [], ctx('2018-03-20', '区民政局')))).toBe('CASE_STATE_INVALID');
    k = c.recordVerification(k, HOUSEHOLD, { annualIncomeFen: 600_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-03-02'));
    expect(code(() => c.recordAppraisal(k, { date: '2018-03-05', total: 30, present: 19, inFavour: 19 }, [], ctx('2018-03-05')))).toBe('QUORUM_NOT_MET');
    k = c.recordAppraisal(k, { date: '2018-03-05', total: 30, present: 20, inFavour: 15 }, [], ctx('2018-03-05'));
    k = c.recordNotice(k, '2018-03-06', [], ctx('2018-03-06'));
    expect(k.notice).toEqual({ postedOn: '2018-03-06', endsOn: '2018-03-13' });
    expect(code(() => c.approve(k, [], ctx('2018-03-13', '区民政局')))).toBe('NOTICE_NOT_ENDED');
    k = c.approve(k, [], ctx('2018-03-14', '区民政局'));
    expect(k.state).toBe('IN_CARE');
    // 补差: (3,900 − 2,000) × 3 persons / 12 = 475 元 per month.
    expect(k.monthlyAmountFen).toBe(47_500);
    expect(k.nextReviewDue).toBe('2019-03-14');
    expect(k.history.map((e) => e.action)).toEqual(['APPLY', 'VERIFY', 'APPRAISE', 'NOTICE', 'APPROVE']);
  });

  it('a notice whose 7th day is a rest day runs to the next working day (workflows.md Conventions)', () => {
    let k = c.openCase(HOUSEHOLD, application(), 'C1', ctx('2019-09-20'));
    k = c.recordVerification(k, HOUSEHOLD, { annualIncomeFen: 600_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2019-09-21'));
    k = c.recordAppraisal(k, { date: '2019-09-22', total: 30, present: 24, inFavour: 20 }, [], ctx('2019-09-22'));
    // Posted 2019-09-24: day 7 is 10-01 (国庆), the holiday runs to 10-07; 10-08 is the first working day.
    k = c.recordNotice(k, '2019-09-24', [], ctx('2019-09-24'));
    expect(k.notice?.endsOn).toBe('2019-10-08');
  });

  it('an ineligible verification cannot go to appraisal; it is rejected', () => {
    let k = c.openCase(HOUSEHOLD, application(), 'C1', ctx('2018-03-01'));
    k = c.recordVerification(k, HOUSEHOLD, { annualIncomeFen: 2_000_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-03-02'));
    expect(code(() => c.recordAppraisal(k, { date: '2018-03-05', total: 30, present: 24, inFavour: 20 }, [], ctx('2018-03-05')))).toBe('NOT_ELIGIBLE');
    k = c.reject(k, '人均收入高于低保标准', [], ctx('2018-03-06', '区民政局'));
    expect(k.state).toBe('REJECTED');
    expect(k.closedOn).toBe('2018-03-06');
  });

  it('seed 004 ID-35 L324: a case of a 低保 worker, village official or close relative needs its 备案 before approval', () => {
    const officials = [{ name: '王村官', post: '村(居)委会任职人员' as const, relation: '兄弟姐妹' as const }];
    let k = c.openCase(HOUSEHOLD, application({ relatedOfficials: officials }), 'C1', ctx('2018-03-01'));
    k = c.recordVerification(k, HOUSEHOLD, { annualIncomeFen: 600_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-03-02'));
    k = c.recordAppraisal(k, { date: '2018-03-05', total: 30, present: 24, inFavour: 20 }, [], ctx('2018-03-05'));
    k = c.recordNotice(k, '2018-03-06', [], ctx('2018-03-06'));
    expect(code(() => c.approve(k, [], ctx('2018-03-20', '区民政局')))).toBe('FILING_REQUIRED');
    k = c.recordFiling(k, '区民政局备案表2018-07', ctx('2018-03-15'));
    expect(k.filing).toEqual({ on: '2018-03-15', ref: '区民政局备案表2018-07', by: '涧头集镇民政办' });
    expect(c.approve(k, [], ctx('2018-03-20', '区民政局')).state).toBe('IN_CARE');
    // A case without insiders needs no filing.
    expect(code(() => c.recordFiling(c.openCase(HOUSEHOLD, application(), 'C2', ctx('2018-03-01')), 'x', ctx('2018-03-02')))).toBe('FILING_NOT_REQUIRED');
  });

  it('seed 004 ID-35 L324: a step decided by the applicant’s own related official is refused', () => {
    const officials = [{ name: '王经办', post: '低保经办人员' as const, relation: '子女' as const }];
    const k = c.openCase(HOUSEHOLD, application({ relatedOfficials: officials }), 'C1', ctx('2018-03-01'));
    expect(code(() => c.recordVerification(k, HOUSEHOLD, { annualIncomeFen: 600_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-03-02', '王经办')))).toBe(
      'DECIDER_IS_RELATIVE',
    );
    expect(code(() => c.recordFiling(k, '备案表', ctx('2018-03-02', ' 王经办 ')))).toBe('DECIDER_IS_RELATIVE');
    expect(code(() => c.recordVerification(k, HOUSEHOLD, { annualIncomeFen: 600_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-03-02', '李核查')))).toBe(
      'NO_ERROR',
    );
  });

  it('seed 004 ID-31 L322: a registered-poor household above the standard exits gradually over 3 months, benefits continuing', () => {
    const k = c.review(inCare(), HOUSEHOLD, { annualIncomeFen: 1_500_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-09-30'));
    expect(k.state).toBe('GRADUAL_EXIT');
    expect(k.gradualExit).toEqual({ startedOn: '2018-09-30', months: 3, endsOn: '2018-12-30' });
    expect(c.holdsStatus(k)).toBe(true);
    expect(c.endGradualExitIfDue(k, '2018-12-30')).toBeUndefined();
    const ended = c.endGradualExitIfDue(k, '2018-12-31');
    expect(ended?.state).toBe('EXITED');
    expect(ended && c.holdsStatus(ended)).toBe(false);
  });

  it('seed 004 ID-31 L322: qualifying again during 渐退 cancels it and normal coverage resumes', () => {
    const exiting = c.review(inCare(), HOUSEHOLD, { annualIncomeFen: 1_500_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-09-30'));
    const back = c.review(exiting, HOUSEHOLD, { annualIncomeFen: 900_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-11-01'));
    expect(back.state).toBe('IN_CARE');
    expect(back.gradualExit).toBeUndefined();
    expect(back.history.at(-1)?.reason).toContain('取消渐退');
  });

  it('seed 004 ID-31 L322: the county may extend 渐退 within its limit; beyond it is refused', () => {
    const exiting = c.review(inCare(), HOUSEHOLD, { annualIncomeFen: 1_500_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2018-09-30'));
    const extended = c.extendGradualExit(exiting, 3, '家庭成员就业不稳定', ctx('2018-12-01', '区民政局'));
    expect(extended.gradualExit).toEqual({ startedOn: '2018-09-30', months: 6, endsOn: '2019-03-30' });
    expect(code(() => c.extendGradualExit(extended, 1, '再延长', ctx('2018-12-02', '区民政局')))).toBe('GRADUAL_EXIT_TOO_LONG');
    expect(code(() => c.extendGradualExit(exiting, 4, '延长', ctx('2018-12-01', '区民政局')))).toBe('GRADUAL_EXIT_TOO_LONG');
    const generous = { ...PARAMETERS, gradualExitMaxMonths: 12 };
    expect(c.extendGradualExit(exiting, 9, '延长', ctx('2018-12-01', '区民政局', generous)).gradualExit?.months).toBe(12);
  });

  it('seed 004 ID-36 L324: a household no longer eligible otherwise is cancelled within one month of the verification', () => {
    // Assets that no longer qualify: no 渐退 (ID-31 is for income above the standard).
    const k = c.review(inCare(), HOUSEHOLD, { annualIncomeFen: 600_000, rigidExpenditureFen: 0, assetsQualify: false }, [], ctx('2019-01-31'));
    expect(k.state).toBe('CANCELLATION_PENDING');
    expect(k.cancellation).toEqual({ verifiedOn: '2019-01-31', cancelBy: '2019-02-28', reasonZh: '家庭财产状况不符合规定' });
    expect(c.holdsStatus(k)).toBe(true);
    expect(c.alertsOf(k, '2019-02-28')).toEqual([]);
    expect(c.alertsOf(k, '2019-03-01')).toEqual(['超过一个月未取消（应于2019-02-28前取消）']);
    const cancelled = c.cancel(k, [], ctx('2019-02-20', '区民政局'));
    expect(cancelled.state).toBe('CANCELLED');
    expect(c.holdsStatus(cancelled)).toBe(false);
  });

  it('a household outside the register’s poor statuses above the standard is cancelled, not exited gradually (004 ID-31 "贫困户")', () => {
    const notPoor = { ...HOUSEHOLD, status: 'EXITED_NO_POLICY' };
    const k = c.review(inCare(), notPoor, { annualIncomeFen: 1_500_000, rigidExpenditureFen: 0, assetsQualify: true }, [], ctx('2019-01-10'));
    expect(k.state).toBe('CANCELLATION_PENDING');
  });

  it('seed 004 ID-30 L322: the periodic review falls due a year after approval and is flagged when late', () => {
    const k = inCare();
    expect(c.alertsOf(k, '2019-03-20')).toEqual([]);
    expect(c.alertsOf(k, '2019-03-21')).toEqual(['复核逾期（应于2019-03-20前复核）']);
  });
});

describe('特困 cases (seed 004 ID-44 L328)', () => {
  function tekun(care: Omit<c.CareInfo, 'since'>, id = 'T1'): c.AssistanceCase {
    const single: c.HouseholdFacts = { ...HOUSEHOLD, members: [HOUSEHOLD.members[0] as c.HouseholdFacts['members'][number]] };
    let k = c.openCase(single, application({ kind: 'tekun' }), id, ctx('2018-03-01'));
    k = c.recordVerification(
      k,
      single,
      { annualIncomeFen: 0, rigidExpenditureFen: 0, assetsQualify: true, tekunConditions: { noLabourCapacity: true, noIncomeSource: true, noSupporter: true } },
      [],
      ctx('2018-03-02'),
    );
    k = c.recordAppraisal(k, { date: '2018-03-05', total: 30, present: 24, inFavour: 20 }, [], ctx('2018-03-05'));
    k = c.recordNotice(k, '2018-03-06', [], ctx('2018-03-06'));
    return c.approve(k, [], ctx('2018-03-20', '区民政局'), care);
  }

  it('needs all three 特困 conditions, and a care level and mode of support at approval', () => {
    const k = c.openCase(HOUSEHOLD, application({ kind: 'tekun' }), 'T1', ctx('2018-03-01'));
    const v = c.verify(
      k,
      HOUSEHOLD,
      { annualIncomeFen: 0, rigidExpenditureFen: 0, assetsQualify: true, tekunConditions: { noLabourCapacity: true, noIncomeSource: true, noSupporter: false } },
      ctx('2018-03-02'),
    );
    expect(v.qualifies).toBe(false);
    expect(code(() => c.verify(k, HOUSEHOLD, { annualIncomeFen: 0, rigidExpenditureFen: 0, assetsQualify: true }, ctx('2018-03-02')))).toBe('TEKUN_CONDITIONS_REQUIRED');
    expect(code(() => tekun({ canSelfCare: false, careLevel: '全自理', centralised: false }))).toBe('CARE_INVALID');
    expect(code(() => tekun({ canSelfCare: false, careLevel: '全护理', centralised: true }))).toBe('CARE_INVALID');
    expect(tekun({ canSelfCare: false, careLevel: '全护理', centralised: true, institution: '涧头集镇敬老院' }).care?.centralised).toBe(true);
    expect(code(() => c.openCase(HOUSEHOLD, application({ kind: 'tekun', basis: 'expenditure' }), 'T1', ctx('2018-03-01')))).toBe('BASIS_INVALID');
  });

  it('seed 004 ID-44 L328: the centralised-care rate of those unable to care for themselves, against 50%', () => {
    const centralised = tekun({ canSelfCare: false, careLevel: '全护理', centralised: true, institution: '敬老院' }, 'T1');
    const home = tekun({ canSelfCare: false, careLevel: '半护理', centralised: false }, 'T2');
    const selfCare = tekun({ canSelfCare: true, careLevel: '全自理', centralised: false }, 'T3');
    expect(c.centralisedCareRate([centralised, home, selfCare])).toEqual({ unableToSelfCare: 2, centralised: 1, percent: 50, target: 50, met: true });
    const third = tekun({ canSelfCare: false, careLevel: '全护理', centralised: false }, 'T4');
    expect(c.centralisedCareRate([centralised, home, selfCare, third])).toEqual({ unableToSelfCare: 3, centralised: 1, percent: 33.33, target: 50, met: false });
    expect(c.centralisedCareRate([]).percent).toBeNull();
    const moved = c.changeCare(home, { canSelfCare: false, careLevel: '半护理', centralised: true, institution: '区中心敬老院' }, [], ctx('2018-06-01', '区民政局'));
    expect(c.centralisedCareRate([centralised, moved, selfCare, third]).percent).toBe(66.67);
  });
});

describe('dates', () => {
  it('adds calendar months, the day clamped to the month’s end', () => {
    expect(addMonthsToDate('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonthsToDate('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonthsToDate('2018-11-15', 3)).toBe('2019-02-15');
  });
});

describe('temporary aid (seed 004 ID-46…ID-48 L329; catalog tez-temporary-assistance, 000 SUB-55 L2895–2897)', () => {
  const household = { householdId: 'H1', region: '370405103201', headName: '王大山', size: 3 };
  const input = (extra: Partial<aid.AidInput> = {}): aid.AidInput => ({
    emergency: false,
    hardship: '火灾',
    persons: 3,
    aidMonths: 2,
    reportedAt: '2018-05-02T02:00:00.000Z',
    evidence: EV,
    ...extra,
  });
  const at = (now: string) => ({ now, actorName: '涧头集镇民政办', parameters: PARAMETERS });

  it('the amount is 月低保标准 × 家庭人口 × 救助时限: 325 × 3 × 2 = 1,950 元', () => {
    const k = aid.openAid(household, input(), 'A1', at('2018-05-02T03:00:00.000Z'));
    expect(k.monthlyStandardFen).toBe(32_500);
    expect(k.formulaFen).toBe(195_000);
    expect(k.amountFen).toBe(195_000);
    expect(code(() => aid.openAid(household, input({ aidMonths: 7 }), 'A1', at('2018-05-02T03:00:00.000Z')))).toBe('AID_MONTHS_TOO_LONG');
    expect(code(() => aid.openAid(household, input({ persons: 4 }), 'A1', at('2018-05-02T03:00:00.000Z')))).toBe('PERSONS_INVALID');
  });

  it('seed 004 ID-48 L329: a small amount is approved by the town, a larger one only by the county 民政', () => {
    const small = aid.openAid(household, input({ persons: 1, aidMonths: 3 }), 'A1', at('2018-05-02T03:00:00.000Z'));
    expect(small.amountFen).toBe(97_500);
    expect(small.approver).toBe('town');
    expect(aid.approveAid(small, { role: 'town' }, at('2018-05-03T03:00:00.000Z'), []).state).toBe('APPROVED');
    const large = aid.openAid(household, input(), 'A2', at('2018-05-02T03:00:00.000Z'));
    expect(large.approver).toBe('county');
    expect(code(() => aid.approveAid(large, { role: 'town' }, at('2018-05-03T03:00:00.000Z'), []))).toBe('APPROVER_INVALID');
    expect(aid.approveAid(large, { role: 'department', department: 'minzheng' }, at('2018-05-03T03:00:00.000Z'), []).state).toBe('APPROVED');
  });

  it('seed 004 ID-47 L329: 一事一议 raises the amount above the formula, always decided by the county', () => {
    const k = aid.openAid(
      household,
      input({ persons: 1, aidMonths: 1, caseByCase: { amountFen: 500_000, minutesRef: '一事一议会议纪要', reason: '重大火灾' } }),
      'A1',
      at('2018-05-02T03:00:00.000Z'),
    );
    expect(k.amountFen).toBe(500_000);
    expect(k.approver).toBe('county');
    expect(code(() => aid.openAid(household, input({ caseByCase: { amountFen: 195_000, minutesRef: 'x', reason: 'y' } }), 'A1', at('2018-05-02T03:00:00.000Z')))).toBe(
      'CASE_BY_CASE_INVALID',
    );
  });

  it('seed 004 ID-46 L329: an emergency is aided within 24 hours first and documented after', () => {
    let k = aid.openAid(household, input({ emergency: true, persons: 1, aidMonths: 1 }), 'A1', at('2018-05-02T03:00:00.000Z'));
    expect(k.deadline).toEqual({ step: '先行救助', due: '2018-05-03T02:00:00.000Z' });
    expect(aid.isAidOverdue(k, '2018-05-03T02:00:00.000Z')).toBe(false);
    expect(aid.isAidOverdue(k, '2018-05-03T02:00:01.000Z')).toBe(true);
    expect(code(() => aid.approveAid(k, { role: 'town' }, at('2018-05-02T04:00:00.000Z'), EV))).toBe('AID_FIRST_REQUIRED');
    k = aid.aidFirst(k, at('2018-05-02T20:00:00.000Z'), [{ kind: 'other', ref: '现金发放签收单' }]);
    expect(k.state).toBe('AIDED');
    expect(k.late).toEqual([]);
    // Papers within 5 working days of the aid (2018-05-03 → 2018-05-10).
    expect(k.deadline).toEqual({ step: '补齐手续', due: '2018-05-10' });
    expect(code(() => aid.approveAid(k, { role: 'town' }, at('2018-05-04T02:00:00.000Z'), []))).toBe('DOCUMENTS_REQUIRED');
    k = aid.approveAid(k, { role: 'town' }, at('2018-05-04T02:00:00.000Z'), EV);
    expect(k.state).toBe('PAID');
    expect(k.paidOn).toBe('2018-05-02');
  });

  it('an emergency aided after 24 hours is recorded late; an ordinary case cannot be aided first or paid unapproved', () => {
    const late = aid.aidFirst(
      aid.openAid(household, input({ emergency: true, persons: 1, aidMonths: 1 }), 'A1', at('2018-05-02T03:00:00.000Z')),
      at('2018-05-03T05:00:00.000Z'),
      [],
    );
    expect(late.late).toEqual(['先行救助超过期限（2018-05-03 10:00）']);
    expect(late.history.at(-1)?.reason).toBe('求助后27小时才先行救助（应在24小时内）');
    const ordinary = aid.openAid(household, input(), 'A2', at('2018-05-02T03:00:00.000Z'));
    expect(code(() => aid.aidFirst(ordinary, at('2018-05-02T04:00:00.000Z'), []))).toBe('NOT_EMERGENCY');
    expect(code(() => aid.payAid(ordinary, at('2018-05-02T04:00:00.000Z'), []))).toBe('CASE_STATE_INVALID');
  });

  it('an ordinary case is decided within 10 working days and paid within 5 after', () => {
    let k = aid.openAid(household, input(), 'A1', at('2018-05-02T03:00:00.000Z'));
    expect(k.deadline).toEqual({ step: '审批', due: '2018-05-16' });
    k = aid.approveAid(k, { role: 'department', department: 'minzheng' }, at('2018-05-04T03:00:00.000Z'), []);
    expect(k.deadline).toEqual({ step: '发放', due: '2018-05-11' });
    k = aid.payAid(k, at('2018-05-08T03:00:00.000Z'), []);
    expect(k.state).toBe('PAID');
    expect(aid.isOpenAid(k)).toBe(false);
  });
});
