import { getItem, queryAll, queryPage } from '@jingzhun/platform';
import { CommonErrors } from '@jingzhun/types';
import { table } from './table.js';

type Key = { pk: string; sk: string };
const STORAGE = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'entity', 'createdAt', 'updatedAt', 'ttl']);

/** The record without its storage attributes (keys, entity, timestamps); `version` stays. */
export function strip<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE.has(name))) as T;
}

export async function read<T>(key: Key): Promise<T | undefined> {
  const item = await getItem<Record<string, unknown>>(table(), key);
  return item ? strip<T>(item) : undefined;
}

export async function readOrFail<T>(key: Key, what: string): Promise<T> {
  const found = await read<T>(key);
  if (!found) throw CommonErrors.notFound(what);
  return found;
}

export async function readAll<T>(options: {
  index?: string;
  partition: { name: string; value: string };
  sortKeyPrefix?: { name: string; value: string } | undefined;
}): Promise<T[]> {
  const items = await queryAll<Record<string, unknown>>({
    table: table(),
    ...(options.index ? { index: options.index } : {}),
    partition: options.partition,
    ...(options.sortKeyPrefix ? { sortKeyPrefix: options.sortKeyPrefix } : {}),
    max: 5000,
  });
  return items.map((item) => strip<T>(item));
}

export async function readPage<T>(options: { partition: { name: string; value: string }; limit: number; cursor?: string | undefined }) {
  const page = await queryPage<Record<string, unknown>>({
    table: table(),
    partition: options.partition,
    limit: options.limit,
    ...(options.cursor ? { cursor: options.cursor } : {}),
  });
  return { items: page.items.map((item) => strip<T>(item)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
