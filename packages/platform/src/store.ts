import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@jingzhun/types';
import { documentClient } from './dynamo.js';
import type { Key } from './unit-of-work.js';

export async function getItem<T>(table: string, key: Key, consistent = true): Promise<T | undefined> {
  const result = await documentClient().send(new GetCommand({ TableName: table, Key: key, ConsistentRead: consistent }));
  return result.Item as T | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

const badCursor = () => new DomainError('BAD_CURSOR', '分页游标无效，请从第一页重新查询', 400);

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** The query a cursor continues: its partition, the sort-key prefix it ranges over, and the GSI it reads. */
export interface CursorScope {
  partition: { name: string; value: string };
  sortKeyPrefix?: { name: string; value: string } | undefined;
  index?: string | undefined;
}

/**
 * Decodes a cursor into the ExclusiveStartKey of the query in `scope`, or refuses it with 400
 * BAD_CURSOR. A cursor is a position this query handed out: exactly the key attributes of an item
 * of its table or index (`pk`, `sk`, and `gsiNpk`, `gsiNsk` for a GSI; all keys are strings), in
 * the query's partition and within its sort-key prefix. Anything else (other keys, another
 * index's keys, another partition, a sort key outside the range, numbers, garbage) would either
 * reach data the query does not cover or make DynamoDB refuse the request, which was a 500.
 */
export function decodeCursor(cursor: string | undefined, scope: CursorScope): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw badCursor();
  const fields = key as Record<string, unknown>;
  const expected = scope.index ? ['pk', 'sk', `${scope.index}pk`, `${scope.index}sk`] : ['pk', 'sk'];
  const names = Object.keys(fields);
  if (names.length !== expected.length || !expected.every((name) => typeof fields[name] === 'string' && fields[name] !== '')) throw badCursor();
  const position = fields as Record<string, string>;
  if (position[scope.partition.name] !== scope.partition.value) throw badCursor();
  if (scope.sortKeyPrefix && !position[scope.sortKeyPrefix.name]?.startsWith(scope.sortKeyPrefix.value)) throw badCursor();
  return position;
}

/** Items read per round when a filter drops some, and the rounds a page may take. */
const FILTERED_ROUND_LIMIT = 200;
const MAX_FILTERED_ROUNDS = 10;

/**
 * One page of a key-condition query on `pk` (or a GSI's pk), with an opaque cursor. With a filter,
 * DynamoDB's Limit counts items read, not items kept, so the page is filled over several reads
 * (at most MAX_FILTERED_ROUNDS of FILTERED_ROUND_LIMIT items); a page cut in the middle of a read
 * continues after its last item.
 */
export async function queryPage<T>(options: {
  table: string;
  index?: string;
  partition: { name: string; value: string };
  sortKeyPrefix?: { name: string; value: string };
  limit: number;
  cursor?: string;
  forward?: boolean;
  filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
}): Promise<Page<T>> {
  const names: Record<string, string> = { '#pk': options.partition.name, ...(options.filter?.ExpressionAttributeNames ?? {}) };
  const values: Record<string, unknown> = { ':pk': options.partition.value, ...(options.filter?.ExpressionAttributeValues ?? {}) };
  let condition = '#pk = :pk';
  if (options.sortKeyPrefix) {
    names['#sk'] = options.sortKeyPrefix.name;
    values[':sk'] = options.sortKeyPrefix.value;
    condition += ' AND begins_with(#sk, :sk)';
  }
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined = decodeCursor(options.cursor, options);
  for (let round = 0; round < (options.filter ? MAX_FILTERED_ROUNDS : 1); round++) {
    const result = await documentClient().send(
      new QueryCommand({
        TableName: options.table,
        IndexName: options.index,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        FilterExpression: options.filter?.FilterExpression,
        Limit: options.filter ? FILTERED_ROUND_LIMIT : options.limit,
        ScanIndexForward: options.forward ?? true,
        ExclusiveStartKey: start,
      }),
    );
    const found = (result.Items ?? []) as Record<string, unknown>[];
    const room = options.limit - items.length;
    if (found.length > room) {
      items.push(...found.slice(0, room));
      return { items: items as T[], nextCursor: encodeCursor(keyOf(items[items.length - 1] as Record<string, unknown>, options.index)) as string };
    }
    items.push(...found);
    start = result.LastEvaluatedKey;
    if (!start || items.length === options.limit) break;
  }
  const nextCursor = encodeCursor(start);
  return { items: items as T[], ...(nextCursor ? { nextCursor } : {}) };
}

/** The position of an item in a query: the table key, plus the index key for a GSI (gsiN → gsiNpk/gsiNsk). */
function keyOf(item: Record<string, unknown>, index: string | undefined): Record<string, unknown> {
  const key: Record<string, unknown> = { pk: item.pk, sk: item.sk };
  if (index) {
    key[`${index}pk`] = item[`${index}pk`];
    key[`${index}sk`] = item[`${index}sk`];
  }
  return key;
}

/** Every item of a partition (bounded by `max` as a guard against unbounded reads). */
export async function queryAll<T>(options: {
  table: string;
  index?: string;
  partition: { name: string; value: string };
  sortKeyPrefix?: { name: string; value: string };
  max?: number;
}): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  const max = options.max ?? 10_000;
  do {
    const page: Page<T> = await queryPage<T>({ ...options, limit: 1000, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < max);
  return all;
}
