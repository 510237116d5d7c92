import { writeXlsx } from '@jingzhun/platform/tabular';
import { identificationApi } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { makeIdNumber } from '../src/demo/people.js';
import { manifest } from '../src/manifest.js';
import { householdKeys, idGuardKey, importKey, lineKeys, noticeRequestKey, villageExitKey, windowKey } from '../src/store/keys.js';
import { applicationBody, publishNoticeOutcome } from './support.js';

const { MINZHENG_ONLY_MESSAGE } = identificationApi;

describe('register, comparison import and statistics over HTTP (DynamoDB Local)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { demo: true });
    for (const user of ['village-fengzhuang', 'town-jiantouji', 'county', 'dept-caizheng', 'dept-minzheng', 'dept-gongan', 'dept-jiaoyu', 'leading-group', 'other-county'])
      tokens[user] = await cloud.login(user);
  });
  afterAll(() => cloud.stop());

  it('lists demo households by village, town and county with paging, in scope only', async () => {
    const village = await call(cloud, 'GET', '/households?region=370405103201&limit=50', { token: tokens['village-fengzhuang'] });
    expect(village.status).toBe(200);
    expect(village.body.items).toHaveLength(20);
    const statuses = new Set(village.body.items.map((h: { status: string }) => h.status));
    for (const status of ['REGISTERED', 'EXITED_WITH_POLICY', 'MONITORED', 'APPLYING', 'RE_REGISTERED']) expect(statuses).toContain(status);
    const page1 = await call(cloud, 'GET', '/households?region=370405103000&limit=30', { token: tokens['town-jiantouji'] });
    expect(page1.body.items).toHaveLength(30);
    const page2 = await call(cloud, 'GET', `/households?region=370405103000&limit=100&cursor=${page1.body.nextCursor}`, { token: tokens['town-jiantouji'] });
    expect(page1.body.items.length + page2.body.items.length).toBe(20 + 15 * 6);
    const exited = await call(cloud, 'GET', '/households?region=370405000000&status=EXITED_WITH_POLICY&limit=100', { token: tokens.county });
    expect(exited.body.items.every((h: { status: string; policyUntil: string }) => h.status === 'EXITED_WITH_POLICY' && h.policyUntil >= '2020-12-31')).toBe(true);
    expect((await call(cloud, 'GET', '/households?region=370405103000', { token: tokens['village-fengzhuang'] })).body.code).toBe('OUT_OF_SCOPE');
    expect((await call(cloud, 'GET', '/households?region=370405000000', { token: tokens['other-county'] })).status).toBe(403);
    expect((await call(cloud, 'GET', '/households?region=370400000000', { token: tokens.county })).status).toBe(403);
  });

  it('gives per-village statistics (workflows.md §4.4)', async () => {
    const stats = await call(cloud, 'GET', '/villages/370405103201/statistics', { token: tokens['village-fengzhuang'] });
    expect(stats.status).toBe(200);
    expect(stats.body.households).toBe(20);
    expect(stats.body.byStatus.REGISTERED.households).toBe(7);
    expect(Object.values(stats.body.byColour as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(18);
    expect(stats.body.inWorkflow['entry:APPLIED']).toBe(2);
  });

  it('imports a department list (CSV): broken rows reject the whole upload; matches become hits; a block hit holds the entry', async () => {
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 40 }) });
    const id = created.body.householdId as string;
    const head = applicationBody({ seq: 40 }).members[0]?.idNumber as string;
    const broken = `姓名,身份证号,备注\r\n王建国,${head},在编教师\r\n张三,370405196003051230,\r\n`;
    const rejected = await call(cloud, 'POST', '/comparisons/imports', {
      token: tokens['dept-caizheng'],
      body: { source: 'caizheng-payroll', region: '370405000000', format: 'csv', contentBase64: Buffer.from(broken).toString('base64') },
    });
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ code: 'UPLOAD_ROWS_INVALID', details: { problems: [{ row: 3, problem: 'ID_CHECK_CHARACTER' }] } });
    expect((await call(cloud, 'GET', `/households/${id}/hits`, { token: tokens.county })).body.items).toEqual([]);

    const good = `姓名,身份证号,备注\r\n王建国,${head},在编教师\r\n路人甲,${makeIdNumber('1980-01-01', 999, '370402')},\r\n`;
    const imported = await call(cloud, 'POST', '/comparisons/imports', {
      token: tokens['dept-caizheng'],
      body: { source: 'caizheng-payroll', region: '370405000000', format: 'csv', contentBase64: Buffer.from(good).toString('base64') },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ rows: 2, matched: 1, unmatched: 1, hits: 1 });
    const hits = (await call(cloud, 'GET', `/households/${id}/hits`, { token: tokens.county })).body.items;
    expect(hits[0]).toMatchObject({ severity: 'block', source: 'caizheng-payroll', memberName: '王建国', detail: '在编教师' });
    // A village cadre may not override a block; the county may, with a written reason.
    const household = (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
    const denied = await call(cloud, 'POST', `/households/${id}/hits/${hits[0].hitId}/review`, {
      token: tokens['village-fengzhuang'],
      body: { version: household.version, outcome: 'overridden', reason: '已退休' },
    });
    expect(denied.body.code).toBe('OVERRIDE_NOT_ALLOWED');
    const overridden = await call(cloud, 'POST', `/households/${id}/hits/${hits[0].hitId}/review`, {
      token: tokens.county,
      body: { version: household.version, outcome: 'overridden', reason: '2016年已退休，不再财政供养' },
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(200);
    expect((await call(cloud, 'GET', `/households/${id}/hits`, { token: tokens.county })).body.items[0].decision).toMatchObject({ outcome: 'overridden' });
  });

  it('takes each list from its own department only: the education bureau cannot upload a death list (workflows.md §1.2)', async () => {
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 46 }) });
    const id = created.body.householdId as string;
    const head = applicationBody({ seq: 46 }).members[0]?.idNumber as string;
    const list = Buffer.from(`姓名,身份证号,备注\r\n王建国,${head},死亡注销\r\n`).toString('base64');
    const upload = (user: string, source: string) =>
      call(cloud, 'POST', '/comparisons/imports', { token: tokens[user], body: { source, region: '370405000000', format: 'csv', contentBase64: list } });
    for (const [user, source] of [
      ['dept-jiaoyu', 'gongan-death'],
      ['dept-minzheng', 'gongan-death'],
      ['dept-caizheng', 'minzheng-dibao'],
      ['county', 'minzheng-dibao'],
    ] as const) {
      expect((await upload(user, source)).status, `${user} ${source}`).toBe(403);
    }
    expect((await call(cloud, 'GET', `/households/${id}/hits`, { token: tokens.county })).body.items).toEqual([]);
    const own = await upload('dept-gongan', 'gongan-death');
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect((await call(cloud, 'GET', `/households/${id}/hits`, { token: tokens.county })).body.items).toMatchObject([{ source: 'gongan-death', severity: 'block' }]);
  });

  it('imports an XLSX 低保 list whose confirmation changes the attribute (004 ID-23 L904)', async () => {
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 41 }) });
    const id = created.body.householdId as string;
    const spouse = applicationBody({ seq: 41 }).members[1]?.idNumber as string;
    const xlsx = writeXlsx([
      {
        name: '低保',
        rows: [
          ['姓名', '身份证号'],
          ['李秀英', spouse],
        ],
      },
    ]);
    const imported = await call(cloud, 'POST', '/comparisons/imports', {
      token: tokens['dept-minzheng'],
      body: { source: 'minzheng-dibao', region: '370405000000', format: 'xlsx', contentBase64: xlsx.toString('base64') },
    });
    expect(imported.body).toMatchObject({ matched: 1, hits: 1 });
    const household = (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
    const hit = (await call(cloud, 'GET', `/households/${id}/hits`, { token: tokens.county })).body.items[0];
    const confirmed = await call(cloud, 'POST', `/households/${id}/hits/${hit.hitId}/review`, {
      token: tokens['village-fengzhuang'],
      body: { version: household.version, outcome: 'confirmed', reason: '民政核实' },
    });
    expect(confirmed.body).toMatchObject({ dibao: true, attribute: '低保贫困户' });
  });

  it('PATCH changes exactly the field it names: 低保/特困, secondary causes and attribute stay as they were', async () => {
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 44 }) });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.householdId as string;
    const flagged = await call(cloud, 'POST', `/households/${id}/minzheng-status`, {
      token: tokens['dept-minzheng'],
      body: { version: created.body.version, dibao: true, tekun: true, evidence: [{ kind: 'decision', ref: '台民救〔2018〕12号' }], reason: '民政认定' },
    });
    expect(flagged.status, JSON.stringify(flagged.body)).toBe(200);
    const before = (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
    expect(before).toMatchObject({ dibao: true, tekun: true, secondaryCauses: ['08'], attribute: '五保户' });
    const patched = await call(cloud, 'PATCH', `/households/${id}`, {
      token: tokens['village-fengzhuang'],
      body: { version: before.version, changes: { group: '五组' }, reason: '组别调整' },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const after = (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
    const { group: g0, version: v0, updatedAt: u0, ...restBefore } = before;
    const { group: g1, version: v1, updatedAt: u1, ...restAfter } = after;
    expect([g0, g1, v1]).toEqual(['三组', '五组', v0 + 1]);
    expect(restAfter).toEqual(restBefore);
  });

  it('takes 低保/特困 only from 民政, audited with its document; the household form refuses them (004 ID-23 L904)', async () => {
    const refused = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: { ...applicationBody({ seq: 45 }), dibao: true } });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ path: 'dibao', message: MINZHENG_ONLY_MESSAGE, in: 'body' }]);
    const created = (await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 45 }) })).body;
    expect(created).toMatchObject({ dibao: false, tekun: false, attribute: '一般贫困户' });
    const patch = await call(cloud, 'PATCH', `/households/${created.householdId}`, {
      token: tokens['village-fengzhuang'],
      body: { version: created.version, changes: { tekun: true }, reason: '特困' },
    });
    expect([patch.status, patch.body.details?.[0]?.message]).toEqual([400, MINZHENG_ONLY_MESSAGE]);
    const status = { version: created.version, dibao: true, evidence: [{ kind: 'decision', ref: '台民救〔2018〕15号' }], reason: '经民政审批纳入农村低保' };
    const path = `/households/${created.householdId}/minzheng-status`;
    for (const user of ['village-fengzhuang', 'county', 'dept-caizheng']) expect((await call(cloud, 'POST', path, { token: tokens[user], body: status })).status, user).toBe(403);
    expect((await call(cloud, 'POST', path, { token: tokens['dept-minzheng'], body: { ...status, evidence: [] } })).status).toBe(400);
    expect((await call(cloud, 'GET', `/households/${created.householdId}`, { token: tokens.county })).body).toMatchObject({ version: created.version, dibao: false });
    const set = await call(cloud, 'POST', path, { token: tokens['dept-minzheng'], body: status });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ dibao: true, tekun: false, attribute: '低保贫困户', version: created.version + 1 });
    const history = (await call(cloud, 'GET', `/households/${created.householdId}/history`, { token: tokens.county })).body.items;
    expect(history[0]).toMatchObject({ action: 'MINZHENG_STATUS', reason: '经民政审批纳入农村低保', actor: { role: 'department' } });
  });

  it('moves an exited household to 脱贫不再享受政策 through review, 7-day 公示, town approval and LG filing (seed 002 E-2 L31)', async () => {
    const list = await call(cloud, 'GET', '/households?region=370405103201&status=EXITED_WITH_POLICY&limit=50', { token: tokens['village-fengzhuang'] });
    const target = list.body.items[0] as { householdId: string; version: number; incomePerCapitaFen: number };
    const id = target.householdId;
    const act = (user: string, version: number, action: string, extra: Record<string, unknown>) =>
      call(cloud, 'POST', `/households/${id}/actions`, { token: tokens[user], body: { version, action, evidence: [], ...extra } });
    const proposal = {
      evidence: [
        { kind: 'survey', ref: '2018年入户收入调查' },
        { kind: 'minutes', ref: '冯庄村村民代表会议记录' },
      ],
      meeting: { date: '2018-03-01', total: 30, present: 25, inFavour: 22 },
      reason: '人均收入达到全区农民人均可支配收入',
      referenceIncome: { fen: target.incomePerCapitaFen, source: '台儿庄区统计局2017年农民人均可支配收入' },
    };
    expect(
      (
        await act('village-fengzhuang', target.version, 'PROPOSE_NO_POLICY', {
          ...proposal,
          referenceIncome: { ...proposal.referenceIncome, fen: target.incomePerCapitaFen + 100 },
        })
      ).body.code,
    ).toBe('NO_POLICY_NOT_MET');
    let h = (await act('village-fengzhuang', target.version, 'PROPOSE_NO_POLICY', proposal)).body;
    expect(h.workflow, JSON.stringify(h)).toMatchObject({ kind: 'no-policy', state: 'REVIEWED' });
    h = (await act('village-fengzhuang', h.version, 'POST_NOTICE', {})).body;
    expect(h).toMatchObject({ workflow: { state: 'NOTICE' }, noticeRequestId: expect.any(String) });
    await publishNoticeOutcome(cloud.tableName('identification'), h.noticeRequestId, 'exit-no-policy', [{ entryId: id, outcome: 'clear' }]);
    await cloud.drain();
    await cloud.drain();
    h = (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
    expect(h.workflow).toMatchObject({ state: 'NOTICE_CLEARED' });
    h = (await act('town-jiantouji', h.version, 'TOWN_APPROVE', { evidence: [{ kind: 'approved-list', ref: '镇审定名单' }] })).body;
    expect((await act('town-jiantouji', h.version, 'FILE', { evidence: [{ kind: 'filing', ref: '区备案表' }] })).status).toBe(403);
    const filed = await act('leading-group', h.version, 'FILE', { evidence: [{ kind: 'filing', ref: '区备案表' }] });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.status).toBe('EXITED_NO_POLICY');
    expect(filed.body.policyUntil).toBeUndefined();
    const history = (await call(cloud, 'GET', `/households/${id}/history`, { token: tokens.county })).body.items.map((e: { action: string }) => e.action);
    expect(history.slice(0, 5)).toEqual(['FILE', 'TOWN_APPROVE', 'NOTICE_CLEAR', 'POST_NOTICE', 'PROPOSE_NO_POLICY']);
  });

  it('announces a village exit at district and town, and moves on when both close clear (seed 000 EX-10 L1093–1097)', async () => {
    const village = '370405103201';
    const opened = await call(cloud, 'POST', `/villages/${village}/exit`, {
      token: tokens['town-jiantouji'],
      body: {
        year: 2018,
        ruralPopulation: 50_000,
        checklist: { infrastructure: true, publicServices: true, industry: true, collectiveIncomeFen: 0 },
        evidence: [{ kind: 'review-form', ref: '镇初审表' }],
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const action = (user: string, version: number, name: string, evidence: { kind: string; ref: string }[] = []) =>
      call(cloud, 'POST', `/villages/${village}/exit/2018/actions`, { token: tokens[user], body: { version, action: name, evidence } });
    const close = async (requestId: string, type: string) => {
      await publishNoticeOutcome(cloud.tableName('identification'), requestId, type, [{ entryId: village, outcome: 'clear' }]);
      await cloud.drain();
      await cloud.drain();
      return (await call(cloud, 'GET', `/villages/${village}/exit/2018`, { token: tokens.county })).body;
    };
    let v = (await action('town-jiantouji', opened.body.version, 'POST_NOTICE')).body;
    expect(v.noticeRequestIds).toHaveLength(1);
    v = await close(v.noticeRequestId, 'village-exit-notice');
    v = (await action('county', v.version, 'EVALUATE', [{ kind: 'acceptance-report', ref: '验收报告' }])).body;
    v = (await action('leading-group', v.version, 'APPROVE', [{ kind: 'approval', ref: '领导小组审定' }])).body;
    v = (await action('county', v.version, 'POST_NOTICE')).body;
    expect(v).toMatchObject({ state: 'ANNOUNCED' });
    expect(v.noticeRequestIds).toHaveLength(2);
    const [district, town] = v.noticeRequestIds as [string, string];
    expect((await close(district, 'village-exit-announcement')).state).toBe('ANNOUNCED');
    expect((await close(town, 'village-exit-announcement')).state).toBe('ANNOUNCEMENT_CLEARED');
  });

  it('records natural changes with the ID guard: a member who moved out may join another household, not before', async () => {
    const a = (await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 42 }) })).body;
    const b = (await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 43 }) })).body;
    const child = applicationBody({ seq: 42 }).members[2] as { idNumber: string; name: string };
    const member = { name: child.name, idNumber: child.idNumber, relation: 'spouse' };
    const evidence = [{ kind: 'marriage-certificate', ref: '结婚证' }];
    const early = await call(cloud, 'POST', `/households/${b.householdId}/members`, {
      token: tokens['village-fengzhuang'],
      body: { version: b.version, member, reason: 'marriage', date: '2018-02-01', evidence },
    });
    expect(early.body.code).toBe('DUPLICATE_ID_NUMBER');
    const memberId = a.members[2].memberId;
    const out = await call(cloud, 'POST', `/households/${a.householdId}/members/${memberId}/status`, {
      token: tokens['village-fengzhuang'],
      body: { version: a.version, status: 'moved_out', reason: 'marriage', date: '2018-02-01', evidence },
    });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect(out.body.size).toBe(2);
    const joined = await call(cloud, 'POST', `/households/${b.householdId}/members`, {
      token: tokens['village-fengzhuang'],
      body: { version: b.version, member, reason: 'marriage', date: '2018-02-01', evidence },
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body.size).toBe(4);
    const handover = await call(cloud, 'POST', `/households/${b.householdId}/helpers`, {
      token: tokens['town-jiantouji'],
      body: { version: joined.body.version, helper: { name: '赵干部', unit: '涧头集镇', from: '2018-03-01' } },
    });
    expect(handover.status).toBe(200);
    const history = await call(cloud, 'GET', `/households/${b.householdId}/history`, { token: tokens.county });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['HELPER_HANDOVER', 'MEMBER_ADDED:marriage', 'APPLY']);
    expect(JSON.stringify(history.body)).not.toContain(child.idNumber);
  });

  it('serves poverty lines as data and derives a year from an entered CPI (seed 000 ID-3 L980–989)', async () => {
    expect((await call(cloud, 'GET', '/poverty-lines/provincial/2017', { token: tokens.county })).body).toMatchObject({ amountYuan: 3509, derived: false });
    expect((await call(cloud, 'GET', '/poverty-lines/provincial/2018', { token: tokens.county })).body.code).toBe('POVERTY_LINE_UNKNOWN');
    expect((await call(cloud, 'GET', '/poverty-lines/municipal/2015?area=3703', { token: tokens.county })).body).toMatchObject({ amountYuan: 3507, derived: false });
    expect((await call(cloud, 'PUT', '/poverty-lines/provincial/2017', { token: tokens.county, body: { amountYuan: 4000, source: 'x' } })).body.code).toBe('LINE_IS_KNOWN');
    const set = await call(cloud, 'PUT', '/poverty-lines/provincial/2018', { token: tokens.county, body: { cpi: 102.1, source: '2018年农村居民消费价格指数' } });
    expect(set.body).toMatchObject({ amountYuan: 3583, derived: true });
    expect((await call(cloud, 'PUT', '/poverty-lines/provincial/2019', { token: tokens['town-jiantouji'], body: { cpi: 102, source: 'x' } })).status).toBe(403);
  });
});

