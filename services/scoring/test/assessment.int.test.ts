import { type EventEnvelope, shanghaiDate } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { manifest } from '../src/manifest.js';

const D = '370405000000';
const base = `/scoring/districts/${D}`;
const opinion = { title: '2019年度考核意见', issuedBy: '区金融办', signedOn: '2020-01-15', documentRef: '台金办〔2020〕2号' };
const outlets = (n: number) => ({ branches: n });
const pboc = (l0: string, l1: string, extra: Record<string, unknown> = {}) => ({
  loansStart: l0,
  loansEnd: l1,
  mltStart: '100',
  mltEnd: '120',
  depositsEnd: '20000',
  restructStart: '0',
  restructEnd: '10',
  nplStart: '10',
  nplEnd: '5',
  nplDisposed: '5',
  nplAroseDuringYear: false,
  outletsPrev: outlets(3),
  outletsEnd: outlets(4),
  ...extra,
});

// The 2019 run is some fifty requests in sequence on the DynamoDB Local the service tests share:
// 2–10 s usually, but it once passed 30 s while two other files loaded it (npm test, 1 Dec 2026).
describe('bank assessment over the local gateway (DynamoDB Local)', { timeout: 90_000 }, () => {
  let cloud: LocalCloud;
  const t: Record<string, string> = {};
  const events: EventEnvelope[] = [];

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { demo: true });
    cloud.bus.onEvent((e) => events.push(e));
    for (const user of ['finance-office', 'pboc', 'dept-caizheng', 'dept-minzheng', 'bank-abc', 'bank-rcb', 'county', 'leading-group', 'other-county'])
      t[user] = await cloud.login(user);
  });
  afterAll(() => cloud.stop());

  it('demo: the registry and the computed 2018 assessment reproduce the worked example (§5.3)', async () => {
    const banks = await call(cloud, 'GET', `${base}/banks`, { token: t['finance-office'] });
    expect(banks.status).toBe(200);
    expect(banks.body.items.map((b: { bankId: string }) => b.bankId).sort()).toEqual(['abc', 'boc', 'ccb', 'icbc', 'psbc', 'rcb']);
    const a = await call(cloud, 'GET', `${base}/years/2018/assessment`, { token: t['finance-office'] });
    expect(a.status).toBe(200);
    expect(a.body.status).toBe('computed');
    const totals = Object.fromEntries(a.body.banks.map((b: { bankId: string; total: string; prize: string | null }) => [b.bankId, [b.total, b.prize]]));
    expect(totals).toEqual({ abc: ['99', '一等奖'], rcb: ['84', '二等奖'], psbc: ['78', '二等奖'], icbc: ['71.5', '三等奖'], ccb: ['69.5', '三等奖'], boc: ['47', null] });
    // A bank sees only its own row and its own registry entry.
    const own = await call(cloud, 'GET', `${base}/years/2018/assessment`, { token: t['bank-abc'] });
    expect(own.body.banks.map((b: { bankId: string }) => b.bankId)).toEqual(['abc']);
    expect((await call(cloud, 'GET', `${base}/banks`, { token: t['bank-abc'] })).body.items.map((b: { bankId: string }) => b.bankId)).toEqual(['abc']);
    expect((await call(cloud, 'GET', `${base}/banks/rcb`, { token: t['bank-abc'] })).body.code).toBe('BANK_SCOPE');
  });

  it('runs 2019 end to end: submissions by the data owners, corrections, lock, compute, review, approve, publish, rewards', async () => {
    // Only two banks take part in 2019: deactivate the other four (金融办).
    for (const id of ['psbc', 'icbc', 'ccb', 'boc']) {
      const bank = (await call(cloud, 'GET', `${base}/banks/${id}`, { token: t['finance-office'] })).body;
      const { bankId: _b, district: _d, version, updatedAt: _u, ...profile } = bank;
      const put = await call(cloud, 'PUT', `${base}/banks/${id}`, {
        token: t['finance-office'],
        body: { ...profile, active: false, expectedVersion: version, reason: '2019年度不参加考核（测试）' },
      });
      expect(put.status).toBe(200);
    }
    // A correction that leaves `active` out keeps the bank out of the assessment (an update changes only what it names).
    const psbc = (await call(cloud, 'GET', `${base}/banks/psbc`, { token: t['finance-office'] })).body;
    const { bankId: _pb, district: _pd, version: psbcVersion, updatedAt: _pu, active: _pa, ...psbcProfile } = psbc;
    const corrected = await call(cloud, 'PUT', `${base}/banks/psbc`, {
      token: t['finance-office'],
      body: { ...psbcProfile, expectedVersion: psbcVersion, reason: '更正机构信息' },
    });
    expect([corrected.status, corrected.body.active]).toEqual([200, false]);
    const y = `${base}/years/2019`;
    // Computing or locking early is refused.
    expect((await call(cloud, 'POST', `${y}/assessment/compute`, { token: t['finance-office'] })).body.code).toBe('YEAR_NOT_LOCKED');
    expect((await call(cloud, 'POST', `${y}/lock`, { token: t['finance-office'] })).body.code).toBe('SUBMISSIONS_INCOMPLETE');

    for (const [id, l1, tax, routine] of [
      ['abc', '1200', '50', '90'],
      ['rcb', '1100', '60', '95'],
    ] as const) {
      expect((await call(cloud, 'PUT', `${y}/submissions/${id}/pboc`, { token: t.pboc, body: pboc('1000', l1) })).status).toBe(200);
      expect((await call(cloud, 'PUT', `${y}/submissions/${id}/innovation`, { token: t.pboc, body: { innovation: { kind: 'score', value: '80' }, opinion } })).status).toBe(200);
      expect((await call(cloud, 'PUT', `${y}/submissions/${id}/tax`, { token: t['dept-caizheng'], body: { localTax: tax } })).status).toBe(200);
      expect(
        (await call(cloud, 'PUT', `${y}/submissions/${id}/routine`, { token: t['finance-office'], body: { routine: { kind: 'score', value: routine }, opinion } })).status,
      ).toBe(200);
    }
    // Bad input: nothing is written.
    const negative = await call(cloud, 'PUT', `${y}/submissions/abc/pboc`, { token: t.pboc, body: { ...pboc('1000', '-5'), expectedVersion: 1, reason: '测试' } });
    expect(negative.status).toBe(400);
    expect(negative.body.details.map((d: { code: string }) => d.code)).toContain('NEGATIVE_BALANCE');
    expect(
      (await call(cloud, 'PUT', `${y}/submissions/abc/pboc`, { token: t.pboc, body: { ...pboc('1000', '1200', { depositsEnd: '0' }), expectedVersion: 1, reason: '测试' } })).body
        .details[0].code,
    ).toBe('DEPOSITS_ZERO');
    expect((await call(cloud, 'PUT', `${y}/submissions/abc/pboc`, { token: t.pboc, body: { ...pboc('1000', '1200'), loansEnd: 1200 } })).body.code).toBe('VALIDATION_FAILED');
    // A correction needs a reason and the version read.
    expect((await call(cloud, 'PUT', `${y}/submissions/abc/tax`, { token: t['dept-caizheng'], body: { localTax: '55' } })).body.code).toBe('REASON_REQUIRED');
    expect((await call(cloud, 'PUT', `${y}/submissions/abc/tax`, { token: t['dept-caizheng'], body: { localTax: '55', reason: '补缴税款', expectedVersion: 7 } })).status).toBe(
      409,
    );
    expect((await call(cloud, 'PUT', `${y}/submissions/abc/tax`, { token: t['dept-caizheng'], body: { localTax: '70', reason: '补缴税款', expectedVersion: 1 } })).status).toBe(
      200,
    );
    // Data owners only; a bank never edits figures, nor another bank's data.
    expect((await call(cloud, 'PUT', `${y}/submissions/abc/tax`, { token: t['dept-minzheng'], body: { localTax: '1' } })).status).toBe(403);
    expect((await call(cloud, 'PUT', `${y}/submissions/abc/tax`, { token: t['bank-abc'], body: { localTax: '1' } })).status).toBe(403);
    expect((await call(cloud, 'PUT', `${y}/submissions/rcb/routine`, { token: t.pboc, body: { routine: { kind: 'score', value: '1' }, opinion } })).status).toBe(403);
    const otherBank = await call(cloud, 'PUT', `${base}/banks/rcb`, {
      token: t['bank-abc'],
      body: { name: '改名', type: 'other', sizeClass: 'small', headOffices: 0, branches: 0, outlets: 0, ruralOutlets: 0, reason: '测试' },
    });
    expect([otherBank.status, otherBank.body.code]).toEqual([403, 'BANK_SCOPE']);
    const ownBank = (await call(cloud, 'GET', `${base}/banks/abc`, { token: t['bank-abc'] })).body;
    const { bankId: _b, district: _d, version, updatedAt: _u, ...profile } = ownBank;
    expect(
      (await call(cloud, 'PUT', `${base}/banks/abc`, { token: t['bank-abc'], body: { ...profile, ruralOutlets: 6, expectedVersion: version, reason: '新增农村普惠金融服务点' } }))
        .status,
    ).toBe(200);
    expect((await call(cloud, 'GET', `${y}/submissions`, { token: t['bank-abc'] })).body.items.every((s: { bankId: string }) => s.bankId === 'abc')).toBe(true);
    expect((await call(cloud, 'GET', `${y}/assessment`, { token: t['other-county'] })).body.code).toBe('OUT_OF_SCOPE');

    // Parameters are a new version; lock; then submissions are refused.
    const params = await call(cloud, 'PUT', `${y}/params`, {
      token: t['finance-office'],
      body: { params: { prizes: [{ grade: '一等奖', count: 1, amountYuan: '100000' }] }, reason: '本年度只设一等奖' },
    });
    expect(params.status).toBe(200);
    expect(params.body.paramsId).toBe(`${D}-2019-v1`);
    expect((await call(cloud, 'POST', `${y}/lock`, { token: t['finance-office'] })).body.locked).toBe(true);
    expect((await call(cloud, 'PUT', `${y}/submissions/abc/tax`, { token: t['dept-caizheng'], body: { localTax: '80', reason: 'x2', expectedVersion: 2 } })).body.code).toBe(
      'YEAR_LOCKED',
    );

    const computed = await call(cloud, 'POST', `${y}/assessment/compute`, { token: t['finance-office'] });
    expect(computed.status).toBe(200);
    const abc = computed.body.banks.find((b: { bankId: string }) => b.bankId === 'abc');
    expect(abc).toMatchObject({ prize: '一等奖', totalRank: 1 });
    expect(abc.items.find((i: { item: string }) => i.item === '1b')).toEqual({ item: '1b', value: '20.00', rank: 1, points: '5' });
    expect(computed.body.banks.find((b: { bankId: string }) => b.bankId === 'rcb').prize).toBeNull();

    expect((await call(cloud, 'POST', `${y}/assessment/approve`, { token: t.county })).body.code).toBe('INVALID_TRANSITION');
    expect((await call(cloud, 'POST', `${y}/assessment/approve`, { token: t['finance-office'] })).status).toBe(403);
    expect((await call(cloud, 'POST', `${y}/assessment/review`, { token: t['finance-office'] })).body.status).toBe('reviewed');
    const approved = await call(cloud, 'POST', `${y}/assessment/approve`, { token: t['leading-group'] });
    expect(approved.body).toMatchObject({ status: 'approved', rewardsDueBy: '2020-04-30' });

    // Approved results are immutable.
    expect((await call(cloud, 'PUT', `${y}/params`, { token: t['finance-office'], body: { params: { floorAtZero: false }, reason: '改参数' } })).body.code).toBe(
      'ASSESSMENT_APPROVED',
    );
    expect((await call(cloud, 'POST', `${y}/unlock`, { token: t['finance-office'], body: { reason: '再改' } })).body.code).toBe('ASSESSMENT_APPROVED');
    expect((await call(cloud, 'POST', `${y}/assessment/compute`, { token: t['finance-office'] })).body.code).toBe('ASSESSMENT_APPROVED');
    expect((await call(cloud, 'GET', `/public/scoring/districts/${D}/years/2019/results`)).status).toBe(404);

    const published = await call(cloud, 'POST', `${y}/assessment/publish`, { token: t['finance-office'] });
    expect(published.body.status).toBe('published');
    await cloud.drain();
    const notice = events.find((e) => e.type === 'scoring.notice.requested');
    expect(notice?.data).toMatchObject({ type: 'bank-prizes', region: D, entries: [{ entryId: 'abc', fullName: '农业银行台儿庄支行（演示）', fields: { prize: '一等奖' } }] });
    expect(events.find((e) => e.type === 'scoring.assessment.approved')?.data).toMatchObject({ year: 2019, rewardsDueBy: '2020-04-30' });

    const pub = await call(cloud, 'GET', `/public/scoring/districts/${D}/years/2019/results`);
    expect(pub.status).toBe(200);
    expect(pub.body.banks[0]).toMatchObject({ bankId: 'abc', prize: '一等奖', totalRank: 1 });
    expect(JSON.stringify(pub.body)).not.toContain('loansEnd');

    // Reminder job: on 2020-04-01 a due-soon reminder, once per day; after payment nothing more.
    const run = await call(cloud, 'POST', '/dev/jobs/scoring/bank-reward-reminder', { body: { scheduledTime: '2020-04-01T01:00:00Z' } });
    expect(run.status).toBe(200);
    await call(cloud, 'POST', '/dev/jobs/scoring/bank-reward-reminder', { body: { scheduledTime: '2020-04-01T01:00:00Z' } });
    await call(cloud, 'POST', '/dev/jobs/scoring/bank-reward-overdue', { body: { scheduledTime: '2020-05-01T01:00:00Z' } });
    const withReminders = await call(cloud, 'GET', `${y}/assessment`, { token: t['finance-office'] });
    expect(withReminders.body.reminders.map((r: { on: string; kind: string }) => [r.on, r.kind])).toEqual([
      ['2020-04-01', 'due-soon'],
      ['2020-05-01', 'overdue'],
    ]);
    // Paid today (the approval happened today on the test clock); a date before approval is refused.
    expect((await call(cloud, 'POST', `${y}/assessment/rewards-paid`, { token: t['dept-caizheng'], body: { paidOn: '2020-05-08' } })).body.code).toBe('PAID_BEFORE_APPROVAL');
    const today = shanghaiDate(new Date());
    expect((await call(cloud, 'POST', `${y}/assessment/rewards-paid`, { token: t['dept-caizheng'], body: { paidOn: today } })).body.rewardsPaidOn).toBe(today);
    await call(cloud, 'POST', '/dev/jobs/scoring/bank-reward-overdue', { body: { scheduledTime: '2020-06-01T01:00:00Z' } });
    expect((await call(cloud, 'GET', `${y}/assessment`, { token: t['finance-office'] })).body.reminders).toHaveLength(2);

    // Every change before approval is audited.
    const audit = await call(cloud, 'GET', `${y}/audit`, { token: t['finance-office'] });
    const actions = audit.body.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'submission.pboc.entered',
        'submission.tax.corrected',
        'params.changed',
        'year.locked',
        'assessment.computed',
        'assessment.reviewed',
        'assessment.approved',
        'assessment.published',
        'rewards.paid',
      ]),
    );
    expect(audit.body.items.find((a: { action: string }) => a.action === 'submission.tax.corrected').reason).toBe('补缴税款');
  });
});
