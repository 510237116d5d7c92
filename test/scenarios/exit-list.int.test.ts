import { addDays, shanghaiDate } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../packages/local-cloud/src/testing.js';
import { services } from '../../services/registry.js';
import { auditGaps } from '../support/audit.js';

/**
 * The whole system over HTTP, as its users drive it: a village's exit list goes from the town's
 * pre-exit list to a 7-day 公示 published by the notices service, a villager objects to one
 * household on the public board, the window closes by the scheduled job, and identification moves
 * the other households on while it holds the objected one (seed 000 EX-3 L1040–1050, PN-1
 * L1044–1050; workflows.md §2.1, §4.1). Then the objection is upheld (the household falls back to
 * REGISTERED), the others finish 销号, and subsidy and dispatch see the exits through events.
 */
const VILLAGE = '370405103201'; // 涧头集镇冯庄村
const COUNTY = '370405000000';
const MEETING = { date: '2019-03-20', total: 30, present: 24, inFavour: 21 };
const EVIDENCE: Record<string, { kind: string; ref: string }[]> = {
  PRE_EXIT: [{ kind: 'list', ref: '涧头集镇2019年预退出名单' }],
  APPRAISE: [{ kind: 'minutes', ref: '冯庄村民主评议记录' }],
  VERIFY: [{ kind: 'verification', ref: '入户核实表' }],
  CONSENT: [{ kind: 'consent', ref: '户认可书' }],
  TOWN_ACCEPT: [{ kind: 'acceptance-minutes', ref: '镇验收记录' }],
  TOWN_APPROVE: [{ kind: 'approved-list', ref: '镇审定名单' }],
  FILE: [{ kind: 'filing', ref: '区备案表' }],
  DEREGISTER: [{ kind: 'nsys-receipt', ref: 'NSYS销号回执' }],
};

interface HouseholdView {
  householdId: string;
  version: number;
  status: string;
  headName: string;
  income: Record<string, number>;
  workflow?: { kind: string; state: string; notice?: { requestId: string; held: boolean } };
}

