import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '@jingzhun/platform';
import { lineKeys } from '../store/keys.js';
import { table } from '../store/table.js';
import type { RunItem, StoredLine } from './process.js';

/** Streams a run's lines village by village (bounded pages; never the whole roster at once). */
export async function* runLines(run: Pick<RunItem, 'period' | 'villages' | 'runId'>): AsyncGenerator<StoredLine> {
  for (const village of run.villages) {
    let start: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await documentClient().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: {
            ':pk': lineKeys.village(run.period, village).value,
          },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of (page.Items ?? []) as StoredLine[]) yield item;
      start = page.LastEvaluatedKey;
    } while (start);
  }
}
