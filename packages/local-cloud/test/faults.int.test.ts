import { Readable } from 'node:stream';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, setDocumentClient } from '@jingzhun/platform/dynamo';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, type LocalCloud, startTestCloud } from '../src/testing.js';
import { manifest } from './fixture/manifest.js';

/**
 * Faults injected at the DynamoDB client the handlers use: every third request is throttled on its
 * first attempt, and every other transaction conflicts on its first attempt. Requests still succeed
 * through the SDK's retries (throttling) and the unit of work's retry (conflicts), and no effect
 * is doubled. Faults hit first attempts only, so the outcome does not depend on timing.
 */
class FaultyHandler extends NodeHttpHandler {
  private readonly seen = new Set<string>();
  private distinct = 0;
  throttled = 0;
  conflicted = 0;

  override async handle(...[request, options]: Parameters<NodeHttpHandler['handle']>) {
    const target = String(request.headers['x-amz-target'] ?? '');
    const signature = `${target}|${requestSignature(request.body)}`;
    const firstAttempt = !this.seen.has(signature);
    this.seen.add(signature);
    if (firstAttempt && this.distinct++ % 3 === 0) {
      this.throttled++;
      return fault('com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', 'injected throttling');
    }
    if (firstAttempt && target.endsWith('TransactWriteItems')) {
      this.conflicted++;
      return fault(
        'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
        {
          CancellationReasons: [{ Code: 'TransactionConflict', Message: 'injected conflict' }],
        },
      );
    }
    return super.handle(request, options);
  }
}

/** The request body without the idempotency token the SDK draws anew for every attempt. */
function requestSignature(body: unknown): string {
  const text = typeof body === 'string' ? body : Buffer.from(body as Uint8Array).toString('utf8');
  const { ClientRequestToken: _token, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(rest);
}

function fault(type: string, message: string, extra: Record<string, unknown> = {}) {
  const body = JSON.stringify({ __type: type, message, ...extra });
  return {
    // The SDK reads any object with a status code, headers and a body stream as a response.
    response: {
      statusCode: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(Buffer.byteLength(body)) },
      body: Readable.from([Buffer.from(body)]),
    },
  };
}

describe('faults injected at the DynamoDB client', () => {
  let cloud: LocalCloud;
  let token: string;
  const faulty = new FaultyHandler();

  beforeAll(async () => {
    cloud = await startTestCloud(inject('dynamoEndpoint'), [manifest], { relayMode: 'manual' });
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
