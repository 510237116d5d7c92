import { systemClock, ulidGenerator } from '@jingzhun/platform';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { lodgeObjection } from '../src/app/commands.js';
import { OBJECTION_LIMITS } from '../src/domain/objections.js';
import { manifest } from '../src/manifest.js';
import { resetClock, setClock } from './support.js';

const VILLAGE = '370405103201';

/**
 * Objections are independent items (workflows.md §4.1 rule 1: anyone may object): objections
 * lodged at the same moment on one notice are all taken, and the flood limits still hold.
 */
// Forty lodgings of five DynamoDB calls each: about 20 s on a loaded 2-core machine, over the 30 s default under a full run.
describe('simultaneous objections on one notice (DynamoDB Local)', { timeout: 90_000 }, () => {
  let cloud: LocalCloud;
  let village: string;
  let noticeId: string;
  const ports = () => ({ clock: systemClock, ids: ulidGenerator, actor: { sub: 'public', role: 'public' } });

  beforeAll(async () => {
    setClock('2018-10-24T10:00:00+08:00');
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest]);
    village = await cloud.login('village-fengzhuang');
    const created = await call(cloud, 'POST', '/notices', {
      token: village,
      body: {
        type: 'exit-village-notice',
        region: VILLAGE,
        title: '冯庄村贫困户拟退出名单公示',
        publish: true,
        entries: Array.from({ length: 5 }, (_, i) => ({ entryId: `hh-${i + 1}`, fullName: `异议户${i + 1}`, region: VILLAGE, fields: { householdSize: 2 } })),
      },
    });
    expect(created.status).toBe(201);
    noticeId = created.body.noticeId;
    setClock('2018-10-26T09:00:00+08:00');
  });
  afterAll(async () => {
    resetClock();
    await cloud.stop();
  });

  it('takes 20 objections recorded by staff at the same moment, on the same and on different lines', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(cloud, 'POST', `/notices/${noticeId}/objections`, { token: village, body: { entryNo: (i % 2) + 1, reason: `口头异议${i}` } })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const notice = await call(cloud, 'GET', `/notices/${noticeId}`, { token: village });
    expect(notice.body.objections).toEqual({ open: 20, upheld: 0, rejected: 0 });
    const entries = await call(cloud, 'GET', `/notices/${noticeId}/entries`, { token: village });
    expect(entries.body.items.map((e: { no: number; objections: { open: number } }) => [e.no, e.objections.open])).toEqual([
      [1, 10],
      [2, 10],
      [3, 0],
      [4, 0],
      [5, 0],
    ]);
  });

  it('takes 20 simultaneous online objections from 20 addresses, and from one address exactly the hourly limit', async () => {
    setClock('2018-10-26T10:00:00+08:00'); // a fresh hour: fresh counters
    const apart = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => lodgeObjection(ports(), noticeId, 3, { reason: `网上异议${i}` }, { channel: 'online', address: `198.51.100.${i + 1}` })),
    );
    expect(apart.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    const together = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => lodgeObjection(ports(), noticeId, 4, { reason: `同一地址${i}` }, { channel: 'online', address: '203.0.113.9' })),
    );
    expect(together.filter((r) => r.status === 'fulfilled')).toHaveLength(OBJECTION_LIMITS.perAddressPerHour);
    for (const refused of together.filter((r) => r.status === 'rejected')) expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const entries = await call(cloud, 'GET', `/notices/${noticeId}/entries`, { token: village });
    expect(entries.body.items.map((e: { objections: { open: number } }) => e.objections.open)).toEqual([10, 10, 20, OBJECTION_LIMITS.perAddressPerHour, 0]);
  });
});
