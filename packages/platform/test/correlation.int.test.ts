import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { defineContract, defineEvent, type EventEnvelope } from '@jingzhun/types';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { useTestTables } from '../../local-cloud/src/testing.js';
import { systemClock } from '../src/clock.js';
import { CORRELATION_HEADER } from '../src/correlation.js';
import { documentClient } from '../src/dynamo.js';
import { eventHandler, toDelivery } from '../src/events.js';
import { type HttpEvent, httpHandler } from '../src/http.js';
import { ulidGenerator } from '../src/ids.js';
import { defineTable } from '../src/table.js';
import { UnitOfWork } from '../src/unit-of-work.js';

const correlationTable = defineTable({ name: 'correlation', indexes: 1 });
const recorded = defineEvent('test.thing.recorded', z.object({ thingId: z.string() }));
const contract = defineContract({ id: 'recordThing', method: 'POST', path: '/things', summary: '记录', auth: 'public', body: z.object({ thingId: z.string() }) });
const lambdaContext = { awsRequestId: 'aws-request-0001', functionName: 'test' } as Context;

/**
 * One correlation id from the HTTP request through its audit entry and outbox envelope to the
 * consumer's own audit entry and events (issue 18): an operator follows one user action by one value.
 */
describe('correlation id (DynamoDB Local)', () => {
  let tables: Awaited<ReturnType<typeof useTestTables>>;
  const table = () => tables.names.correlation as string;
  const unitOfWork = (actor: { sub: string; role: string }) => new UnitOfWork({ table: table(), service: 'test', clock: systemClock, ids: ulidGenerator, actor });

  beforeAll(async () => {
    tables = await useTestTables(inject('dynamoEndpoint'), [correlationTable]);
  });
  afterAll(() => tables.drop());

  const record = httpHandler(contract, async ({ body, actor }) => {
    const uow = unitOfWork(actor);
    uow.audit({ subject: `THING#${body.thingId}`, action: 'RECORDED', after: body });
    uow.emit(recorded, `THING#${body.thingId}`, body);
    await uow.commit();
    return { ok: true };
  });
  const consume = eventHandler('test-consumer', async (event) => {
    const uow = unitOfWork({ sub: 'system', role: 'system' });
    uow.audit({ subject: `CONSUMED#${event.id}`, action: 'CONSUMED' });
    uow.emit(recorded, `CONSUMED#${event.id}`, { thingId: `after-${(event.data as { thingId: string }).thingId}` });
    await uow.commit();
  });

  function post(thingId: string, headers: Record<string, string>): HttpEvent {
    return {
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ thingId }),
      requestContext: { requestId: `gateway-${thingId}`, http: { method: 'POST', sourceIp: '127.0.0.1' } },
    } as unknown as HttpEvent;
  }

  async function itemsOf(thingPrefix: string) {
    const items = ((await documentClient().send(new ScanCommand({ TableName: table(), ConsistentRead: true }))).Items ?? []) as Record<string, unknown>[];
    const audits = items.filter((item) => item.entity === 'audit' && String(item.pk) === `AUDIT#${thingPrefix}`);
    const events = items.filter((item) => item.entity === 'outbox').map((item) => item.event as EventEnvelope);
    return { audits, events };
  }

  it("carries the caller's acceptable id into the response, the audit entry, the envelope and the consumer's writes", async () => {
    const response = await record(post('t1', { [CORRELATION_HEADER]: 'console-action-12345' }), lambdaContext);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers?.[CORRELATION_HEADER]).toBe('console-action-12345');
    const { audits, events } = await itemsOf('THING#t1');
    expect(audits.map((audit) => audit.correlationId)).toEqual(['console-action-12345']);
    const sent = events.find((event) => event.subject === 'THING#t1');
    expect(sent?.correlationId).toBe('console-action-12345');

    await consume(toDelivery(sent as EventEnvelope), lambdaContext);
    const after = await itemsOf(`CONSUMED#${sent?.id}`);
    expect(after.audits.map((audit) => audit.correlationId)).toEqual(['console-action-12345']);
    expect(after.events.find((event) => event.subject === `CONSUMED#${sent?.id}`)?.correlationId).toBe('console-action-12345');
  });

  it("falls back to the gateway's request id when the header is absent or unacceptable (spaces, too short, too long)", async () => {
    for (const [thingId, sent] of [
      ['t2', undefined],
      ['t3', 'has spaces in it'],
      ['t4', 'short'],
      ['t5', 'x'.repeat(129)],
    ] as const) {
      const response = await record(post(thingId, sent ? { [CORRELATION_HEADER]: sent } : {}), lambdaContext);
      expect(response.headers?.[CORRELATION_HEADER], thingId).toBe(`gateway-${thingId}`);
      const { audits, events } = await itemsOf(`THING#${thingId}`);
      expect(
        audits.map((audit) => audit.correlationId),
        thingId,
      ).toEqual([`gateway-${thingId}`]);
      expect(events.find((event) => event.subject === `THING#${thingId}`)?.correlationId, thingId).toBe(`gateway-${thingId}`);
    }
  });

  it('keeps two concurrent requests apart: each write carries its own id', async () => {
    await Promise.all([
      record(post('c1', { [CORRELATION_HEADER]: 'concurrent-one-0001' }), lambdaContext),
      record(post('c2', { [CORRELATION_HEADER]: 'concurrent-two-0002' }), lambdaContext),
    ]);
    expect((await itemsOf('THING#c1')).audits.map((audit) => audit.correlationId)).toEqual(['concurrent-one-0001']);
    expect((await itemsOf('THING#c2')).audits.map((audit) => audit.correlationId)).toEqual(['concurrent-two-0002']);
  });

  it('starts a correlation at the event itself when the event came from outside any request', async () => {
    const uow = unitOfWork({ sub: 'seed', role: 'system' });
    uow.emit(recorded, 'THING#seeded', { thingId: 'seeded' });
    await uow.commit();
    const seeded = (await itemsOf('none')).events.find((event) => event.subject === 'THING#seeded') as EventEnvelope;
    expect(seeded.correlationId).toBeUndefined();
    await consume(toDelivery(seeded), lambdaContext);
    expect((await itemsOf(`CONSUMED#${seeded.id}`)).audits.map((audit) => audit.correlationId)).toEqual([seeded.id]);
  });
});
