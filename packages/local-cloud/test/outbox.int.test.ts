import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createDynamoClient } from '@jingzhun/platform/dynamo';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalBus } from '../src/bus.js';
import { LocalRelay } from '../src/relay.js';
import { call, type LocalCloud, startTestCloud } from '../src/testing.js';
import { manifest } from './fixture/manifest.js';

describe('transactional outbox through DynamoDB Local streams', () => {
  let cloud: LocalCloud;
  let token: string;
  const documents = () => createDocumentClient(cloud.endpoint);
  const scan = async () => (await documents().send(new ScanCommand({ TableName: cloud.tableName('fixture'), ConsistentRead: true }))).Items ?? [];
  const counter = async () => (await scan()).find((item) => item.pk === 'COUNTER')?.count;

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { relayMode: 'manual' });
    token = await cloud.login('county');
  });
  afterAll(() => cloud.stop());

  it('writes state, audit record and outbox event in one transaction', async () => {
    const response = await call(cloud, 'POST', '/fixture/notes', { token, body: { noteId: 'n1', text: '第一条' } });
    expect(response.status).toBe(201);
    const items = await scan();
    expect(items.find((item) => item.pk === 'NOTE#n1')).toMatchObject({ entity: 'note', version: 1, text: '第一条' });
    expect(items.filter((item) => item.entity === 'audit' && item.pk === 'AUDIT#NOTE#n1')).toHaveLength(1);
    const outbox = items.filter((item) => item.entity === 'outbox');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.event).toMatchObject({ type: 'fixture.note.created', source: 'fixture', data: { noteId: 'n1' } });
  });

  it('writes nothing when the transaction fails', async () => {
    const before = (await scan()).length;
    const duplicate = await call(cloud, 'POST', '/fixture/notes', { token, body: { noteId: 'n1', text: '重复' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ code: 'ALREADY_EXISTS', message: '便签已存在' });
    const invalid = await call(cloud, 'POST', '/fixture/notes', { token, body: { noteId: 'bad id!', text: 'x' } });
    expect(invalid.status).toBe(400);
    const wrongRole = await call(cloud, 'POST', '/fixture/notes', { token: await cloud.login('town-nigou'), body: { noteId: 'n9', text: 'x' } });
    expect(wrongRole.status).toBe(403);
    expect((await scan()).length).toBe(before);
  });

  it('delivers the event to its subscriber through the stream, once', async () => {
    await cloud.drain();
    expect(await counter()).toBe(1);
    await cloud.drain();
    expect(await counter()).toBe(1);
  });

  it('ignores a repeated delivery of the same event (idempotent consumer)', async () => {
    const outbox = (await scan()).find((item) => item.entity === 'outbox');
    await cloud.bus.publish(outbox?.event);
    await cloud.bus.publish(outbox?.event);
    expect(await counter()).toBe(1);
    expect(cloud.bus.deadLetters).toHaveLength(0);
  });

  it('resumes from its checkpoint after a relay restart and delivers every event exactly once', async () => {
    await cloud.relay.stop();
    for (const id of ['n2', 'n3', 'n4']) expect((await call(cloud, 'POST', '/fixture/notes', { token, body: { noteId: id, text: id } })).status).toBe(201);
    // A fresh relay (as after a restart of npm start) reads the same stream from the saved checkpoint.
    const dynamo = createDynamoClient(cloud.endpoint);
    const seen: string[] = [];
    const bus = new LocalBus([]);
    bus.onEvent((envelope) => seen.push((envelope.data as { noteId: string }).noteId));
    const checkpointTable = cloud.tableName('fixture').replace('fixture-notes', 'local-cloud');
    const restarted = LocalRelay.create(cloud.endpoint, dynamo, documents(), [cloud.tableName('fixture')], checkpointTable, bus);
    await restarted.drain();
    expect(seen).toEqual(['n2', 'n3', 'n4']);
    // And the real subscribers, fed by the original relay, see each of them once.
    await cloud.relay.drain();
    expect(await counter()).toBe(4);
    dynamo.destroy();
  });

  it('runs a manifest job on demand with the scheduler payload', async () => {
    const run = await cloud.scheduler.run('fixture', 'tick', { scheduledTime: '2019-03-01T01:00:00.000Z' });
    expect(run).toMatchObject({ ok: true, result: { ran: 'tick', at: '2019-03-01T01:00:00.000Z' } });
  });
});
