import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { EventEnvelope } from '@jingzhun/types';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from './logger.js';

/** Outbox envelopes in a batch of stream records (new outbox items only). */
export function outboxEnvelopes(records: DynamoDBStreamEvent['Records']): { sequence: string; envelope: EventEnvelope }[] {
  const found: { sequence: string; envelope: EventEnvelope }[] = [];
  for (const record of records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
    if (item.entity !== 'outbox') continue;
    found.push({ sequence: record.dynamodb.SequenceNumber ?? '', envelope: item.event as EventEnvelope });
  }
  return found;
}

const bus = new EventBridgeClient({});

/**
 * Cloud adapter of the outbox: forwards new outbox items from a table's stream to the EventBridge
 * bus. Failed entries are reported back so Lambda retries from that record (partial batch response).
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const busName = process.env.JZ_EVENT_BUS;
  if (!busName) throw new Error('JZ_EVENT_BUS is not set');
  const envelopes = outboxEnvelopes(event.Records);
  for (let start = 0; start < envelopes.length; start += 10) {
    const chunk = envelopes.slice(start, start + 10);
    const entries: PutEventsRequestEntry[] = chunk.map(({ envelope }) => ({
      EventBusName: busName,
      Source: `jingzhun.${envelope.source}`,
      DetailType: envelope.type,
      Detail: JSON.stringify(envelope),
      Time: new Date(envelope.occurredAt),
    }));
    const result = await bus.send(new PutEventsCommand({ Entries: entries }));
    const failedAt = (result.Entries ?? []).findIndex((entry) => entry.ErrorCode);
    if (failedAt >= 0) {
      logger.warn('event bus rejected an entry; retrying from it', { eventId: chunk[failedAt]?.envelope.id });
      return { batchItemFailures: [{ itemIdentifier: chunk[failedAt]?.sequence ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}