describe('exit list across identification, notices, subsidy and dispatch (over HTTP)', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};
  let households: HouseholdView[] = [];
  let noticeId = '';

  const get = async (id: string) => (await call(cloud, 'GET', `/households/${id}`, { token: tokens.county })).body as HouseholdView;
  async function step(user: string, household: HouseholdView, action: string, extra: Record<string, unknown> = {}): Promise<HouseholdView> {
    const response = await call(cloud, 'POST', `/households/${household.householdId}/actions`, {
      token: tokens[user],
      body: { version: household.version, action, evidence: EVIDENCE[action] ?? [], ...extra },
    });
    expect(response.status, `${action} ${household.headName}: ${JSON.stringify(response.body)}`).toBe(200);
    return response.body as HouseholdView;
  }
  async function drain() {
    const response = await call(cloud, 'POST', '/dev/events/drain');
    expect(response.body.deadLetters).toBe(0);
  }

  beforeAll(async () => {
    // A fresh DynamoDB Local for this file (the system suites each load the whole demo).
    cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: true });
    for (const user of ['village-fengzhuang', 'town-jiantouji', 'county', 'leading-group']) tokens[user] = await cloud.login(user);
    const listed = await call(cloud, 'GET', `/households?region=${VILLAGE}&status=REGISTERED&limit=3`, { token: tokens.county });
    expect(listed.body.items.length).toBe(3);
    households = await Promise.all(listed.body.items.map((item: { householdId: string }) => get(item.householdId)));
  }, 180_000);
  afterAll(async () => {
    if (cloud) await call(cloud, 'POST', '/dev/clock', { body: { now: null } });
    await cloud?.stop();
  });

  it('posts the village list as one notice, holds the objected household and moves the others on', async () => {
    // The year's survey: recurring income above the line (seed 000 EX-1 L1029–1032).
    for (const [index, household] of households.entries()) {
      const raised = await call(cloud, 'PATCH', `/households/${household.householdId}`, {
        token: tokens['village-fengzhuang'],
        body: {
          version: household.version,
          changes: { income: { ...household.income, wageFen: 2_400_000 + index * 100_000, oneOffTransferFen: 0 } },
          reason: '2019年收入核实',
          evidence: [{ kind: 'survey', ref: `收入调查-${index + 1}` }],
        },
      });
      expect(raised.status, JSON.stringify(raised.body)).toBe(200);
      let h = await step('town-jiantouji', raised.body, 'PRE_EXIT');
      h = await step('village-fengzhuang', h, 'APPRAISE', { meeting: MEETING });
      h = await step('village-fengzhuang', h, 'VERIFY');
      households[index] = await step('village-fengzhuang', h, 'CONSENT');
    }

    // One list, one notice (not one notice per household).
    const posted = await call(cloud, 'POST', `/villages/${VILLAGE}/notice-lists`, {
      token: tokens['village-fengzhuang'],
      body: { households: households.map((h) => ({ householdId: h.householdId, version: h.version })) },
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body.type).toBe('exit-village-notice');
    households = posted.body.households;
    expect(households.map((h) => h.workflow?.state)).toEqual(['VILLAGE_NOTICE', 'VILLAGE_NOTICE', 'VILLAGE_NOTICE']);
    await drain();

    const notices = await call(cloud, 'GET', `/notices?region=${VILLAGE}`, { token: tokens['village-fengzhuang'] });
    const notice = notices.body.items.find((n: { requestId?: string }) => n.requestId === posted.body.noticeRequestId);
    expect(notice).toMatchObject({ status: 'published', type: 'exit-village-notice', entryCount: 3 });
    noticeId = notice.noticeId;
    const today = shanghaiDate(new Date());
    expect(notice.window).toMatchObject({ start: addDays(today, 1) });

    // The public board shows masked names only (workflows.md §4.3), and a villager objects to the second.
    const board = await call(cloud, 'GET', `/public/notices/${noticeId}/entries`);
    expect(board.status).toBe(200);
    expect(board.body.items.map((entry: { name: string }) => entry.name)).toEqual(households.map((h) => `${h.headName[0]}${'*'.repeat(h.headName.length - 1)}`));
    const objected = board.body.items[1];
    const objection = await call(cloud, 'POST', `/public/notices/${noticeId}/objections`, {
      body: { entryNo: objected.no, name: '村民甲', contact: '13900001111', reason: '该户家中新增重病人，收入不稳定' },
    });
    expect(objection.status, JSON.stringify(objection.body)).toBe(201);

    // Nothing moves while the notice is open.
    const early = await call(cloud, 'POST', `/households/${households[0]?.householdId}/actions`, {
      token: tokens['town-jiantouji'],
      body: { version: households[0]?.version, action: 'TOWN_ACCEPT', evidence: EVIDENCE.TOWN_ACCEPT },
    });
    expect(early.body.code).toBe('NOTICE_PENDING');

    // Past the last day (7 days, moved past rest days at most a week), the daily job closes the window.
    expect((await call(cloud, 'POST', '/dev/clock', { body: { advanceDays: 16 } })).status).toBe(200);
    const run = await call(cloud, 'POST', '/dev/jobs/notices/close-expired-windows', { body: {} });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    await drain();

    const [first, second, third] = await Promise.all(households.map((h) => get(h.householdId)));
    expect(first?.workflow?.state).toBe('VILLAGE_NOTICE_CLEARED');
    expect(third?.workflow?.state).toBe('VILLAGE_NOTICE_CLEARED');
    expect(second?.workflow).toMatchObject({ state: 'VILLAGE_NOTICE', notice: { held: true } });
    households = [first, second, third] as HouseholdView[];

    // A second run of the job changes nothing.
    await call(cloud, 'POST', '/dev/jobs/notices/close-expired-windows', { body: {} });
    await drain();
    expect((await get(households[0]?.householdId as string)).version).toBe(households[0]?.version);
  });

  it('falls back on the upheld objection and takes the others to 销号; subsidy and dispatch follow', async () => {
    const objections = await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: tokens['village-fengzhuang'] });
    const open = objections.body.items[0];
    expect(open.status).toBe('open');
    expect(
      (
        await call(cloud, 'POST', `/notices/${noticeId}/objections/${open.objectionId}/investigation`, {
          token: tokens['village-fengzhuang'],
          body: { note: '入户核实：家中确有重病人' },
        })
      ).status,
    ).toBe(200);
    const decided = await call(cloud, 'POST', `/notices/${noticeId}/objections/${open.objectionId}/decision`, {
      token: tokens['village-fengzhuang'],
      body: { outcome: 'upheld', reason: '收入不稳定，暂缓退出' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await drain();
    const fallen = await get(households[1]?.householdId as string);
    expect(fallen.status).toBe('REGISTERED');
    expect(fallen.workflow).toBeUndefined();

    const today = shanghaiDate(new Date(Date.now() + 16 * 86_400_000));
    const window = await call(cloud, 'PUT', `/nsys-window/${COUNTY}`, { token: tokens.county, body: { opens: addDays(today, -1), closes: addDays(today, 30) } });
    expect(window.status, JSON.stringify(window.body)).toBe(200);
    const exiting = [households[0], households[2]] as HouseholdView[];
    const period = shanghaiDate(new Date(Date.now() + 30 * 86_400_000)).slice(0, 7);
    const quote = async (householdId: string) => {
      const response = await call(cloud, 'POST', '/subsidy/quote', { token: tokens.county, body: { householdId, period } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body as { totalFen: number; lines: { itemId: string; amountFen: number }[] };
    };
    const before = await quote(exiting[0]?.householdId as string);
    const approved: HouseholdView[] = [];
    for (const household of exiting) {
      const h = await step('town-jiantouji', household, 'TOWN_ACCEPT');
      approved.push(await step('town-jiantouji', h, 'TOWN_APPROVE'));
    }
    const announcement = await call(cloud, 'POST', `/villages/${VILLAGE}/notice-lists`, {
      token: tokens['town-jiantouji'],
      body: { households: approved.map((h) => ({ householdId: h.householdId, version: h.version })) },
    });
    expect(announcement.status, JSON.stringify(announcement.body)).toBe(200);
    expect(announcement.body.type).toBe('exit-announcement');
    await drain();
    await call(cloud, 'POST', '/dev/clock', { body: { advanceDays: 14 } });
    await call(cloud, 'POST', '/dev/jobs/notices/close-expired-windows', { body: {} });
    await drain();

    const window2 = await call(cloud, 'PUT', `/nsys-window/${COUNTY}`, { token: tokens.county, body: { opens: addDays(today, 13), closes: addDays(today, 60) } });
    expect(window2.status).toBe(200);
    for (const household of approved) {
      const now = await get(household.householdId);
      expect(now.workflow?.state).toBe('ANNOUNCEMENT_CLEARED');
      const filed = await step('leading-group', now, 'FILE');
      const done = await step('town-jiantouji', filed, 'DEREGISTER');
      expect(done.status).toBe('EXITED_WITH_POLICY');
    }
    await drain();

    // Dispatch counts the two exits in the current (shifted) month for the village, its town and the county.
    for (const region of [VILLAGE, '370405103000', COUNTY]) {
      const counts = await call(cloud, 'GET', `/dispatch/counts?region=${region}&period=${period}`, { token: tokens.county });
      expect(counts.status, JSON.stringify(counts.body)).toBe(200);
      const exited = counts.body.metrics.find((m: { metric: string }) => m.metric === 'hh.exited');
      expect(exited?.value, `${region} ${period}`).toBe(2);
    }
    // Policies stay unchanged after exit (已脱贫享受政策, seed 000 EX-15 L3922–3924): the same quote.
    const after = await quote(exiting[0]?.householdId as string);
    expect(after.lines.map((line) => [line.itemId, line.amountFen])).toEqual(before.lines.map((line) => [line.itemId, line.amountFen]));
    expect(after.totalFen).toBe(before.totalFen);
  });

  it("reports in dispatch exactly what identification's register holds, village by village", async () => {
    const period = shanghaiDate(new Date(Date.now() + 30 * 86_400_000)).slice(0, 7);
    const villages = (await call(cloud, 'GET', '/regions/370405103000/children', { token: tokens.county })).body.items as { code: string }[];
    expect(villages.length).toBeGreaterThan(10);
    const sum = (stats: { byStatus: Record<string, { households: number; persons: number }> }, statuses: string[], key: 'households' | 'persons') =>
      statuses.reduce((total, status) => total + (stats.byStatus[status]?.[key] ?? 0), 0);
    for (const { code } of villages) {
      const stats = (await call(cloud, 'GET', `/villages/${code}/statistics`, { token: tokens.county })).body;
      const counts = (await call(cloud, 'GET', `/dispatch/counts?region=${code}&period=${period}`, { token: tokens.county })).body;
      const metric = (name: string) => counts.metrics.find((m: { metric: string }) => m.metric === name)?.value ?? 0;
      const expected = {
        'stock.hh.poor': sum(stats, ['REGISTERED', 'RE_REGISTERED'], 'households'),
        'stock.persons.poor': sum(stats, ['REGISTERED', 'RE_REGISTERED'], 'persons'),
        'stock.hh.exited': sum(stats, ['EXITED_WITH_POLICY', 'EXITED_NO_POLICY'], 'households'),
        'stock.persons.exited': sum(stats, ['EXITED_WITH_POLICY', 'EXITED_NO_POLICY'], 'persons'),
        'stock.hh.monitored': sum(stats, ['MONITORED'], 'households'),
        ...Object.fromEntries(['RED', 'ORANGE', 'YELLOW', 'GREEN'].map((colour) => [`stock.colour.${colour}`, stats.byColour[colour] ?? 0])),
      };
      expect(Object.fromEntries(Object.keys(expected).map((name) => [name, metric(name)])), code).toEqual(expected);
    }
  });

  it('leaves every state change with its audit record, and every event with the audit of its transaction', async () => {
    const gaps = await auditGaps(
      cloud.endpoint,
      services.map((manifest) => cloud.tableName(manifest.name)),
    );
    expect(gaps).toEqual([]);
  });
});
