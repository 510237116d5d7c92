import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CommonErrors } from '@jingzhun/types';
import { documentClient } from './dynamo.js';

/**
 * One request against an hourly limit: an atomic ADD on a counter item of `tableName` that expires
 * with TTL two hours later (`429 RATE_LIMITED` when the limit is reached; the refused request is
 * not counted). The caller's key names what is counted and the hour, e.g.
 * `{ pk: 'RATE#lookup#<sub>', sk: '2026-12-04T09' }`.
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
