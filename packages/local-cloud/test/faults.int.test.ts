import { Readable } from 'node:stream';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { type HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { createDocumentClient, setDocumentClient } from '@jingzhun/platform/dynamo';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../src/testing.js';
import { manifest } from './fixture/manifest.js';

/**
 * Faults injected at the DynamoDB client the handlers use: throttling on every third request and a
 * transaction conflict on every second transaction. Requests still succeed through the SDK's
 * retries (throttling) and the unit of work's retry (conflicts), and no effect is doubled.
 */
class FaultyHandler extends NodeHttpHandler {
  requests = 0;
  transactions = 0;
  throttled = 0;
  conflicted = 0;

  override async handle(request: HttpRequest, options?: Parameters<NodeHttpHandler['handle']>[1]) {
    const target = String(request.headers['x-amz-target'] ?? '');
    if (target.endsWith('TransactWriteItems') && this.transactions++ % 2 === 0) {
      this.conflicted++;
      return fault('com.amazonaws.dynamodb.v20120810#TransactionCanceledException', 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]', {
        CancellationReasons: [{ Code: 'TransactionConflict', Message: 'injected conflict' }],
      });
    }
    if (this.requests++ % 3 === 0) {
      this.throttled++;
      return fault('com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', 'injected throttling');
    }
    return super.handle(request, options);
  }
}

function fault(type: string, message: string, extra: Record<string, unknown> = {}) {
  const body = JSON.stringify({ __type: type, message, ...extra });
  return {
    response: new HttpResponse({
      statusCode: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(Buffer.byteLength(body)) },
      body: Readable.from([Buffer.from(body)]),
    }),
  };
}

describe('faults injected at the DynamoDB client', () => {
  let cloud: LocalCloud;
  let token: string;
  const faulty = new FaultyHandler();

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { relayIntervalMs: 60_000 });
    token = await cloud.login('county');
    setDocumentClient(createDocumentClient(cloud.endpoint, { requestHandler: faulty, retryStrategy: undefined }));
  });
  afterAll(async () => {
    setDocumentClient(undefined);
    await cloud.stop();
  });

  it('retries throttled requests and conflicting transactions without doubling any effect', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `f${i}`);
    const responses = await Promise.all(ids.map((noteId) => call(cloud, 'POST', '/fixture/notes', { token, body: { noteId, text: noteId } })));
    expect(responses.map((response) => response.status)).toEqual(ids.map(() => 201));
    expect(faulty.throttled).toBeGreaterThan(0);
    expect(faulty.conflicted).toBeGreaterThan(0);

    // Subscribers go through the same faulty client.
    await cloud.drain();
    const items = (await createDocumentClient(cloud.endpoint).send(new ScanCommand({ TableName: cloud.tableName('fixture'), ConsistentRead: true }))).Items ?? [];
    expect(items.filter((item) => item.entity === 'note')).toHaveLength(12);
    expect(items.filter((item) => item.entity === 'audit')).toHaveLength(12);
    expect(items.filter((item) => item.entity === 'outbox')).toHaveLength(12);
    expect(items.find((item) => item.pk === 'COUNTER')?.count).toBe(12);
    expect(cloud.bus.deadLetters).toEqual([]);
  });
});
