import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { LOOKUP_LIMITS } from '../src/domain/objections.js';
import { manifest } from '../src/manifest.js';
import { resetClock, setClock } from './support.js';

const VILLAGE = '370405103201';

/**
 * The short objection number and its public lookup (issue 14), phone numbers checked by the
 * contract, and the notice's status words from its dates (待公示 on the posting day).
 */
describe('objection number, outcome lookup and phone check (DynamoDB Local)', { timeout: 120_000 }, () => {
  let cloud: LocalCloud;
  let village: string;
  let noticeId: string;

  beforeAll(async () => {
    // Posted on Wednesday 24 October 2018 at 23:30 Shanghai time (15:30 UTC): the window opens on the 25th.
    setClock('2018-10-24T23:30:00+08:00');
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    village = await cloud.login('village-fengzhuang');
    const created = await call(cloud, 'POST', '/notices', {
      token: village,
      body: {
        type: 'exit-village-notice',
        region: VILLAGE,
        title: '冯庄村贫困户拟退出名单公示',
        publish: true,
        entries: [1, 2].map((i) => ({ entryId: `hh-${i}`, fullName: `查询户${i}`, region: VILLAGE, fields: { householdSize: 2 } })),
      },
    });
    expect(created.status).toBe(201);
    noticeId = created.body.noticeId;
  }, 120_000);
  afterAll(async () => {
    resetClock();
    await cloud.stop();
  });

  it('calls a notice 待公示 (upcoming) on its posting day, 公示中 (open) from the next day, and ended after 24:00 of its last day', async () => {
    const onPostingDay = await call(cloud, 'GET', `/public/notices/${noticeId}`);
    expect(onPostingDay.body).toMatchObject({ postedOn: '2018-10-24', windowStart: '2018-10-25', phase: 'upcoming' });
    expect((await call(cloud, 'GET', `/public/villages/${VILLAGE}`)).body.notices.map((n: { phase: string }) => n.phase)).toEqual(['upcoming']);
    setClock('2018-10-25T00:00:30+08:00');
    expect((await call(cloud, 'GET', `/public/notices/${noticeId}`)).body.phase).toBe('open');
    expect((await call(cloud, 'GET', `/public/villages/${VILLAGE}`)).body.notices.map((n: { phase: string }) => n.phase)).toEqual(['open']);
    setClock('2018-10-31T23:59:00+08:00');
    expect((await call(cloud, 'GET', `/public/notices/${noticeId}`)).body).toMatchObject({ windowEnd: '2018-10-31', phase: 'open' });
    // Past 24:00 of the last day, before the daily close job has run.
    setClock('2018-11-01T00:00:30+08:00');
    expect((await call(cloud, 'GET', `/public/notices/${noticeId}`)).body.phase).toBe('ended');
  });

  it('refuses a contact that is no telephone number with a field error, and keeps a valid one normalised', async () => {
    setClock('2018-10-26T09:00:00+08:00');
    for (const contact of ['12345', '23800138000', 'call me', '0632-123']) {
      const refused = await call(cloud, 'POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 1, reason: '该户有营运车辆', contact } });
      expect(refused.status, contact).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.details).toEqual([expect.objectContaining({ path: 'contact', message: expect.stringContaining('手机号码') })]);
    }
    const landline = await call(cloud, 'POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 2, reason: '该户已外出务工多年', contact: '0632 6611234' } });
    expect(landline.status).toBe(201);
    const staff = await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: village });
    expect(staff.body.items.map((o: { contact?: string }) => o.contact)).toEqual(['0632-6611234']);
  });

  it('gives a short random number on lodging and answers its status, then its outcome, without personal data', async () => {
    const lodged = await call(cloud, 'POST', `/public/notices/${noticeId}/objections`, {
      body: { entryNo: 1, name: '周明理', contact: '139 0537 0405', reason: '该户有营运车辆' },
    });
    expect(lodged.status).toBe(201);
    const number: string = lodged.body.number;
    expect(number).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
    expect(lodged.body.dueBy).toBe('2018-11-02');

    // Typed in lower case with a dash, as a villager might.
    const typed = `${number.slice(0, 5).toLowerCase()}-${number.slice(5)}`;
    const open = await call(cloud, 'GET', `/public/objections/${typed}`);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('no-store');
    expect(open.body).toEqual({
      number,
      noticeId,
      noticeTitle: '冯庄村贫困户拟退出名单公示',
      typeName: expect.any(String),
      entryNo: 1,
      lodgedOn: '2018-10-26',
      dueBy: '2018-11-02',
      status: 'open',
      statusName: '调查核实中',
      outcome: expect.stringContaining('调查核实'),
    });

    const staff = await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: village });
    const objection = staff.body.items.find((o: { number?: string }) => o.number === number);
    expect(objection).toMatchObject({ contact: '13905370405', objectorName: '周明理' });
    const decided = await call(cloud, 'POST', `/notices/${noticeId}/objections/${objection.objectionId}/decision`, {
      token: village,
      body: { outcome: 'upheld', reason: '经核实周某某家有营运车辆' },
    });
    expect(decided.status).toBe(200);
    const upheld = await call(cloud, 'GET', `/public/objections/${number}`);
    expect(upheld.body).toMatchObject({ status: 'upheld', statusName: '异议成立', decidedOn: '2018-10-26' });
    const text = JSON.stringify(upheld.body);
    for (const secret of ['周明理', '13905370405', '营运车辆', '查询户1', objection.objectionId]) expect(text).not.toContain(secret);
  });

  it('answers an unknown or malformed number with a plain refusal, and stops a caller after the hourly limit', async () => {
    const unknown = await call(cloud, 'GET', '/public/objections/2222222222');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'OBJECTION_NOT_FOUND', message: expect.stringContaining('受理编号') });
    const malformed = await call(cloud, 'GET', '/public/objections/0OIL1');
    expect(malformed.status).toBe(400);
    setClock('2018-10-26T15:10:00+08:00');
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUP_LIMITS.perAddressPerHour + 1; i++) statuses.push((await call(cloud, 'GET', '/public/objections/3333333333')).status);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
