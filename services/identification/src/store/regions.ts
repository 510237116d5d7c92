import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, getItem, queryAll, tableName } from '@jingzhun/platform';
import type { Region } from '../domain/regions.js';
import { regionKeys } from './keys.js';
import { identificationTable } from './table.js';

interface RegionItem extends Region {
  pk: string;
  sk: string;
  entity: 'region';
  version: number;
}

const table = () => tableName(identificationTable);

function toRegion(item: RegionItem): Region {
  const { pk: _pk, sk: _sk, entity: _e, version: _v, gsi1pk: _g1, gsi1sk: _g2, ...region } = item as RegionItem & Record<string, unknown>;
  return region as Region;
}

export async function getRegion(code: string): Promise<Region | undefined> {
  const item = await getItem<RegionItem>(table(), regionKeys.item(code));
  return item ? toRegion(item) : undefined;
}

export async function listChildren(code: string): Promise<Region[]> {
  const items = await queryAll<RegionItem>({ table: table(), index: 'gsi1', partition: regionKeys.childrenOf(code) });
  return items.map(toRegion);
}

/** Loads the directory (reference data, no workflow): plain batch writes, idempotent by key. */
export async function putRegions(regions: readonly Region[]): Promise<void> {
  for (let start = 0; start < regions.length; start += 25) {
    const chunk = regions.slice(start, start + 25);
    let requests = chunk.map((region) => ({
      PutRequest: {
        Item: {
          ...regionKeys.item(region.code),
          ...(region.parent ? regionKeys.childIndex(region.parent, region.code) : {}),
          entity: 'region',
          version: 1,
          ...region,
        },
      },
    }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      const result = await documentClient().send(new BatchWriteCommand({ RequestItems: { [table()]: requests } }));
      requests = (result.UnprocessedItems?.[table()] ?? []) as typeof requests;
      if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 6)));
    }
  }
}
