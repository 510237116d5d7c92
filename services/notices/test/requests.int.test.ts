import type { EventEnvelope as Envelope, EventEnvelope } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { readXlsx } from '../../../packages/platform/src/index.js';
import { manifest } from '../src/manifest.js';
import { eventsOf, resetClock, setClock } from './support.js';

const VILLAGE = '370405103201';
const TOWN = '370405103000';

let sequence = 0;
function request(source: string, data: Record<string, unknown>): Envelope {
  sequence++;
  return { id: `evt-${Date.now()}-${sequence}`, type: `${source}.notice.requested`, source, occurredAt: new Date().toISOString(), schemaVersion: 1, data };
}

describe('notice requests from other services (manifest subscriptions)', () => {
  let cloud: LocalCloud;
  let town: string;
  const events: EventEnvelope[] = [];

  beforeAll(async () => {
    setClock('2019-09-10T09:00:00+08:00');
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    cloud.bus.onEvent((event) => events.push(event));
    town = await cloud.login('town-jiantouji');
  });
  afterAll(async () => {
    resetClock();
    await cloud.stop();
  });

  it('publishes a large subsidy list in chunks (more lines than one transaction holds) and closes it with every outcome', async () => {
    const entries = Array.from({ length: 230 }, (_, i) => ({
      entryId: `hh-${i + 1}`,
      fullName: `测试户${i + 1}`,
      group: `${(i % 5) + 1}组`,
      region: VILLAGE,
      fields: { householdSize: (i % 4) + 1, dangerGrade: 'C', renovationMode: '修缮加固', proposedSubsidyYuan: 8000 },
    }));
    await cloud.bus.publish(
      request('subsidy', { requestId: 'housing-2019-l1', type: 'housing-list-1', region: VILLAGE, title: '冯庄村2019年危房改造一榜公示', entries, context: { stage: 'LIST1' } }),
    );
    await cloud.drain();
    const published = eventsOf(events, 'notices.notice.published');
    expect(published).toHaveLength(1);
    // Posted Tue 10 Sep 2019; day 7 is Tue 17 Sep, a working day (中秋 was 13 Sep).
    expect(published[0]?.data).toMatchObject({ requestId: 'housing-2019-l1', entryCount: 230, windowStart: '2019-09-11', windowEnd: '2019-09-17' });
    const noticeId = published[0]?.data.noticeId as string;
    expect((await call(cloud, 'GET', `/public/notices/${noticeId}/entries?limit=100&cursor=bm90LWEtY3Vyc29y`)).body.code).toBe('BAD_CURSOR');
    let count = 0;
    let cursor: string | undefined;
    do {
      const response = await call(cloud, 'GET', `/public/notices/${noticeId}/entries?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      count += response.body.items.length;
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(count).toBe(230);

    const xlsx = await call(cloud, 'GET', `/notices/${noticeId}/export?format=xlsx`, { token: town });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const response = await fetch(`${cloud.url}/notices/${noticeId}/export?format=xlsx`, { headers: { authorization: `Bearer ${town}` } });
    const sheets = readXlsx(Buffer.from(await response.arrayBuffer()));
    expect(sheets[0]?.rows).toHaveLength(231);
    expect(sheets[0]?.rows[1]?.slice(0, 3)).toEqual(['1', '测试户1', '1组']);

    setClock('2019-09-18T00:05:00+08:00');
    await cloud.scheduler.run('notices', 'close-expired-windows');
    await cloud.drain();
    const closed = eventsOf(events, 'notices.window.closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]?.data).toMatchObject({ requester: 'subsidy', requestId: 'housing-2019-l1', context: { stage: 'LIST1' } });
    expect((closed[0]?.data.entries as unknown[] | undefined)?.length).toBe(230);
  });

  it('keeps a request that asks for a draft unpublished until staff publish it', async () => {
    setClock('2019-09-20T09:00:00+08:00');
    await cloud.bus.publish(
      request('scoring', {
        requestId: 'bank-2018',
        type: 'bank-prizes',
        region: '370405000000',
        title: '2018年度银行业金融机构考核奖励通报',
        publish: false,
        entries: [{ entryId: 'abc', fullName: '农业银行台儿庄支行', region: '370405000000', fields: { prize: '一等奖', score: 96.5 } }],
      }),
    );
    await cloud.drain();
    expect(eventsOf(events, 'notices.notice.published').filter((e) => e.data.requestId === 'bank-2018')).toHaveLength(0);
    const county = await cloud.login('county');
    const list = await call(cloud, 'GET', '/notices?region=370405000000&status=draft', { token: county });
    const draft = list.body.items.find((n: { requestId?: string }) => n.requestId === 'bank-2018');
    expect(draft).toMatchObject({ status: 'draft', requester: 'scoring', type: 'bank-prizes' });
    const finance = await cloud.login('finance-office');
    expect((await call(cloud, 'POST', `/notices/${draft.noticeId}/publish`, { token: finance })).body.status).toBe('published');
    const bankLine = await call(cloud, 'GET', `/public/notices/${draft.noticeId}/entries`);
    expect(bankLine.body.items[0].name).toBe('农业银行台儿庄支行'); // units are not masked
  });

  it('rejects a request that breaks a rule once, reports it back and publishes nothing', async () => {
    const bad = request('identification', {
      requestId: 'bad-1',
      type: 'exit-village-notice',
      region: TOWN,
      title: '镇级退出公示',
      entries: [{ entryId: 'x', fullName: '某某某', region: VILLAGE }],
    });
    await cloud.bus.publish(bad);
    await cloud.bus.publish(bad); // the same delivery again
    await cloud.bus.publish({ ...bad, id: `${bad.id}-repeat` }); // a new event repeating the request id
    await cloud.bus.publish(request('identification', { requestId: 'bad-2', type: 'exit-village-notice' }));
    await cloud.drain();
    const rejected = eventsOf(events, 'notices.request.rejected');
    expect(rejected.map((e) => [e.data.requestId, e.data.code])).toEqual([
      ['bad-1', 'REGION_LEVEL_NOT_ALLOWED'],
      ['bad-2', 'VALIDATION_FAILED'],
    ]);
    expect(rejected[0]?.data.requester).toBe('identification');
    expect(cloud.bus.deadLetters).toEqual([]);
    expect((await call(cloud, 'GET', `/notices?region=${TOWN}`, { token: town })).body.items.filter((n: { requestId?: string }) => n.requestId?.startsWith('bad'))).toEqual([]);
  });
});

describe('public query floods (gateway throttling per address)', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { publicRatePerSecond: 1, publicBurst: 5 });
  });
  afterAll(() => cloud.stop());

  it('answers a burst of public queries from one address with 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await call(cloud, 'GET', '/public/notices?region=370405103201')).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
  });
});
