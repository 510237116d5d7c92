import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { manifest } from '../src/manifest.js';

/** A tiny valid JPEG header followed by filler: enough for the type check. */
const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(Math.max(0, bytes - 4), 7)]).toString('base64');
const visitId = (n: number) => `visit-${String(n).padStart(4, '0')}-${Math.random().toString(36).slice(2, 12)}`;

describe('visits over HTTP (issue 15; DynamoDB Local)', () => {
  let cloud: LocalCloud;
  let village: string;
  let town: string;
  let other: string;
  let households: { householdId: string; status: string; headName: string; workflowState?: string }[];
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { demo: true });
    village = await cloud.login('village-fengzhuang');
    town = await cloud.login('town-jiantouji');
    other = await cloud.login('village-xilancheng');
    households = (await call(cloud, 'GET', '/households?region=370405103201&limit=50', { token: village })).body.items;
  }, 120_000);
  afterAll(() => cloud.stop());

  const registered = () => households.find((h) => h.status === 'REGISTERED' && !h.workflowState) as (typeof households)[number];
  const exited = () => households.find((h) => h.status === 'EXITED_WITH_POLICY' && !h.workflowState) as (typeof households)[number];

  it('records a visit once by its client-made id; the same id with other content is refused; listed per household and per visitor, audited', async () => {
    const id = visitId(1);
    const body = { householdId: registered().householdId, date: today, found: '户主腿伤已愈，能下地干活', done: '讲解了小额信贷政策' };
    const first = await call(cloud, 'PUT', `/visits/${id}`, { token: village, body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ visitId: id, headName: registered().headName, visitor: { sub: 'village-fengzhuang', role: 'village' } });
    expect(first.body.helper?.name).toBeTruthy();
    const again = await call(cloud, 'PUT', `/visits/${id}`, { token: village, body });
    expect(again.body.recordedAt).toBe(first.body.recordedAt);
    const changed = await call(cloud, 'PUT', `/visits/${id}`, { token: village, body: { ...body, found: '别的内容' } });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('VISIT_ID_TAKEN');
    const list = await call(cloud, 'GET', `/households/${body.householdId}/visits`, { token: town });
    expect(list.body.items.map((v: { visitId: string }) => v.visitId)).toEqual([id]);
    const mine = await call(cloud, 'GET', '/visits/mine', { token: village });
    expect(mine.body.items.map((v: { visitId: string }) => v.visitId)).toContain(id);
    const history = await call(cloud, 'GET', `/households/${body.householdId}/history`, { token: village });
    expect(history.body.items.filter((e: { action: string }) => e.action === 'VISIT')).toHaveLength(1);
  });

  it('sends the same visit twice at once: one record', async () => {
    const id = visitId(2);
    const body = { householdId: registered().householdId, date: today, found: '同时提交两次' };
    const results = await Promise.all([1, 2, 3].map(() => call(cloud, 'PUT', `/visits/${id}`, { token: village, body })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const list = await call(cloud, 'GET', `/households/${body.householdId}/visits?limit=50`, { token: village });
    expect(list.body.items.filter((v: { visitId: string }) => v.visitId === id)).toHaveLength(1);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const householdId = registered().householdId;
    const future = await call(cloud, 'PUT', `/visits/${visitId(3)}`, { token: village, body: { householdId, date: '2999-01-01', found: '未来' } });
    expect(future.body.code).toBe('VISIT_DATE_IN_FUTURE');
    const noPhoto = await call(cloud, 'PUT', `/visits/${visitId(4)}`, {
      token: village,
      body: { householdId, date: today, found: '照片未传', photoIds: ['photo-not-uploaded-0001'] },
    });
    expect(noPhoto.body.code).toBe('PHOTO_MISSING');
    const empty = await call(cloud, 'PUT', `/visits/${visitId(5)}`, { token: village, body: { householdId, date: today, found: '' } });
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    const outside = await call(cloud, 'PUT', `/visits/${visitId(6)}`, { token: other, body: { householdId, date: today, found: '别村' } });
    expect(outside.status).toBe(403);
    const list = await call(cloud, 'GET', `/households/${householdId}/visits?limit=50`, { token: village });
    expect(list.body.items.some((v: { found: string }) => ['未来', '照片未传', '别村'].includes(v.found))).toBe(false);
  });

  it('keeps photos as evidence: uploaded once by id, over 300 KB refused with the limit named, read back in scope', async () => {
    const householdId = registered().householdId;
    const photoId = `photo-${Math.random().toString(36).slice(2, 14)}`;
    const up = await call(cloud, 'PUT', `/households/${householdId}/visit-photos/${photoId}`, { token: village, body: { contentType: 'image/jpeg', contentBase64: jpeg(50_000) } });
    expect(up.status).toBe(200);
    expect(up.body.bytes).toBe(50_000);
    expect(
      (await call(cloud, 'PUT', `/households/${householdId}/visit-photos/${photoId}`, { token: village, body: { contentType: 'image/jpeg', contentBase64: jpeg(50_000) } })).status,
    ).toBe(200);
    const big = await call(cloud, 'PUT', `/households/${householdId}/visit-photos/photo-too-big-000001`, {
      token: village,
      body: { contentType: 'image/jpeg', contentBase64: jpeg(301 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PHOTO_TOO_LARGE');
    expect(big.body.message).toContain('300 KB');
    const notJpeg = await call(cloud, 'PUT', `/households/${householdId}/visit-photos/photo-not-jpeg-00001`, {
      token: village,
      body: { contentType: 'image/jpeg', contentBase64: Buffer.from('hello world').toString('base64') },
    });
    expect(notJpeg.body.code).toBe('PHOTO_UNREADABLE');
    const visit = await call(cloud, 'PUT', `/visits/${visitId(7)}`, { token: village, body: { householdId, date: today, found: '拍了房屋照片', photoIds: [photoId] } });
    expect(visit.status).toBe(200);
    const read = await fetch(`${cloud.url}/households/${householdId}/visit-photos/${photoId}`, { headers: { authorization: `Bearer ${town}` } });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/jpeg');
    expect((await read.arrayBuffer()).byteLength).toBe(50_000);
    expect((await fetch(`${cloud.url}/households/${householdId}/visit-photos/${photoId}`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(403);
  });

  it('a risk signal on an exited household starts 返贫 monitoring with its 15-day limit (workflows.md §1.4 D0; 000 EX-16 L3887–3928); on a registered one it stays on the visit', async () => {
    const target = exited();
    const visit = await call(cloud, 'PUT', `/visits/${visitId(8)}`, {
      token: village,
      body: { householdId: target.householdId, date: today, found: '户主突发大病住院', risk: { monitorType: '脱贫不稳定户', note: '因病医疗支出大' } },
    });
    expect(visit.status).toBe(200);
    expect(visit.body.monitoring).toMatchObject({ outcome: 'started' });
    const household = await call(cloud, 'GET', `/households/${target.householdId}`, { token: village });
    expect(household.body.workflow).toMatchObject({ kind: 'monitoring', state: 'SIGNALLED' });
    const tasks = await call(cloud, 'GET', '/visits/tasks?region=370405103201&limit=50', { token: village });
    const task = tasks.body.items.find((t: { householdId: string }) => t.householdId === target.householdId);
    expect(task).toMatchObject({ lastVisitOn: today, visitOverdue: false, workflow: { kind: 'monitoring', state: 'SIGNALLED', daysLeft: 15 } });
    const second = await call(cloud, 'PUT', `/visits/${visitId(9)}`, {
      token: village,
      body: { householdId: target.householdId, date: today, found: '复访', risk: { monitorType: '脱贫不稳定户', note: '仍在住院' } },
    });
    expect(second.body.monitoring.outcome).toBe('already-monitored');
    const inRegister = await call(cloud, 'PUT', `/visits/${visitId(10)}`, {
      token: village,
      body: { householdId: registered().householdId, date: today, found: '收入下降', risk: { monitorType: '边缘易致贫户', note: '务工收入减少' } },
    });
    expect(inRegister.body.monitoring.outcome).toBe('in-register');
  });

  it('lists the tasks due: never-visited households are due today; out of scope refused', async () => {
    const tasks = await call(cloud, 'GET', '/visits/tasks?region=370405103201&limit=50', { token: village });
    expect(tasks.status).toBe(200);
    expect(tasks.body.intervalDays).toBe(30);
    const never = tasks.body.items.find((t: { lastVisitOn?: string }) => !t.lastVisitOn);
    expect(never).toMatchObject({ visitDueOn: today, visitOverdue: true });
    expect((await call(cloud, 'GET', '/visits/tasks?region=370405103201', { token: other })).status).toBe(403);
  });

  it('a PATCH route is reachable as POST with x-http-method-override: PATCH (wx.request has no PATCH); a bare POST is 405', async () => {
    const target = households.find((h) => h.status === 'REGISTERED') as (typeof households)[number];
    const current = (await call(cloud, 'GET', `/households/${target.householdId}`, { token: village })).body;
    const body = { version: current.version, changes: { group: '七组' }, evidence: [], reason: '小程序更正组别' };
    const bare = await call(cloud, 'POST', `/households/${target.householdId}`, { token: village, body });
    expect(bare.status).toBe(405);
    const overridden = await call(cloud, 'POST', `/households/${target.householdId}`, { token: village, body, headers: { 'x-http-method-override': 'PATCH' } });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(200);
    expect(overridden.body.group).toBe('七组');
  });
});
