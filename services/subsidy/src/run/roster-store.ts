import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '@jingzhun/platform';
import { lineKeys } from '../store/keys.js';
import { table } from '../store/table.js';
import type { RunItem, StoredLine } from './process.js';

/**
 * A village's stored lines of a period, page by page, optionally only a sort-key range (the run's
 * re-run diff reads a chunk's households; the roster exports read all).
 */
export async function* villageLines(period: string, village: string, range?: { from: string; to: string }): AsyncGenerator<StoredLine> {
  let start: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: range ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk',
        ExpressionAttributeValues: {
          ':pk': lineKeys.village(period, village).value,
          ...(range ? { ':from': range.from, ':to': range.to } : {}),
        },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of (page.Items ?? []) as StoredLine[]) yield item;
    start = page.LastEvaluatedKey;
  } while (start);
}

/** Streams a run's lines village by village (bounded pages; never the whole roster at once). */
export async function* runLines(run: Pick<RunItem, 'period' | 'villages' | 'runId'>): AsyncGenerator<StoredLine> {
  for (const village of run.villages) yield* villageLines(run.period, village);
}
