import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@jingzhun/platform/dynamo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../src/cloud.js';
import { call } from '../src/testing.js';
import { manifest } from './fixture/manifest.js';

/**
 * `npm start` keeps its data in a folder (DynamoDB Local -dbPath). When DynamoDB Local dies
 * (killed here with SIGKILL), the local cloud starts it again on the same port and data: nothing
 * committed is lost, and every event is still delivered exactly once (checkpoints and consumer
 * marks are in the tables too). A whole restart of the local cloud on the same folder likewise.
 */
describe('DynamoDB Local restarted under the local cloud (data folder)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jz-restart-'));
  let cloud: LocalCloud;
  let token: string;
  const options = { services: [manifest], port: 0, dataDir, scheduler: false, relayIntervalMs: 100 };

  const scan = async () => {
    const documents = createDocumentClient(cloud.endpoint);
    const items = (await documents.send(new ScanCommand({ TableName: cloud.tableName('fixture'), ConsistentRead: true }))).Items ?? [];
    documents.destroy();
    return items;
  };
  const notes = async (ids: string[]) => {
    for (const noteId of ids) expect((await call(cloud, 'POST', '/fixture/notes', { token, body: { noteId, text: noteId } })).status).toBe(201);
  };

  beforeAll(async () => {
    cloud = await startLocalCloud(options);
    token = await cloud.login('county');
  });
  afterAll(async () => {
    await cloud?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing committed when DynamoDB Local is killed, and delivers every event once', async () => {
    await notes(['a1', 'a2', 'a3']);
    await cloud.drain();
    const first = cloud.dynamoLocal();
    process.kill(first?.pid as number, 'SIGKILL');
    // The supervisor brings it back on the same port; wait until it answers again.
    for (let i = 0; i < 100 && cloud.dynamoLocal() === first; i++) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cloud.dynamoLocal()).not.toBe(first);
    await notes(['b1', 'b2']);
    await cloud.drain();
    const items = await scan();
    expect(
      items
        .filter((item) => item.entity === 'note')
        .map((item) => item.pk)
        .sort(),
    ).toEqual(['NOTE#a1', 'NOTE#a2', 'NOTE#a3', 'NOTE#b1', 'NOTE#b2']);
    expect(items.filter((item) => item.entity === 'audit')).toHaveLength(5);
    expect(items.find((item) => item.pk === 'COUNTER')?.count).toBe(5);
  });

  it('starts again on the same folder with the data and the delivery positions', async () => {
    await cloud.stop();
    cloud = await startLocalCloud(options);
    token = await cloud.login('county');
    await notes(['c1']);
    await cloud.drain();
    const items = await scan();
    expect(items.filter((item) => item.entity === 'note')).toHaveLength(6);
    expect(items.find((item) => item.pk === 'COUNTER')?.count).toBe(6);
  });

  it('keeps an event that failed past its retries across a restart, and a redrive delivers it once', async () => {
    const counter = async () => (await scan()).find((item) => item.pk === 'COUNTER')?.count as number;
    const before = await counter();
    process.env.JZ_FIXTURE_COUNTER_DOWN = '1';
    try {
      await notes(['d1']);
      await cloud.drain();
      const letters = await call(cloud, 'GET', '/dev/events/dead-letters');
      expect(letters.body.items).toMatchObject([{ subscriber: 'fixture-countNotes', envelope: { type: 'fixture.note.created', data: { noteId: 'd1' } } }]);
      // A redrive while the consumer still fails keeps the letter.
      expect((await call(cloud, 'POST', '/dev/events/redrive')).body).toEqual({ redelivered: 0, failed: 1, deadLetters: 1 });
      await cloud.stop();
    } finally {
      delete process.env.JZ_FIXTURE_COUNTER_DOWN;
    }
    cloud = await startLocalCloud(options);
    expect(await counter()).toBe(before);
    expect((await call(cloud, 'GET', '/dev/events/dead-letters')).body.items).toHaveLength(1);
    expect((await call(cloud, 'POST', '/dev/events/redrive')).body).toEqual({ redelivered: 1, failed: 0, deadLetters: 0 });
    expect(await counter()).toBe(before + 1);
    expect((await call(cloud, 'POST', '/dev/events/redrive')).body).toEqual({ redelivered: 0, failed: 0, deadLetters: 0 });
    expect((await call(cloud, 'GET', '/dev/events/dead-letters')).body.items).toEqual([]);
    expect(await counter()).toBe(before + 1);
  });
});
