import type { EventEnvelope } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { manifest } from '../src/manifest.js';

const snapshot = (status: string) => ({
  householdId: 'hh-1',
  region: '370405103201',
  group: '一组',
  headName: '张三',
  size: 2,
  status,
  attribute: '一般贫困户',
  standard: 'national',
  mainCause: '09',
  secondaryCauses: [],
  incomeYear: 2018,
  incomePerCapitaFen: 300000,
  welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
  members: [
    { memberId: 'm1', name: '张三', relation: 'head', birthDate: '1975-05-01', sex: 'male' },
    { memberId: 'm2', name: '李四', relation: 'spouse', birthDate: '1948-05-01', sex: 'female' },
  ],
});
const envelope = (id: string, type: string, status: string): EventEnvelope => ({
  id,
  type,
  source: 'identification',
  occurredAt: '2019-02-01T00:00:00.000Z',
  subject: 'HOUSEHOLD#hh-1',
  schemaVersion: 1,
  data: { householdId: 'hh-1', region: '370405103201', snapshot: snapshot(status), ...(type.endsWith('changed') ? { changes: ['status'] } : {}) },
});

describe('credit rating and micro-credit ledger over the local gateway', () => {
  let cloud: LocalCloud;
  const events: EventEnvelope[] = [];
  let abc: string;
  let rcb: string;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    cloud.bus.onEvent((e) => events.push(e));
    abc = await cloud.login('bank-abc');
    rcb = await cloud.login('bank-rcb');
    await cloud.bus.publish(envelope('e1', 'identification.household.registered', 'REGISTERED'));
    await cloud.bus.publish(envelope('e1', 'identification.household.registered', 'REGISTERED')); // duplicate delivery
  });
  afterAll(() => cloud.stop());

  it('rates the borrower from the eligibility projection, issues a loan, records overdue and repayment', async () => {
    const scores = { creditRecord: 28, repaymentCapacity: 20, productionProject: 15, assets: 6, villageView: 12 };
    const old = await call(cloud, 'POST', '/scoring/households/hh-1/ratings', { token: abc, body: { borrowerId: 'm2', ratedOn: '2019-03-01', scores, borrowerEmployed: false } });
    expect([old.status, old.body.details]).toEqual([422, ['AGE_OUT_OF_RANGE']]);
    // The employed are not rated (004 BANK-09 L1379–1381): the bank's statement is checked.
    const employed = await call(cloud, 'POST', '/scoring/households/hh-1/ratings', {
      token: abc,
      body: { borrowerId: 'm1', ratedOn: '2019-03-01', scores, borrowerEmployed: true },
    });
    expect([employed.status, employed.body.details]).toEqual([422, ['EMPLOYED']]);
    const missing = await call(cloud, 'POST', '/scoring/households/hh-1/ratings', { token: abc, body: { borrowerId: 'm1', ratedOn: '2019-03-01', scores } });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const rated = await call(cloud, 'POST', '/scoring/households/hh-1/ratings', { token: abc, body: { borrowerId: 'm1', ratedOn: '2019-03-01', scores, borrowerEmployed: false } });
    expect(rated.body).toMatchObject({ total: 81, band: 'AAA', creditLineFen: 5_000_000, borrowerEmployed: false });

    const bad = await call(cloud, 'POST', '/scoring/loans', {
      token: abc,
      body: { householdId: 'hh-1', borrowerId: 'm1', amountFen: 6_000_000, termMonths: 36, annualRatePct: '4.75', issuedOn: '2019-03-10', purpose: '养殖肉牛' },
    });
    expect(bad.body.code).toBe('AMOUNT_ABOVE_LIMIT');
    const loan = await call(cloud, 'POST', '/scoring/loans', {
      token: abc,
      body: { householdId: 'hh-1', borrowerId: 'm1', amountFen: 5_000_000, termMonths: 36, annualRatePct: '4.75', issuedOn: '2019-03-10', purpose: '养殖肉牛' },
    });
    expect(loan.status).toBe(200);
    const id = loan.body.loanId;
    expect((await call(cloud, 'POST', `/scoring/loans/${id}/overdue`, { token: rcb, body: { since: '2019-09-10', overdueFen: 100, expectedVersion: 1 } })).body.code).toBe(
      'BANK_SCOPE',
    );
    const overdue = await call(cloud, 'POST', `/scoring/loans/${id}/overdue`, { token: abc, body: { since: '2019-09-10', overdueFen: 100_000, expectedVersion: 1 } });
    expect(overdue.body.status).toBe('overdue');
    const repaid = await call(cloud, 'POST', `/scoring/loans/${id}/repayments`, { token: abc, body: { principalFen: 5_000_000, repaidOn: '2020-03-01', expectedVersion: 2 } });
    expect(repaid.body).toMatchObject({ status: 'repaid', outstandingFen: 0 });
    await cloud.drain();
    expect(events.filter((e) => e.source === 'scoring').map((e) => e.type)).toEqual(['scoring.loan.issued', 'scoring.loan.overdue', 'scoring.loan.repaid']);

    // The household exits without policy: no new rating.
    await cloud.bus.publish({
      ...envelope('e2', 'identification.household.exited', 'EXITED_NO_POLICY'),
      data: { ...envelope('e2', 'identification.household.exited', 'EXITED_NO_POLICY').data, exitedAt: '2020-01-01', policyUntil: '2020-01-01' },
    });
    const after = await call(cloud, 'POST', '/scoring/households/hh-1/ratings', { token: abc, body: { borrowerId: 'm1', ratedOn: '2020-03-01', scores, borrowerEmployed: false } });
    expect(after.body.details).toEqual(['STATUS_NOT_ELIGIBLE']);
    expect(cloud.bus.deadLetters).toEqual([]);
  });

  it('rates a borrower aged 67 in Jining (3708: only 70 and over excluded, seed 004 BANK-09 L1370) but not in another city', async () => {
    const scores = { creditRecord: 28, repaymentCapacity: 20, productionProject: 15, assets: 6, villageView: 12 };
    for (const [householdId, region] of [
      ['hh-jn', '370811103201'],
      ['hh-zz', '370405103202'],
    ] as const) {
      const e = envelope(`e-${householdId}`, 'identification.household.registered', 'REGISTERED');
      const members = [{ memberId: 'm1', name: '王五', relation: 'head', birthDate: '1952-01-01', sex: 'male' }];
      await cloud.bus.publish({ ...e, subject: `HOUSEHOLD#${householdId}`, data: { householdId, region, snapshot: { ...snapshot('REGISTERED'), householdId, region, members } } });
    }
    // A bank account of a Jining branch (the demo users all sit in 台儿庄区, 3704).
    const jining = (await cloud.identity.sign({ username: 'bank-abc-jining', name: '农业银行济宁分行（测试）', role: 'bank', region: '370800000000', bankId: 'abc' })).token;
    const jn = await call(cloud, 'POST', '/scoring/households/hh-jn/ratings', {
      token: jining,
      body: { borrowerId: 'm1', ratedOn: '2019-03-01', scores, borrowerEmployed: false },
    });
    expect([jn.status, jn.body.band]).toEqual([200, 'AAA']);
    const zz = await call(cloud, 'POST', '/scoring/households/hh-zz/ratings', { token: abc, body: { borrowerId: 'm1', ratedOn: '2019-03-01', scores, borrowerEmployed: false } });
    expect([zz.status, zz.body.details]).toEqual([422, ['AGE_OUT_OF_RANGE']]);
  });

  it("the credit line holds across simultaneous loans of one borrower, on the lending bank's own rating (seed 004 BANK-01 L1387)", async () => {
    const registered = envelope('e3', 'identification.household.registered', 'REGISTERED');
    await cloud.bus.publish({
      ...registered,
      subject: 'HOUSEHOLD#hh-2',
      data: { ...registered.data, householdId: 'hh-2', snapshot: { ...snapshot('REGISTERED'), householdId: 'hh-2' } },
    });
    const scores = { creditRecord: 28, repaymentCapacity: 20, productionProject: 15, assets: 6, villageView: 12 };
    const rated = await call(cloud, 'POST', '/scoring/households/hh-2/ratings', { token: abc, body: { borrowerId: 'm1', ratedOn: '2019-03-01', scores, borrowerEmployed: false } });
    expect(rated.body.creditLineFen).toBe(5_000_000);
    const loan = (token: string, amountFen: number) =>
      call(cloud, 'POST', '/scoring/loans', {
        token,
        body: { householdId: 'hh-2', borrowerId: 'm1', amountFen, termMonths: 12, annualRatePct: '4.35', issuedOn: '2019-03-10', purpose: '种植大棚蔬菜' },
      });
    // Another bank cannot lend on this bank's rating.
    expect((await loan(rcb, 1_000_000)).body.code).toBe('NOT_RATED');

    // Eight simultaneous 2万 loans against a 5万 line: at most two pass, whatever the interleaving.
    const results = await Promise.all(Array.from({ length: 8 }, () => loan(abc, 2_000_000)));
    const issued = results.filter((r) => r.status === 200);
    expect(issued.length).toBeGreaterThanOrEqual(1);
    expect(issued.length * 2_000_000).toBeLessThanOrEqual(5_000_000);
    for (const r of results.filter((x) => x.status !== 200)) expect(['VERSION_CONFLICT', 'AMOUNT_ABOVE_CREDIT_LINE']).toContain(r.body.code);
    // Fill the line to exactly 4万, then the next 2万 is refused with what is still available.
    if (issued.length === 1) expect((await loan(abc, 2_000_000)).status).toBe(200);
    const refused = await loan(abc, 2_000_000);
    expect([refused.status, refused.body.code]).toEqual([400, 'AMOUNT_ABOVE_CREDIT_LINE']);

    // A repayment frees the line again.
    const first = issued[0]?.body as { loanId: string; version: number };
    const repaid = await call(cloud, 'POST', `/scoring/loans/${first.loanId}/repayments`, {
      token: abc,
      body: { principalFen: 2_000_000, repaidOn: '2019-06-01', expectedVersion: first.version },
    });
    expect(repaid.body.status).toBe('repaid');
    expect((await loan(abc, 2_000_000)).status).toBe(200);
    expect((await loan(abc, 1_000_001)).body.code).toBe('AMOUNT_ABOVE_CREDIT_LINE');
    expect((await loan(abc, 1_000_000)).status).toBe(200);
  });
});
