import type { EventEnvelope } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { manifest } from '../src/manifest.js';

const D = '370405000000';
const base = `/scoring/districts/${D}`;

const registered = (householdId: string, region: string, mainCause: string, birthDate: string): EventEnvelope => ({
  id: `reg-${householdId}`,
  type: 'identification.household.registered',
  source: 'identification',
  occurredAt: '2019-02-01T00:00:00.000Z',
  subject: `HOUSEHOLD#${householdId}`,
  schemaVersion: 1,
  data: {
    householdId,
    region,
    snapshot: {
      householdId,
      region,
      group: '一组',
      headName: '张三',
      size: 1,
      status: 'REGISTERED',
      attribute: '一般贫困户',
      standard: 'national',
      mainCause,
      secondaryCauses: [],
      incomeYear: 2018,
      incomePerCapitaFen: 300000,
      welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
      members: [{ memberId: 'm1', name: '张三', relation: 'head', birthDate, sex: 'male' }],
    },
  },
});

const scores = { creditRecord: 28, repaymentCapacity: 20, productionProject: 15, assets: 6, villageView: 12 };

/**
 * The micro-credit ledger per period (workflows.md §5.4): loans and repayments → 贴息 per quarter
 * (once per loan), the banks' rates against the NPL tolerance (004 BANK-18 L1396), the rating
 * coverage (004 BANK-09 L1370) and risk-fund drawdowns (004 BANK-01 L1387, BANK-24 L1398).
 */
