import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CommonErrors } from '@jingzhun/types';
import { documentClient } from './dynamo.js';

/**
 * Flood counters of the public routes (docs/security.md, "Public routes and limits"): one item per
 * subject and clock hour, in the service's own table, kept two hours by TTL.
 */

/** A caller address as counters key it: hashed, never stored as is. */
export function addressKey(address: string): string {
  return createHash('sha256').update(address).digest('hex').slice(0, 16);
}

/** The clock hour (UTC) a counter belongs to. */
export function hourBucket(now: Date): string {
  return now.toISOString().slice(0, 13);
}

/**
 * One request against an hourly limit: an atomic ADD on a counter item that expires with TTL
 * (`429 RATE_LIMITED` when the limit is reached; the refused request is not counted).
 */
export async function takeRate(tableName: string, key: { pk: string; sk: string }, limit: number, now: Date): Promise<void> {
  const expires = Math.floor(now.getTime() / 1000) + 2 * 3600;
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'ADD #count :one SET #ttl = :ttl, #entity = :entity',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl', '#entity': 'entity' },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': expires, ':entity': 'rate-counter' },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw CommonErrors.rateLimited();
    throw error;
  }
}
