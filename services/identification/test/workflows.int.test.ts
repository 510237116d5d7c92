import type { EventEnvelope } from '@jingzhun/types';
import { addDays, shanghaiDate } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { manifest } from '../src/manifest.js';
import { applicationBody, EVIDENCE, MEETING, publishNoticeOutcome, publishObjectionDecided } from './support.js';

/**
 * A household from application to 建档立卡, then to exit and 销号, over HTTP through the local
 * gateway on DynamoDB Local; each 公示 window closes through the notices service's events
 * (simulated here by writing them to an outbox the relay reads).
 */
describe('entry and exit workflows over HTTP (DynamoDB Local)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};
  const events: EventEnvelope[] = [];
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    cloud.bus.onEvent((envelope) => events.push(envelope));
    for (const user of ['village-fengzhuang', 'village-xilancheng', 'town-jiantouji', 'county', 'leading-group', 'dept-minzheng']) tokens[user] = await cloud.login(user);
  });
  afterAll(() => cloud.stop());

  async function act(user: string, id: string, version: number, action: string, extra: Record<string, unknown> = {}) {
    return call(cloud, 'POST', `/households/${id}/actions`, { token: tokens[user], body: { version, action, evidence: EVIDENCE[action] ?? [], ...extra } });
  }

  /** Takes a step and expects success; returns the new version (and the notice request, if any). */
  async function step(user: string, id: string, version: number, action: string, extra: Record<string, unknown> = {}) {
    const response = await act(user, id, version, action, extra);
    expect(response.status, `${action}: ${JSON.stringify(response.body)}`).toBe(200);
    return response.body as { version: number; noticeRequestId?: string; status: string; workflow?: { state: string } };
  }

  async function closeNotice(id: string, requestId: string, type: string, outcome: 'clear' | 'upheld' | 'held' = 'clear') {
    await publishNoticeOutcome(cloud.tableName('identification'), requestId, type, [{ entryId: id, outcome }]);
    await cloud.drain();
    await cloud.drain();
    return (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
  }

  it('takes a household from application to 建档立卡 and on to exit and 销号 (workflows.md §1.3, seed 000 EX-3…EX-6 L1040–1068)', async () => {
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 1, incomeYuan: 6000 }) });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.householdId as string;
    expect(created.body).toMatchObject({ status: 'APPLYING', size: 3, headName: '王建国', incomePerCapitaFen: 200000, workflow: { kind: 'entry', state: 'APPLIED' } });
    // The address code only, and the birth year instead of the birth date: what is shown cannot be completed (docs/decisions.md Platform 17).
    expect(created.body.members[0].idNumberMasked).toMatch(/^370405\*{12}$/);
    expect(created.body.members[0]).not.toHaveProperty('birthDate');
    expect(created.body.members[0].birthYear).toEqual(expect.any(Number));

    let h = await step('village-fengzhuang', id, 1, 'SURVEY');
    h = await step('village-fengzhuang', id, h.version, 'GROUP_REVIEW');
    h = await step('village-fengzhuang', id, h.version, 'POST_NOTICE');
    expect(h.workflow?.state).toBe('NOTICE1');
    await cloud.drain();
    const request = events.find((e) => e.type === 'identification.notice.requested' && e.data.requestId === h.noticeRequestId);
    expect(request?.data).toMatchObject({
      type: 'entry-first',
      entries: [{ entryId: id, fullName: '王建国', region: '370405103201', fields: { size: 3, attribute: '一般贫困户' } }],
    });
    expect(JSON.stringify(request)).not.toContain(applicationBody({ seq: 1 }).members[0]?.idNumber);
    // Nothing moves while the notice is open.
    expect((await act('county', id, h.version, 'COMPARE')).body.code).toBe('NOTICE_PENDING');
    let detail = await closeNotice(id, h.noticeRequestId as string, 'entry-first');
    expect(detail.workflow.state).toBe('NOTICE1_CLEARED');

    h = await step('county', id, detail.version, 'COMPARE');
    h = await step('village-fengzhuang', id, h.version, 'ASSEMBLY_REVIEW', { meeting: MEETING });
    h = await step('village-fengzhuang', id, h.version, 'POST_NOTICE');
    detail = await closeNotice(id, h.noticeRequestId as string, 'entry-second');
    h = await step('town-jiantouji', id, detail.version, 'TOWN_REVIEW');
    h = await step('county', id, h.version, 'COUNTY_APPROVE');
    h = await step('county', id, h.version, 'POST_NOTICE');
    detail = await closeNotice(id, h.noticeRequestId as string, 'entry-announcement');
    expect(detail.workflow.state).toBe('AWAITING_WINDOW');

    // No NSYS window yet: 建档 is refused.
    const closed = await act('town-jiantouji', id, detail.version, 'REGISTER');
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('NSYS_WINDOW_CLOSED');
    const window = await call(cloud, 'PUT', '/nsys-window/370405000000', { token: tokens.county, body: { opens: addDays(today, -1), closes: addDays(today, 10) } });
    expect(window.status).toBe(200);
    h = await step('town-jiantouji', id, detail.version, 'REGISTER');
    expect(h.status).toBe('REGISTERED');
    await cloud.drain();
    const registered = events.find((e) => e.type === 'identification.household.registered' && e.data.householdId === id);
    expect(registered?.data).toMatchObject({ region: '370405103201', snapshot: { status: 'REGISTERED', size: 3, colour: 'RED', incomePerCapitaFen: 200000 } });
    expect(JSON.stringify(registered)).not.toMatch(/37040519600305/);

    // Exit: income rises above the 2017 provincial line of 3,509 yuan (seed 000 EX-1 L1029–1032).
    const raised = await call(cloud, 'PATCH', `/households/${id}`, {
      token: tokens['village-fengzhuang'],
      body: {
        version: h.version,
        changes: { income: { year: 2017, wageFen: 1_200_000, businessFen: 0, businessCostFen: 0, transferFen: 0, oneOffTransferFen: 0, propertyFen: 0 } },
        reason: '年度收入核实',
        evidence: [{ kind: 'survey', ref: '2017收入调查' }],
      },
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body.colour).toBe('ORANGE');
    h = await step('town-jiantouji', id, raised.body.version, 'PRE_EXIT');
    h = await step('village-fengzhuang', id, h.version, 'APPRAISE', { meeting: MEETING });
    h = await step('village-fengzhuang', id, h.version, 'VERIFY');
    h = await step('village-fengzhuang', id, h.version, 'CONSENT');
    h = await step('village-fengzhuang', id, h.version, 'POST_NOTICE');
    detail = await closeNotice(id, h.noticeRequestId as string, 'exit-village-notice');
    h = await step('town-jiantouji', id, detail.version, 'TOWN_ACCEPT');
    h = await step('town-jiantouji', id, h.version, 'TOWN_APPROVE');
    h = await step('town-jiantouji', id, h.version, 'POST_NOTICE');
    detail = await closeNotice(id, h.noticeRequestId as string, 'exit-announcement');
    expect((await act('town-jiantouji', id, detail.version, 'FILE')).body.code).toBe('WRONG_ROLE');
    h = await step('leading-group', id, detail.version, 'FILE');
    // Window closes: 销号 refused (000 EX-6 L1062–1068).
    await call(cloud, 'PUT', '/nsys-window/370405000000', { token: tokens.county, body: { opens: addDays(today, -30), closes: addDays(today, -1) } });
    const refused = await act('town-jiantouji', id, h.version, 'DEREGISTER');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NSYS_WINDOW_CLOSED');
    await call(cloud, 'PUT', '/nsys-window/370405000000', { token: tokens.county, body: { opens: today, closes: addDays(today, 5) } });
    h = await step('town-jiantouji', id, h.version, 'DEREGISTER');
    // 4,000 yuan per person is above the line but below mline = 1.5 × 3,509: exited and at risk → YELLOW (000 ID-7 L507–522).
    expect(h).toMatchObject({ status: 'EXITED_WITH_POLICY', exitedAt: today, colour: 'YELLOW' });
    await cloud.drain();
    const exited = events.find((e) => e.type === 'identification.household.exited' && e.data.householdId === id);
    expect(exited?.data).toMatchObject({ exitedAt: today, policyUntil: `${Number(today.slice(0, 4)) + 3}${today.slice(4)}` });

    const history = await call(cloud, 'GET', `/households/${id}/history?limit=100`, { token: tokens.county });
    expect(history.body.items.map((e: { action: string }) => e.action)).toContain('DEREGISTER');
    expect(history.body.items.length).toBeGreaterThan(25);
  });

  it('falls back on an upheld objection and waits on a held one (workflows.md §4.1)', async () => {
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 2 }) });
    const id = created.body.householdId as string;
    let h = await step('village-fengzhuang', id, 1, 'SURVEY');
    h = await step('village-fengzhuang', id, h.version, 'GROUP_REVIEW');
    h = await step('village-fengzhuang', id, h.version, 'POST_NOTICE');
    let detail = await closeNotice(id, h.noticeRequestId as string, 'entry-first', 'held');
    expect(detail.workflow).toMatchObject({ state: 'NOTICE1', notice: { held: true } });
    await publishObjectionDecided(cloud.tableName('identification'), h.noticeRequestId as string, 'entry-first', id, 'rejected');
    await cloud.drain();
    await cloud.drain();
    detail = (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
    expect(detail.workflow.state).toBe('NOTICE1_CLEARED');
    h = await step('county', id, detail.version, 'COMPARE');
    h = await step('village-fengzhuang', id, h.version, 'ASSEMBLY_REVIEW', { meeting: MEETING });
    h = await step('village-fengzhuang', id, h.version, 'POST_NOTICE');
    detail = await closeNotice(id, h.noticeRequestId as string, 'entry-second', 'upheld');
    expect(detail.status).toBe('REJECTED');
    expect(detail.workflow).toBeUndefined();
    expect(detail.lastDecision).toMatchObject({ action: 'OBJECTION_UPHELD' });
  });

  it('lets exactly one of two concurrent conflicting actions win', async () => {
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body: applicationBody({ seq: 3 }) });
    const id = created.body.householdId as string;
    const h = await step('village-fengzhuang', id, 1, 'SURVEY');
    const [a, b] = await Promise.all([
      act('village-fengzhuang', id, h.version, 'GROUP_REVIEW'),
      act('village-fengzhuang', id, h.version, 'REJECT', { reason: '不符合条件', evidence: [{ kind: 'minutes', ref: '组评议记录' }] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a.body.code, b.body.code].filter(Boolean)).toEqual(['VERSION_CONFLICT']);
    const detail = (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
    expect(detail.version).toBe(h.version + 1);
  });

  it('answers bad input with a clear 4xx and writes nothing', async () => {
    const village = tokens['village-fengzhuang'];
    const body = applicationBody({ seq: 4 });
    const first = await call(cloud, 'POST', '/households', { token: village, body });
    expect(first.status).toBe(200);
    // The same person in a second household (ANC §2 duplicate ID).
    const dup = applicationBody({ seq: 5 });
    dup.members[2] = body.members[2] as (typeof dup.members)[number];
    const second = await call(cloud, 'POST', '/households', { token: village, body: dup });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('DUPLICATE_ID_NUMBER');
    // …and nothing of the second household was written: its other members are still free.
    const retry = applicationBody({ seq: 5 });
    expect((await call(cloud, 'POST', '/households', { token: village, body: retry })).status).toBe(200);

    const badId = applicationBody({ seq: 6 });
    (badId.members[0] as { idNumber: string }).idNumber = '370405196003051230';
    const invalid = await call(cloud, 'POST', '/households', { token: village, body: badId });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body.details)).toContain('校验位');

    const negative = applicationBody({ seq: 7 });
    negative.income.wageFen = -100;
    expect((await call(cloud, 'POST', '/households', { token: village, body: negative })).status).toBe(400);
    const absurd = applicationBody({ seq: 8 });
    absurd.income.businessFen = 900_000_000;
    const absurdResponse = await call(cloud, 'POST', '/households', { token: village, body: absurd });
    expect(absurdResponse.body.code).toBe('INCOME_ABSURD');

    const noEvidence = { ...applicationBody({ seq: 9 }), evidence: [{ kind: 'application', ref: 'x' }] };
    const missing = await call(cloud, 'POST', '/households', { token: village, body: noEvidence });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'EVIDENCE_MISSING', details: { missing: ['authorisation'] } });

    const id = first.body.householdId as string;
    expect((await call(cloud, 'POST', '/households', { token: tokens['village-xilancheng'], body: applicationBody({ seq: 10 }) })).body.code).toBe('OUT_OF_SCOPE');
    expect((await act('village-xilancheng', id, 1, 'SURVEY')).body.code).toBe('OUT_OF_SCOPE');
    expect((await act('town-jiantouji', id, 1, 'SURVEY')).body.code).toBe('WRONG_ROLE');
    expect((await act('village-fengzhuang', id, 1, 'GROUP_REVIEW')).body.code).toBe('TRANSITION_OUT_OF_ORDER');
    expect((await act('village-fengzhuang', id, 1, 'SURVEY', { evidence: [] })).body.code).toBe('EVIDENCE_MISSING');
    const stale = await act('village-fengzhuang', id, 7, 'SURVEY');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const after = (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body;
    expect(after).toMatchObject({ version: 1, workflow: { state: 'APPLIED' } });
    expect((await call(cloud, 'GET', `/households/${id}`, { token: tokens['village-xilancheng'] })).status).toBe(403);
  });

  it('posts a village list as one notice in one transaction, and refuses a list it cannot post whole', async () => {
    const village = tokens['village-fengzhuang'];
    const ready: { householdId: string; version: number }[] = [];
    for (const seq of [21, 22, 23]) {
      const created = await call(cloud, 'POST', '/households', { token: village, body: applicationBody({ seq }) });
      const id = created.body.householdId as string;
      let h = await step('village-fengzhuang', id, 1, 'SURVEY');
      h = await step('village-fengzhuang', id, h.version, 'GROUP_REVIEW');
      ready.push({ householdId: id, version: h.version });
    }
    const [a, b, c] = ready as [{ householdId: string; version: number }, { householdId: string; version: number }, { householdId: string; version: number }];
    const fresh = await call(cloud, 'POST', '/households', { token: village, body: applicationBody({ seq: 24 }) });
    const list = (households: { householdId: string; version: number }[], user = 'village-fengzhuang', code = '370405103201') =>
      call(cloud, 'POST', `/villages/${code}/notice-lists`, { token: tokens[user], body: { households } });

    // A household at another step fails the whole list, named in the message; nothing is written.
    const mixed = await list([a, { householdId: fresh.body.householdId, version: 1 }]);
    expect(mixed.status).toBe(409);
    expect(mixed.body.code).toBe('TRANSITION_OUT_OF_ORDER');
    expect(mixed.body.message).toContain('王建国 户');
    expect((await call(cloud, 'GET', `/households/${a.householdId}`, { token: tokens.county })).body.version).toBe(a.version);
    // Another village's list, a stale version, a duplicate, too many households.
    expect((await list([a], 'village-fengzhuang', '370405102201')).body.code).toBe('OUT_OF_SCOPE');
    expect((await list([a], 'county', '370405102201')).body.code).toBe('NOT_IN_VILLAGE');
    expect((await list([{ ...a, version: a.version + 5 }])).body.code).toBe('VERSION_CONFLICT');
    expect((await list([a, a])).status).toBe(400);
    expect((await list(Array.from({ length: 21 }, () => a))).status).toBe(400);

    const posted = await list([a, b, c]);
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body).toMatchObject({
      type: 'entry-first',
      households: [{ workflow: { state: 'NOTICE1' } }, { workflow: { state: 'NOTICE1' } }, { workflow: { state: 'NOTICE1' } }],
    });
    await cloud.drain();
    const requests = events.filter((e) => e.type === 'identification.notice.requested' && e.data.requestId === posted.body.noticeRequestId);
    expect(requests).toHaveLength(1);
    expect(((requests[0]?.data.entries ?? []) as { entryId: string }[]).map((entry) => entry.entryId)).toEqual([a.householdId, b.householdId, c.householdId]);

    // The window closes with one outcome per household.
    await publishNoticeOutcome(cloud.tableName('identification'), posted.body.noticeRequestId, 'entry-first', [
      { entryId: a.householdId, outcome: 'clear' },
      { entryId: b.householdId, outcome: 'upheld' },
      { entryId: c.householdId, outcome: 'held' },
    ]);
    await cloud.drain();
    const states = await Promise.all([a, b, c].map(async (h) => (await call(cloud, 'GET', `/households/${h.householdId}`, { token: tokens.county })).body));
    expect(states.map((h) => h.workflow?.state ?? h.status)).toEqual(['NOTICE1_CLEARED', 'REJECTED', 'NOTICE1']);
  });

  it('shows a monitoring case overdue: orange past its step day, red past day 15 (workflows.md §1.4)', async () => {
    const body = {
      ...applicationBody({ seq: 31, incomeYuan: 4000 }),
      procedure: { kind: 'monitoring', monitorType: '边缘易致贫户', source: 'cadre' },
      evidence: [{ kind: 'hardship-report', ref: '帮扶责任人报告' }],
    };
    const created = await call(cloud, 'POST', '/households', { token: tokens['village-fengzhuang'], body });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.householdId as string;
    const read = async () => (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body.workflow;
    try {
      expect(await read()).toMatchObject({ kind: 'monitoring', state: 'SIGNALLED', alert: 'none' });
      process.env.JZ_CLOCK_OFFSET_MS = String(3 * 86_400_000);
      expect((await read()).alert).toBe('orange');
      process.env.JZ_CLOCK_OFFSET_MS = String(16 * 86_400_000);
      expect((await read()).alert).toBe('red');
      const listed = await call(cloud, 'GET', `/households?region=370405103201&status=APPLYING&limit=100`, { token: tokens.county });
      expect(listed.body.items.find((item: { householdId: string }) => item.householdId === id)).toMatchObject({ workflowState: 'monitoring:SIGNALLED', alert: 'red' });
    } finally {
      delete process.env.JZ_CLOCK_OFFSET_MS;
    }
  });
});
