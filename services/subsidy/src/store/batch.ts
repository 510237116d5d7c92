import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '@jingzhun/platform';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One group of at most 25 requests, UnprocessedItems retried with exponential backoff. */
async function writeGroup(tableName: string, group: WriteRequest[]): Promise<void> {
  let pending = group;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 12) throw new Error(`BatchWriteItem: ${pending.length} items still unprocessed after ${attempt} attempts`);
    const result = await documentClient().send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
    pending = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
  }
}

/**
 * Writes requests with BatchWriteItem: groups of 25, `parallelism` in flight, UnprocessedItems
 * retried with exponential backoff. Puts of deterministic keys are idempotent, so a retry or a
 * re-run writes no duplicates.
 */
export async function batchWrite(tableName: string, requests: WriteRequest[], parallelism = 8): Promise<void> {
  const groups: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) groups.push(requests.slice(i, i + 25));
  await mapConcurrently(groups, parallelism, (group) => writeGroup(tableName, group));
}

export type { WriteRequest };
