import type { EventEnvelope } from '@jingzhun/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../../../packages/local-cloud/src/index.js';
import { manifest } from '../src/manifest.js';
import { manifest as fakeIdentification } from './fixtures/fake-identification/manifest.js';
import { eventsOf, resetClock, setClock } from './support.js';

const VILLAGE = '370405103201';

describe('end to end: identification exit list → notice → objection → close → households move on (seed 000 PN-1 L1044–1050; workflows.md §2.1 step 4, §4.1)', () => {
  let cloud: LocalCloud;
  let village: string;
  const events: EventEnvelope[] = [];

  beforeAll(async () => {
    setClock('2018-10-24T10:00:00+08:00');
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest, fakeIdentification]);
    cloud.bus.onEvent((event) => events.push(event));
    village = await cloud.login('village-fengzhuang');
  });
  afterAll(async () => {
    resetClock();
    await cloud.stop();
  });

  it('publishes once per request, holds only the objected household and moves the others on', async () => {
    const submitted = await call(cloud, 'POST', '/fake-identification/exit-lists', {
      token: village,
      body: {
        batchId: 'b1',
        village: VILLAGE,
        households: [
          { id: 'hh-1', head: '张三丰', group: '一组', size: 3 },
          { id: 'hh-2', head: '李四海', group: '二组', size: 2 },
          { id: 'hh-3', head: '王五福', group: '二组', size: 4 },
        ],
      },
    });
    expect(submitted.status).toBe(200);
    await cloud.drain();

    const listed = await call(cloud, 'GET', `/notices?region=${VILLAGE}`, { token: village });
    expect(listed.body.items).toHaveLength(1);
    const notice = listed.body.items[0];
    expect(notice).toMatchObject({ status: 'published', requester: 'identification', requestId: 'exit-b1', type: 'exit-village-notice', entryCount: 3 });
    expect(notice.window).toMatchObject({ start: '2018-10-25', end: '2018-10-31' });
    expect(eventsOf(events, 'notices.notice.published')).toHaveLength(1);

    // A second delivery of the same event, and a new event repeating the request id: no second notice.
    const request = eventsOf(events, 'identification.notice.requested')[0] as EventEnvelope;
    await cloud.bus.publish(request);
    await cloud.bus.publish({ ...request, id: `${request.id}-again` });
    await cloud.drain();
    expect((await call(cloud, 'GET', `/notices?region=${VILLAGE}`, { token: village })).body.items).toHaveLength(1);
    expect(eventsOf(events, 'notices.notice.published')).toHaveLength(1);

    const board = await call(cloud, 'GET', `/public/notices/${notice.noticeId}/entries`);
    expect(board.body.items.map((entry: { name: string }) => entry.name)).toEqual(['张**', '李**', '王**']);

    setClock('2018-10-27T09:00:00+08:00');
    const objection = await call(cloud, 'POST', `/public/notices/${notice.noticeId}/objections`, {
      body: { entryNo: 2, name: '村民甲', contact: '13900001111', reason: '该户家中新增病人，收入不稳定' },
    });
    expect(objection.status).toBe(201);

    // Window ends 24:00 on 31 October; the 00:05 job on 1 November closes it.
    setClock('2018-11-01T00:05:00+08:00');
    const run = await cloud.scheduler.run('notices', 'close-expired-windows');
    expect(run.ok).toBe(true);
    expect(run.result).toMatchObject({ closed: [notice.noticeId] });
    await cloud.drain();

    const closed = eventsOf(events, 'notices.window.closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]?.data).toMatchObject({
      requester: 'identification',
      requestId: 'exit-b1',
      context: { step: 'VILLAGE_NOTICE', batchId: 'b1' },
      entries: [
        { entryId: 'hh-1', outcome: 'clear' },
        { entryId: 'hh-2', outcome: 'held' },
        { entryId: 'hh-3', outcome: 'clear' },
      ],
    });
    const states = async () =>
      Object.fromEntries((await call(cloud, 'GET', '/fake-identification/households', { token: village })).body.items.map((h: { id: string; state: string }) => [h.id, h.state]));
    expect(await states()).toEqual({ 'hh-1': 'TOWN_ACCEPTANCE', 'hh-2': 'HELD', 'hh-3': 'TOWN_ACCEPTANCE' });

    // The closing run repeated: same result, no second event.
    const again = await cloud.scheduler.run('notices', 'close-expired-windows');
    expect(again.result).toMatchObject({ closed: [] });
    await cloud.drain();
    expect(eventsOf(events, 'notices.window.closed')).toHaveLength(1);
    expect(await states()).toEqual({ 'hh-1': 'TOWN_ACCEPTANCE', 'hh-2': 'HELD', 'hh-3': 'TOWN_ACCEPTANCE' });

    // The village investigates and rejects the objection: the held household proceeds.
    const objections = await call(cloud, 'GET', `/notices/${notice.noticeId}/objections`, { token: village });
    const objectionId = objections.body.items[0].objectionId;
    expect(
      (await call(cloud, 'POST', `/notices/${notice.noticeId}/objections/${objectionId}/investigation`, { token: village, body: { note: '入户核实：病人已康复，务工收入稳定' } }))
        .status,
    ).toBe(200);
    const decided = await call(cloud, 'POST', `/notices/${notice.noticeId}/objections/${objectionId}/decision`, {
      token: village,
      body: { outcome: 'rejected', reason: '经核实收入稳定达标，异议不成立' },
    });
    expect(decided.status).toBe(200);
    await cloud.drain();
    expect(eventsOf(events, 'notices.objection.decided').map((event) => event.data)).toEqual([
      expect.objectContaining({ entryId: 'hh-2', outcome: 'rejected', requester: 'identification', requestId: 'exit-b1' }),
    ]);
    expect((await states())['hh-2']).toBe('TOWN_ACCEPTANCE');
    expect(cloud.bus.deadLetters).toEqual([]);
  });
});