describe('micro-credit ledger flow over the local gateway (DynamoDB Local)', { timeout: 90_000 }, () => {
  let cloud: LocalCloud;
  const events: EventEnvelope[] = [];
  const t: Record<string, string> = {};

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    cloud.bus.onEvent((e) => events.push(e));
    for (const user of ['finance-office', 'dept-caizheng', 'pboc', 'bank-abc', 'bank-rcb']) t[user] = await cloud.login(user);
    await cloud.bus.publish(registered('hh-a', '370405103201', '09', '1975-05-01'));
    await cloud.bus.publish(registered('hh-b', '370405103201', '09', '1980-05-01')); // eligible, never rated
    await cloud.bus.publish(registered('hh-c', '370405104202', '01', '1980-05-01')); // main cause not 缺资金: outside the population
    await cloud.bus.publish(registered('hh-d', '370405104202', '09', '1985-05-01'));
  });
  afterAll(() => cloud.stop());

  it('贴息 per quarter and loan once, rates against the tolerance, coverage, risk-fund draws, events for dispatch', async () => {
    const rate = (token: string, householdId: string) =>
      call(cloud, 'POST', `/scoring/households/${householdId}/ratings`, { token, body: { borrowerId: 'm1', ratedOn: '2019-03-01', scores, borrowerEmployed: false } });
    const lend = (token: string, householdId: string, amountFen: number) =>
      call(cloud, 'POST', '/scoring/loans', {
        token,
        body: { householdId, borrowerId: 'm1', amountFen, termMonths: 12, annualRatePct: '4.35', issuedOn: '2019-03-10', purpose: '养殖肉牛' },
      });
    expect((await rate(t['bank-abc'] as string, 'hh-a')).status).toBe(200);
    expect((await rate(t['bank-rcb'] as string, 'hh-d')).status).toBe(200);
    const a = (await lend(t['bank-abc'] as string, 'hh-a', 3_000_000)).body;
    const d = (await lend(t['bank-rcb'] as string, 'hh-d', 1_000_000)).body;
    expect(
      (await call(cloud, 'POST', `/scoring/loans/${a.loanId}/repayments`, { token: t['bank-abc'], body: { principalFen: 1_000_000, repaidOn: '2019-05-01', expectedVersion: 1 } }))
        .status,
    ).toBe(200);
    expect(
      (await call(cloud, 'POST', `/scoring/loans/${d.loanId}/overdue`, { token: t['bank-rcb'], body: { since: '2019-03-20', overdueFen: 100_000, expectedVersion: 1 } })).status,
    ).toBe(200);

    // 贴息: Q1 and Q2; the overdue loan loses both quarters.
    const subsidy = (quarter: string, token = t['dept-caizheng']) => call(cloud, 'POST', `${base}/microcredit/quarters/${quarter}/subsidy`, { token });
    const q1 = await subsidy('2019-Q1');
    expect(q1.body).toMatchObject({ computed: 2, alreadyComputed: 0, subsidyFen: 7_975 });
    const q2 = await subsidy('2019-Q2', t['finance-office']);
    expect(q2.body).toMatchObject({ computed: 2, subsidyFen: 25_617 });
    expect(q2.body.items.find((i: { loanId: string }) => i.loanId === d.loanId)).toMatchObject({ subsidyFen: 0, cancelled: 'OVERDUE' });
    // Running the quarter twice never computes twice, also when two runs race.
    const again = await Promise.all([subsidy('2019-Q2'), subsidy('2019-Q2')]);
    for (const r of again) expect(r.body).toMatchObject({ computed: 0, alreadyComputed: 2, subsidyFen: 0 });
    expect((await subsidy('2099-Q1')).body.code).toBe('QUARTER_NOT_CLOSED');
    expect((await subsidy('2019-Q2', t['bank-abc'])).status).toBe(403);

    // NPL targets: each bank its own, 金融办 any.
    const target = (token: string, bankId: string, targetPct: string) => call(cloud, 'PUT', `${base}/banks/${bankId}/npl-targets/2019`, { token, body: { targetPct } });
    expect((await target(t['bank-abc'] as string, 'abc', '1')).body).toMatchObject({ targetPct: '1', version: 1 });
    expect((await target(t['bank-abc'] as string, 'rcb', '9')).body.code).toBe('BANK_SCOPE');
    expect((await target(t['finance-office'] as string, 'rcb', '100.01')).body.code).toBe('TARGET_INVALID');
    expect((await target(t['finance-office'] as string, 'rcb', '2')).body).toMatchObject({ targetPct: '2', version: 1 });
    expect((await target(t['finance-office'] as string, 'rcb', '3')).body.code).toBe('REASON_REQUIRED');

    // The quarter review: rates at 30 June against target + 2 pp, and coverage 2 of 3.
    const review = await call(cloud, 'POST', `${base}/microcredit/quarters/2019-Q2/review`, { token: t.pboc });
    expect(review.status).toBe(200);
    expect(review.body.banks).toEqual([
      expect.objectContaining({ bankId: 'abc', outstandingFen: 2_000_000, overdueRatePct: '0.00', nplRatePct: '0.00', status: 'within' }),
      // Overdue since 20 March: more than 90 days by 30 June, so bad: 100% against a 4% ceiling.
      expect.objectContaining({ bankId: 'rcb', outstandingFen: 1_000_000, badFen: 1_000_000, nplRatePct: '100.00', toleranceCeilingPct: '4', status: 'exceeded' }),
    ]);
    expect(review.body.coverage).toMatchObject({ eligible: 3, rated: 2, coveragePct: '66.67', targetPct: '100', metTarget: false });
    expect(review.body.coverage.byTown).toEqual([
      { region: '370405103000', eligible: 2, rated: 1, coveragePct: '50.00', metTarget: false },
      { region: '370405104000', eligible: 1, rated: 1, coveragePct: '100.00', metTarget: true },
    ]);
    const reviewAgain = await call(cloud, 'POST', `${base}/microcredit/quarters/2019-Q2/review`, { token: t['finance-office'] });
    expect(reviewAgain.body.recordedAt).toBe(review.body.recordedAt);
    const live = await call(cloud, 'GET', `${base}/microcredit/coverage?on=2019-06-30`, { token: t['finance-office'] });
    expect(live.body).toMatchObject({ eligible: 3, rated: 2, coveragePct: '66.67' });

    // A bank reads its own rows of the quarter.
    const own = await call(cloud, 'GET', `${base}/microcredit/quarters/2019-Q2`, { token: t['bank-abc'] });
    expect(own.body.subsidy.map((s: { bankId: string }) => s.bankId)).toEqual(['abc']);
    expect(own.body.review.banks.map((b: { bankId: string }) => b.bankId)).toEqual(['abc']);

    // Risk fund: the share must be set (no source default), draws only for bad loans, bounded by the balance, once per loan.
    const fund = `${base}/risk-fund`;
    const draw = (loanId: string) => call(cloud, 'POST', `${fund}/draws`, { token: t['dept-caizheng'], body: { loanId, lossFen: 1_000_000, drawnOn: '2019-07-01' } });
    expect((await draw(d.loanId)).body.code).toBe('SHARE_NOT_SET');
    const zero = await call(cloud, 'PUT', `${fund}/share`, { token: t['dept-caizheng'], body: { sharePct: '0', reason: '县风险补偿金管理办法' } });
    expect([zero.status, zero.body.code]).toEqual([400, 'SHARE_INVALID']);
    expect((await call(cloud, 'GET', fund, { token: t['finance-office'] })).body).toMatchObject({ sharePct: null, version: 0 });
    expect((await call(cloud, 'PUT', `${fund}/share`, { token: t['dept-caizheng'], body: { sharePct: '70', reason: '县风险补偿金管理办法' } })).body.sharePct).toBe('70');
    expect(
      (await call(cloud, 'POST', `${fund}/deposits`, { token: t['dept-caizheng'], body: { amountFen: 500_000, depositedOn: '2019-04-01', reason: '县财政首批到位' } })).body
        .balanceFen,
    ).toBe(500_000);
    expect((await draw(d.loanId)).body.code).toBe('FUND_INSUFFICIENT');
    await call(cloud, 'POST', `${fund}/deposits`, { token: t['dept-caizheng'], body: { amountFen: 1_000_000, depositedOn: '2019-06-01', reason: '县财政第二批到位' } });
    const drawn = await draw(d.loanId);
    expect(drawn.body).toMatchObject({
      balanceFen: 800_000,
      depositedFen: 1_500_000,
      drawnFen: 700_000,
      draws: [{ loanId: d.loanId, bankId: 'rcb', lossFen: 1_000_000, sharePct: '70', amountFen: 700_000 }],
    });
    expect((await draw(d.loanId)).body.code).toBe('ALREADY_DRAWN');
    expect((await draw(a.loanId)).body.code).toBe('LOAN_NOT_BAD');
    expect((await call(cloud, 'GET', fund, { token: t['finance-office'] })).body.balanceFen).toBe(800_000);

    // The quarterly job (5 October → 2019-Q3): 2万 for 92 days at 4.35% = 22,233.33 → 22,233 fen; the overdue loan gets none. Twice: once.
    const job = () => call(cloud, 'POST', '/dev/jobs/scoring/micro-credit-quarter', { body: { scheduledTime: '2019-10-05T01:00:00Z' } });
    const run = await job();
    expect(run.body.result).toMatchObject({ quarter: '2019-Q3', districts: [{ district: D, computed: 2, alreadyComputed: 0, subsidyFen: 22_233 }] });
    expect((await job()).body.result).toMatchObject({ quarter: '2019-Q3', districts: [{ district: D, computed: 0, alreadyComputed: 2, subsidyFen: 0 }] });
    const q3 = await call(cloud, 'GET', `${base}/microcredit/quarters/2019-Q3`, { token: t['finance-office'] });
    expect(q3.body.subsidy).toHaveLength(2);
    expect(q3.body.review.on).toBe('2019-09-30');

    await cloud.drain();
    const types = events.filter((e) => e.source === 'scoring').map((e) => e.type);
    expect(types.filter((x) => x === 'scoring.microcredit.subsidy-computed')).toHaveLength(6);
    expect(types.filter((x) => x === 'scoring.microcredit.quarter-reviewed')).toHaveLength(2);
    expect(types.filter((x) => x === 'scoring.riskfund.drawn')).toHaveLength(1);
    expect(cloud.bus.deadLetters).toEqual([]);
  });
});
