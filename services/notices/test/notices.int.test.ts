import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, UnitOfWork } from '@jingzhun/platform';
import type { EventEnvelope } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { call, download, type LocalCloud, leadingBoms, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { createNotice } from '../src/app/commands.js';
import { OBJECTION_LIMITS, SEARCH_LIMITS } from '../src/domain/objections.js';
import { searchVillage } from '../src/handlers/search.js';
import { manifest } from '../src/manifest.js';
import { noticeKeys, publicKeys } from '../src/store/keys.js';
import { eventsOf, resetClock, setClock } from './support.js';

const VILLAGE = '370405103201'; // 冯庄村
const OTHER_VILLAGE = '370405102201'; // 西兰城村
const COUNTY = '370405000000';

/** Seeded people: full names, ID numbers and phones that must never appear on a public route. */
const PEOPLE = [
  { entryId: 'hh-101', fullName: '张三丰', group: '一组', idNumber: '370405195001011234', phone: '13800001234', size: 3 },
  { entryId: 'hh-102', fullName: '李秀英', group: '二组', idNumber: '37040519620202432X', phone: '13912345678', size: 2 },
  { entryId: 'hh-103', fullName: '王建国', group: '三组', idNumber: '370405197003035678', phone: '15066667777', size: 5 },
];

/**
 * Headers that carry data, for the sweep. The request id (a random UUID) and the ETag (a hash) are
 * generated, not data: a UUID's hex holds an 11-digit run that looks like a mobile number in about
 * one response in a hundred, which made the phone pattern fail at random.
 */
const GENERATED_HEADERS = new Set(['x-request-id', 'etag']);

function headerText(headers: Headers, skip: ReadonlySet<string> = GENERATED_HEADERS): string {
  const lines: string[] = [];
  headers.forEach((value, key) => {
    if (!skip.has(key)) lines.push(`${key}: ${value}`);
  });
  return lines.join('\n');
}

const ID_PATTERN = /\d{17}[\dXx]/;
const PHONE_PATTERN = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe('notices over the local gateway (DynamoDB Local)', () => {
  let cloud: LocalCloud;
  let village: string;
  let town: string;
  let county: string;
  let otherCounty: string;
  let otherVillage: string;
  let noticeId: string;
  const events: EventEnvelope[] = [];
  /** Every public response seen, for the privacy sweep. */
  const publicBodies: { route: string; text: string; headers: Headers }[] = [];

  async function pub(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
    const response = await call(cloud, method, path, options);
    publicBodies.push({
      route: `${method} ${path}`,
      text: typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''),
      headers: response.headers,
    });
    return response;
  }

  beforeAll(async () => {
    setClock('2018-10-24T10:00:00+08:00');
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { demo: true });
    cloud.bus.onEvent((event) => events.push(event));
    village = await cloud.login('village-fengzhuang');
    town = await cloud.login('town-jiantouji');
    county = await cloud.login('county');
    otherCounty = await cloud.login('other-county');
    otherVillage = await cloud.login('village-xilancheng');
  });
  afterAll(async () => {
    resetClock();
    await cloud.stop();
  });

  it('creates a draft, reports fields that will not go public, and publishes it once', async () => {
    const created = await call(cloud, 'POST', '/notices', {
      token: village,
      body: {
        type: 'exit-village-notice',
        region: VILLAGE,
        title: '冯庄村2018年度贫困户拟退出名单公示',
        entries: PEOPLE.map((p) => ({
          entryId: p.entryId,
          fullName: p.fullName,
          group: p.group,
          region: VILLAGE,
          regionName: '冯庄村',
          fields: { householdSize: p.size, action: '拟退出', idNumber: p.idNumber, phone: p.phone, income: 5200 },
        })),
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', entryCount: 3 });
    expect(created.body.droppedFields.sort()).toEqual(['idNumber', 'income', 'phone']);
    noticeId = created.body.noticeId;
    expect((await pub('GET', `/public/notices/${noticeId}`)).status).toBe(404); // drafts are not public

    const published = await call(cloud, 'POST', `/notices/${noticeId}/publish`, { token: village });
    expect(published.status).toBe(200);
    expect(published.body.window).toEqual({ postedOn: '2018-10-24', start: '2018-10-25', nominalEnd: '2018-10-31', end: '2018-10-31', closesAt: '2018-10-31T16:00:00.000Z' });
    const twice = await call(cloud, 'POST', `/notices/${noticeId}/publish`, { token: village });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'NOTICE_ALREADY_PUBLISHED' });
    await cloud.drain();
    expect(eventsOf(events, 'notices.notice.published').filter((e) => e.data.noticeId === noticeId)).toHaveLength(1);
  });

  it('refuses to publish an empty notice and keeps staff edits to drafts', async () => {
    const empty = await call(cloud, 'POST', '/notices', { token: village, body: { type: 'monitoring', region: VILLAGE, title: '监测对象公示' } });
    expect(empty.status).toBe(201);
    const publish = await call(cloud, 'POST', `/notices/${empty.body.noticeId}/publish`, { token: village });
    expect(publish.status).toBe(422);
    expect(publish.body).toMatchObject({ code: 'NOTICE_EMPTY', message: '公示没有任何条目，不能发布' });
    const added = await call(cloud, 'POST', `/notices/${noticeId}/entries`, { token: village, body: { entries: [{ entryId: 'x', fullName: '赵六', region: VILLAGE }] } });
    expect(added.status).toBe(409);
    expect(added.body.code).toBe('NOTICE_ALREADY_PUBLISHED');
  });

  it('checks role and region scope on staff routes', async () => {
    expect((await call(cloud, 'GET', `/notices/${noticeId}`, { token: otherCounty })).body.code).toBe('OUT_OF_SCOPE');
    expect((await call(cloud, 'GET', `/notices/${noticeId}/entries`, { token: otherVillage })).status).toBe(403);
    expect((await call(cloud, 'GET', `/notices/${noticeId}`, { token: county })).status).toBe(200);
    const wrongRole = await call(cloud, 'POST', '/notices', { token: village, body: { type: 'exit-announcement', region: VILLAGE, title: '退出公告', entries: [] } });
    expect(wrongRole.status).toBe(403);
    const outside = await call(cloud, 'POST', '/notices', {
      token: village,
      body: { type: 'exit-village-notice', region: VILLAGE, title: 't', entries: [{ entryId: 'a', fullName: '某某', region: OTHER_VILLAGE }] },
    });
    expect(outside.body.code).toBe('ENTRY_OUT_OF_REGION');
    expect((await call(cloud, 'GET', `/notices/${noticeId}`)).status).toBe(401);
  });

  it('refuses a line field above 2^53 with 400 and writes nothing (the document client cannot store it)', async () => {
    const before = (await call(cloud, 'GET', `/notices?region=${VILLAGE}&limit=100`, { token: village })).body.items.length;
    for (const value of [2 ** 53 + 2, 1e300, 1e-200]) {
      const refused = await call(cloud, 'POST', '/notices', {
        token: village,
        body: {
          type: 'exit-village-notice',
          region: VILLAGE,
          title: '大数公示',
          publish: true,
          entries: [{ entryId: 'big', fullName: '钱大', region: VILLAGE, fields: { householdSize: value } }],
        },
      });
      expect(refused.status, String(value)).toBe(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'entries.0.fields.householdSize', in: 'body' })] });
    }
    expect((await call(cloud, 'GET', `/notices?region=${VILLAGE}&limit=100`, { token: village })).body.items).toHaveLength(before);
  });

  it('creates and publishes in one outcome: a refused publication leaves no draft (NOTICE_EMPTY)', async () => {
    const before = (await call(cloud, 'GET', `/notices?region=${VILLAGE}&limit=100`, { token: village })).body.items.length;
    const refused = await call(cloud, 'POST', '/notices', { token: village, body: { type: 'monitoring', region: VILLAGE, title: '监测对象公示', publish: true } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('NOTICE_EMPTY');
    expect((await call(cloud, 'GET', `/notices?region=${VILLAGE}&limit=100`, { token: village })).body.items).toHaveLength(before);
  });

  it('a create + publish that fails at its last write leaves neither a draft nor its lines behind', async () => {
    const documents = createDocumentClient(cloud.endpoint);
    const ports = { clock: { now: () => new Date() }, ids: { next: () => 'FAILMIDWAY0000000000000001' }, actor: { sub: 'test', role: 'village' } };
    // 100 lines: their private and public items take three chunk commits; the fourth (the notice) fails.
    const original = UnitOfWork.prototype.commit;
    let commits = 0;
    const commit = vi.spyOn(UnitOfWork.prototype, 'commit').mockImplementation(async function (this: UnitOfWork) {
      commits++;
      if (commits === 4) throw new Error('network failure');
      return original.call(this);
    });
    try {
      const entries = Array.from({ length: 100 }, (_, i) => ({ entryId: `mid-${i}`, fullName: `中途户${i}`, region: VILLAGE, fields: { householdSize: 2 } }));
      await expect(createNotice(ports, { type: 'exit-village-notice', region: VILLAGE, title: '中途失败的公示', entries, publish: true })).rejects.toThrow('network failure');
      expect(commits).toBeGreaterThan(4); // the clean-up ran
    } finally {
      commit.mockRestore();
    }
    for (const partition of [noticeKeys.notice('FAILMIDWAY0000000000000001').pk, publicKeys.notice('FAILMIDWAY0000000000000001').pk]) {
      const left = await documents.send(
        new QueryCommand({ TableName: cloud.tableName('notices'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition } }),
      );
      expect(left.Items, partition).toEqual([]);
    }
    documents.destroy();
  });

  it('serves the masked public copy, cacheable with ETag and 304', async () => {
    const list = await pub('GET', `/public/notices?region=${VILLAGE}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: { noticeId: string }) => n.noticeId)).toContain(noticeId);
    expect((await pub('GET', `/public/notices?region=${COUNTY}`)).body.items.map((n: { noticeId: string }) => n.noticeId)).toContain(noticeId);
    const entries = await pub('GET', `/public/notices/${noticeId}/entries`);
    expect(entries.status).toBe(200);
    expect(entries.body.items).toEqual([
      { no: 1, name: '张**', group: '一组', village: VILLAGE, villageName: '冯庄村', fields: { householdSize: 3, action: '拟退出' } },
      { no: 2, name: '李**', group: '二组', village: VILLAGE, villageName: '冯庄村', fields: { householdSize: 2, action: '拟退出' } },
      { no: 3, name: '王**', group: '三组', village: VILLAGE, villageName: '冯庄村', fields: { householdSize: 5, action: '拟退出' } },
    ]);
    expect(entries.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = entries.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    const cached = await pub('GET', `/public/notices/${noticeId}/entries`, { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    expect(cached.body).toBeUndefined();
    const paged = await pub('GET', `/public/notices/${noticeId}/entries?limit=2`);
    expect(paged.body.items).toHaveLength(2);
    const rest = await pub('GET', `/public/notices/${noticeId}/entries?limit=2&cursor=${paged.body.nextCursor}`);
    expect(rest.body.items.map((e: { no: number }) => e.no)).toEqual([3]);
    expect((await pub('GET', '/public/notices?region=370400000000')).body.code).toBe('REGION_TOO_BROAD');
    expect((await pub('GET', '/public/notices')).status).toBe(400); // no browse-all
  });

  it('answers an exact full-name search inside one village only: which notices list the name, never its line', async () => {
    const hit = await pub('GET', `/public/villages/${VILLAGE}/search?name=${encodeURIComponent('李秀英')}`);
    expect(hit.body.items).toEqual([{ noticeId, title: '冯庄村2018年度贫困户拟退出名单公示', typeName: '贫困户退出公示' }]);
    expect((await pub('GET', `/public/villages/${VILLAGE}/search?name=${encodeURIComponent('李秀')}`)).body.items).toEqual([]);
    expect((await pub('GET', `/public/villages/${OTHER_VILLAGE}/search?name=${encodeURIComponent('李秀英')}`)).body.items).toEqual([]);
    expect((await pub('GET', `/public/villages/${VILLAGE}/search?name=${encodeURIComponent('李')}`)).body.code).toBe('FULL_NAME_REQUIRED');
    expect((await pub('GET', `/public/villages/370405103000/search?name=${encodeURIComponent('李秀英')}`)).body.code).toBe('VILLAGE_REQUIRED');
    const summary = await pub('GET', `/public/villages/${VILLAGE}`);
    // The exit notice and the demo project disclosure (冯庄村 photovoltaic station, still on the board).
    expect(summary.body).toMatchObject({ village: VILLAGE, openNotices: 2 });
    expect(summary.body.byType).toEqual(
      expect.arrayContaining([
        { type: 'exit-village-notice', typeName: '贫困户退出公示', notices: 1, entries: 3 },
        { type: 'project-disclosure', typeName: '扶贫项目和资金使用公开', notices: 1, entries: 1 },
      ]),
    );
  });

  it('limits name searches per caller address and per village each hour (429), in the handler itself', async () => {
    setClock('2018-10-25T15:00:00+08:00'); // a fresh hour: fresh counters
    const search = (address: string, village = VILLAGE) =>
      searchVillage(
        {
          version: '2.0',
          routeKey: 'GET /public/villages/{code}/search',
          rawPath: `/public/villages/${village}/search`,
          rawQueryString: '',
          headers: {},
          pathParameters: { code: village },
          queryStringParameters: { name: '李秀英' },
          requestContext: { http: { method: 'GET', path: '/', protocol: 'HTTP/1.1', sourceIp: address, userAgent: 'test' }, requestId: 'r' },
          isBase64Encoded: false,
        } as never,
        { functionName: 'notices-searchVillage', awsRequestId: 'r', getRemainingTimeInMillis: () => 10_000 } as never,
      ) as Promise<{ statusCode: number; body: string }>;
    const one: number[] = [];
    for (let i = 0; i < SEARCH_LIMITS.perAddressPerHour + 2; i++) one.push((await search('198.51.100.7')).statusCode);
    expect(one.slice(0, SEARCH_LIMITS.perAddressPerHour)).toEqual(Array(SEARCH_LIMITS.perAddressPerHour).fill(200));
    expect(one.slice(SEARCH_LIMITS.perAddressPerHour)).toEqual([429, 429]);
    expect(JSON.parse((await search('198.51.100.7')).body)).toMatchObject({ code: 'RATE_LIMITED' });
    // Many addresses together: the village's own allowance stops them (what is left of it after the 20 above).
    // Twenty at a time: two hundred handler calls at once outlast a Lambda's time on a loaded machine.
    const statuses: number[] = [];
    for (let start = 0; start < SEARCH_LIMITS.perVillagePerHour; start += 20) {
      const batch = Array.from({ length: 20 }, (_, i) => search(`203.0.113.${((start + i) % 250) + 1}`).then((r) => r.statusCode));
      statuses.push(...(await Promise.all(batch)));
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(SEARCH_LIMITS.perVillagePerHour - SEARCH_LIMITS.perAddressPerHour);
    expect(statuses.filter((status) => status === 429)).toHaveLength(SEARCH_LIMITS.perAddressPerHour);
    // Another village keeps its allowance; the next hour starts afresh.
    expect((await search('192.0.2.1', OTHER_VILLAGE)).statusCode).toBe(200);
    setClock('2018-10-25T16:00:00+08:00');
    expect((await search('198.51.100.7')).statusCode).toBe(200);
  }, 90_000);

  it('shows the demo fund and project disclosures permanently', async () => {
    const disclosures = await pub('GET', `/public/disclosures?region=${COUNTY}`);
    expect(disclosures.status).toBe(200);
    const types = disclosures.body.items.map((n: { type: string }) => n.type).sort();
    expect(types).toEqual(['fund-disclosure', 'project-disclosure']);
    const fund = disclosures.body.items.find((n: { type: string }) => n.type === 'fund-disclosure');
    expect(fund).toMatchObject({ visibility: 'permanent', objectionsAccepted: false });
    expect(fund.title).toContain('演示');
    const lines = await pub('GET', `/public/notices/${fund.noticeId}/entries`);
    expect(lines.body.items[0].fields.note).toContain('演示');
    expect((await pub('POST', `/public/notices/${fund.noticeId}/objections`, { body: { entryNo: 1, reason: '有疑问' } })).body.code).toBe('OBJECTIONS_NOT_ACCEPTED');
  });

  it('takes objections against a named line, keeps the contact private and stores script text escaped on print', async () => {
    setClock('2018-10-26T09:00:00+08:00');
    const lodged = await pub('POST', `/public/notices/${noticeId}/objections`, {
      body: { entryNo: 2, name: '匿名村民', contact: '13711112222', reason: '<script>alert("x")</script>该户仍有困难' },
    });
    expect(lodged.status).toBe(201);
    expect(lodged.body).toMatchObject({ noticeId, entryNo: 2, status: 'open' });
    expect(JSON.stringify(lodged.body)).not.toContain('13711112222');
    // Its outcome, looked up by the short number the objector was given.
    expect((await pub('GET', `/public/objections/${lodged.body.number}`)).body).toMatchObject({ entryNo: 2, status: 'open' });
    expect((await pub('POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 9, reason: '无此人' } })).body.code).toBe('ENTRY_NOT_IN_NOTICE');
    expect((await pub('POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 1, reason: '长'.repeat(1001) } })).body.code).toBe('TEXT_TOO_LONG');
    expect((await pub('POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 1 } })).status).toBe(400);
    const staff = await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: village });
    expect(staff.body.items).toEqual([
      expect.objectContaining({ entryNo: 2, entryId: 'hh-102', contact: '13711112222', status: 'open', reason: '<script>alert("x")</script>该户仍有困难', dueBy: '2018-11-02' }),
    ]);
    await cloud.drain();
    expect(eventsOf(events, 'notices.objection.lodged').map((e) => e.data)).toEqual([{ noticeId, entryId: 'hh-102', type: 'exit-village-notice', region: VILLAGE }]);
    expect(JSON.stringify(events)).not.toContain('13711112222');
  });

  it('prints the board copy with full names (staff only, escaped) and exports CSV', async () => {
    const print = await call(cloud, 'GET', `/notices/${noticeId}/print`, { token: village });
    expect(print.status).toBe(200);
    expect(print.headers.get('content-type')).toContain('text/html');
    expect(print.body).toContain('张三丰');
    expect(print.body).toContain('2018年10月25日至2018年10月31日');
    expect(print.body).not.toMatch(ID_PATTERN);
    expect((await call(cloud, 'GET', `/notices/${noticeId}/print`)).status).toBe(401);
    expect((await call(cloud, 'GET', `/notices/${noticeId}/print`, { token: otherCounty })).status).toBe(403);
    const csv = await call(cloud, 'GET', `/notices/${noticeId}/export?format=csv`, { token: town });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('.csv');
    expect(csv.body).toContain('李秀英');
    expect(csv.body).toContain('异议待处理');
    // Exactly one byte-order mark: the text of a fetch drops one, so the bytes are counted.
    expect(leadingBoms(await download(cloud, `/notices/${noticeId}/export?format=csv`, town))).toBe(1);
  });

  it('limits floods of objections from one address with 429 and writes nothing for refused ones', async () => {
    setClock('2018-10-27T14:00:00+08:00'); // a fresh hour: fresh counters
    const statuses: number[] = [];
    for (let i = 0; i < OBJECTION_LIMITS.perAddressPerHour + 3; i++) {
      const response = await pub('POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 3, reason: `第${i}次异议` } });
      statuses.push(response.status);
      if (response.status === 429) expect(response.body).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(OBJECTION_LIMITS.perAddressPerHour);
    expect(statuses.slice(OBJECTION_LIMITS.perAddressPerHour).every((s) => s === 429)).toBe(true);
    const staff = await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: village });
    expect(staff.body.items.filter((o: { entryNo: number }) => o.entryNo === 3)).toHaveLength(OBJECTION_LIMITS.perAddressPerHour);
    // The next hour has a fresh allowance.
    setClock('2018-10-27T15:00:00+08:00');
    expect((await pub('POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 3, reason: '下一小时' } })).status).toBe(201);
  });

  it('an upheld objection during the window takes the line off the public copy', async () => {
    const objections = (await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: village })).body.items.filter((o: { entryNo: number }) => o.entryNo === 3);
    for (const [index, objection] of objections.entries()) {
      const outcome = index === 0 ? 'upheld' : 'rejected';
      expect(
        (await call(cloud, 'POST', `/notices/${noticeId}/objections/${objection.objectionId}/decision`, { token: village, body: { outcome, reason: '入户核实' } })).status,
      ).toBe(200);
    }
    const entries = await pub('GET', `/public/notices/${noticeId}/entries`);
    expect(entries.body.items.map((e: { no: number }) => e.no)).toEqual([1, 2]);
    expect((await pub('POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 3, reason: '再提' } })).body.code).toBe('ENTRY_WITHDRAWN');
  });

  it('sweeps every public response: no 18-character ID, no 11-digit phone, no full name of a seeded person', async () => {
    const routes = new Set(
      publicBodies.map((b) =>
        b.route
          .split('?')[0]
          ?.replace(/[0-9A-Z]{20,}/g, '{id}')
          .replace(/\d{12}/g, '{code}')
          .replace(/^GET \/public\/objections\/[^/]+$/, 'GET /public/objections/{number}'),
      ),
    );
    // Every public route of the manifest was exercised.
    for (const route of manifest.routes.filter((r) => r.contract.auth === 'public')) {
      const pattern = `${route.contract.method} ${route.contract.path.replace(/\{noticeId\}/, '{id}').replace(/\{code\}/, '{code}')}`;
      expect(routes, pattern).toContain(pattern);
    }
    expect(publicBodies.length).toBeGreaterThan(30);
    for (const { route, text, headers } of publicBodies) {
      expect(text, route).not.toMatch(ID_PATTERN);
      expect(text, route).not.toMatch(PHONE_PATTERN);
      expect(headerText(headers), route).not.toMatch(PHONE_PATTERN);
      const everything = `${text}\n${headerText(headers, new Set())}`;
      for (const person of PEOPLE) {
        expect(text, `${route} leaks ${person.fullName}`).not.toContain(person.fullName);
        // The seeded people's own numbers, in every header too (the generated ones included).
        for (const value of [person.phone, person.idNumber]) expect(everything, route).not.toContain(value);
      }
      expect(text, route).not.toContain('13711112222');
    }
  });

  it('closes at 24:00 of the last day; the copy goes offline; a repeated run changes nothing', async () => {
    setClock('2018-10-31T23:59:00+08:00');
    const early = await call(cloud, 'POST', '/notices/close-expired', { token: town, body: { region: '370405103000' } });
    expect(early.body).toEqual({ closed: [], checked: 0 });
    setClock('2018-11-01T00:05:00+08:00');
    const closed = await call(cloud, 'POST', '/notices/close-expired', { token: town, body: { region: '370405103000' } });
    expect(closed.body.closed).toContain(noticeId);
    const again = await call(cloud, 'POST', '/notices/close-expired', { token: town, body: { region: '370405103000' } });
    expect(again.body).toEqual({ closed: [], checked: 0 });
    expect((await call(cloud, 'POST', '/notices/close-expired', { token: town, body: { region: COUNTY } })).body.code).toBe('OUT_OF_SCOPE');
    await cloud.drain();
    const closing = eventsOf(events, 'notices.window.closed').filter((e) => e.data.noticeId === noticeId);
    expect(closing).toHaveLength(1);
    expect(closing[0]?.data.entries).toEqual([
      { entryId: 'hh-101', outcome: 'clear' },
      { entryId: 'hh-102', outcome: 'held' },
      { entryId: 'hh-103', outcome: 'upheld' },
    ]);
    expect((await call(cloud, 'GET', `/public/notices/${noticeId}`)).status).toBe(404);
    expect((await call(cloud, 'GET', `/public/villages/${VILLAGE}/search?name=${encodeURIComponent('张三丰')}`)).body.items).toEqual([]);
    expect((await call(cloud, 'POST', `/public/notices/${noticeId}/objections`, { body: { entryNo: 1, reason: '迟到的异议' } })).body.code).toBe('WINDOW_CLOSED');
    const staff = await call(cloud, 'GET', `/notices/${noticeId}`, { token: village });
    expect(staff.body).toMatchObject({ status: 'closed', heldEntries: [2], outcomeCounts: { clear: 1, held: 1, upheld: 1 } });
    // Permanent disclosures stay public after the project's board window has closed too.
    setClock('2018-12-01T00:05:00+08:00');
    await cloud.scheduler.run('notices', 'close-expired-windows');
    expect((await call(cloud, 'GET', `/public/disclosures?region=${COUNTY}`)).body.items).toHaveLength(2);
    const archived = await call(cloud, 'POST', `/notices/${noticeId}/archive`, { token: village });
    expect(archived.body.status).toBe('archived');
  });

  it('withdraws a published notice with a reason and reports it', async () => {
    setClock('2018-12-03T10:00:00+08:00');
    const created = await call(cloud, 'POST', '/notices', {
      token: village,
      body: {
        type: 'asset-income',
        region: VILLAGE,
        title: '光伏收益分配公示',
        publish: true,
        entries: [{ entryId: 'a', fullName: '孙七', region: VILLAGE, fields: { amountYuan: 1500 } }],
      },
    });
    expect(created.body.status).toBe('published');
    expect((await call(cloud, 'POST', `/notices/${created.body.noticeId}/withdraw`, { token: village, body: { reason: '' } })).body.code).toBe('REASON_REQUIRED');
    const withdrawn = await call(cloud, 'POST', `/notices/${created.body.noticeId}/withdraw`, { token: village, body: { reason: '金额有误，更正后重新公示' } });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawReason: '金额有误，更正后重新公示' });
    expect((await call(cloud, 'GET', `/public/notices/${created.body.noticeId}`)).status).toBe(404);
    await cloud.drain();
    expect(eventsOf(events, 'notices.notice.withdrawn').map((e) => e.data.noticeId)).toEqual([created.body.noticeId]);
  });
});
