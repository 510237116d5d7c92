import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useTestTables } from '../../local-cloud/src/testing.js';
import { documentClient } from '../src/dynamo.js';
import { encodeCursor, queryPage } from '../src/store.js';
import { defineTable } from '../src/table.js';

const pagesTable = defineTable({ name: 'pages', indexes: 1 });

/** Paging over DynamoDB Local when a filter drops items: pages are full and nothing is lost or repeated. */
describe('queryPage (DynamoDB Local)', () => {
  let tables: Awaited<ReturnType<typeof useTestTables>>;
  const name = () => tables.names.pages as string;

  beforeAll(async () => {
    tables = await useTestTables(inject('dynamoEndpoint'), [pagesTable]);
    const items = Array.from({ length: 450 }, (_, i) => ({ pk: `ITEM#${i}`, sk: 'ITEM', gsi1pk: 'ALL', gsi1sk: String(i).padStart(4, '0'), kept: i % 3 === 0 }));
    for (let i = 0; i < items.length; i += 25) {
      await documentClient().send(new BatchWriteCommand({ RequestItems: { [name()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
  });
  afterAll(() => tables.drop());

  async function allPages(limit: number, filtered: boolean) {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await queryPage<{ gsi1sk: string }>({
        table: name(),
        index: 'gsi1',
        partition: { name: 'gsi1pk', value: 'ALL' },
        limit,
        ...(cursor ? { cursor } : {}),
        ...(filtered ? { filter: { FilterExpression: '#kept = :yes', ExpressionAttributeNames: { '#kept': 'kept' }, ExpressionAttributeValues: { ':yes': true } } } : {}),
      });
      pages.push(page.items.map((item) => item.gsi1sk));
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }

  it('fills every page but the last when a filter keeps one item in three', async () => {
    const pages = await allPages(20, true);
    const keys = pages.flat();
    expect(keys).toEqual(Array.from({ length: 150 }, (_, i) => String(i * 3).padStart(4, '0')));
    expect(pages.slice(0, -1).every((page) => page.length === 20)).toBe(true);
  });

  it('pages without a filter by the limit', async () => {
    const pages = await allPages(100, false);
    expect(pages.map((page) => page.length)).toEqual([100, 100, 100, 100, 50]);
    expect(new Set(pages.flat()).size).toBe(450);
  });

  it('answers a cursor outside the query (another sort-key range, another index) with 400 BAD_CURSOR, not a DynamoDB error', async () => {
    const query = { table: name(), partition: { name: 'pk', value: 'ITEM#1' }, sortKeyPrefix: { name: 'sk', value: 'IT' }, limit: 10 };
    expect((await queryPage(query)).items).toHaveLength(1);
    for (const key of [
      { pk: 'ITEM#1', sk: 'ZZZ' },
      { pk: 'ITEM#1', sk: 'ITEM', gsi1pk: 'ALL', gsi1sk: '0001' },
      { pk: 'ITEM#1', sk: 5 },
    ]) {
      await expect(queryPage({ ...query, cursor: encodeCursor(key) as string }), JSON.stringify(key)).rejects.toMatchObject({ code: 'BAD_CURSOR', status: 400 });
    }
  });
});