describe('key formats (store/keys.ts)', () => {
  it('builds the exact strings', () => {
    expect(householdKeys.item('H1')).toEqual({ pk: 'HH#H1', sk: 'HH' });
    expect(householdKeys.indexes('370405103201', 'H1')).toEqual({ gsi1pk: 'HH_TOWN#370405103', gsi1sk: '370405103201#H1', gsi2pk: 'HH_COUNTY#370405', gsi2sk: '370405103201#H1' });
    expect(householdKeys.hit('H1', 'X')).toEqual({ pk: 'HH#H1', sk: 'HIT#X' });
    expect(householdKeys.auditOf('H1')).toEqual({ name: 'pk', value: 'AUDIT#HOUSEHOLD#H1' });
    expect(idGuardKey('37040519600305001X')).toEqual({ pk: 'IDNUM#37040519600305001X', sk: 'IDNUM' });
    expect(noticeRequestKey('R1')).toEqual({ pk: 'NOTICE_REQ#R1', sk: 'NOTICE_REQ' });
    expect(lineKeys.item('provincial', 2018)).toEqual({ pk: 'LINE#provincial', sk: '2018' });
    expect(windowKey('370405000000')).toEqual({ pk: 'NSYS_WINDOW#370405', sk: 'NSYS_WINDOW' });
    expect(villageExitKey('370405103201', 2018)).toEqual({ pk: 'VILLAGE_EXIT#370405103201', sk: '2018' });
    expect(importKey('I1')).toEqual({ pk: 'IMPORT#I1', sk: 'IMPORT' });
  });
});
