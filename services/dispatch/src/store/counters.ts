import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryAll, tableName } from '@jingzhun/platform';
import { parentRegion } from '@jingzhun/types';
import type { CounterRow } from '../domain/report.js';
import { counterKeys, METRIC_ATTRIBUTE_PREFIX } from './keys.js';
import { dispatchTable } from './table.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const table = () => tableName(dispatchTable);

/**
 * One atomic ADD of several metrics on the counter item of (region, month), for `uow.raw`.
 * The child index lets a report list the regions below a parent that have data in a month.
 */
export function counterUpdate(region: string, period: string, values: Record<string, number>): TransactItem {
  const names: Record<string, string> = { '#region': 'region', '#period': 'period', '#entity': 'entity' };
  const attributeValues: Record<string, unknown> = { ':region': region, ':period': period, ':entity': 'counter' };
  const adds: string[] = [];
  Object.entries(values)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .forEach(([metric, value], index) => {
      names[`#m${index}`] = counterKeys.attribute(metric);
      attributeValues[`:m${index}`] = value;
      adds.push(`#m${index} :m${index}`);
    });
  const sets = ['#entity = :entity', '#region = :region', '#period = :period'];
  const parent = parentRegion(region);
  if (parent) {
    const index = counterKeys.childIndex(parent, period, region);
    names['#g1pk'] = 'gsi1pk';
    names['#g1sk'] = 'gsi1sk';
    attributeValues[':g1pk'] = index.gsi1pk;
    attributeValues[':g1sk'] = index.gsi1sk;
    sets.push('#g1pk = :g1pk', '#g1sk = :g1sk');
  }
  return {
    Update: {
      TableName: table(),
      Key: counterKeys.item(region, period),
      UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: attributeValues,
    },
  };
}

function toRow(item: Record<string, unknown>): CounterRow {
  const values: Record<string, number> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key.startsWith(METRIC_ATTRIBUTE_PREFIX) && typeof value === 'number') values[key.slice(METRIC_ATTRIBUTE_PREFIX.length)] = value;
  }
  return { period: String(item.sk), values };
}

/** Every month's counters of a region (a region has at most a few hundred months). */
export async function countersOf(region: string): Promise<CounterRow[]> {
  const items = await queryAll<Record<string, unknown>>({ table: table(), partition: counterKeys.partition(region) });
  return items.map(toRow);
}

/** The regions directly below `parent` that have counters in `period`. */
export async function childrenWithCounters(parent: string, period: string): Promise<string[]> {
  const items = await queryAll<{ region: string }>({ table: table(), index: 'gsi1', partition: counterKeys.childrenOf(parent, period) });
  return items.map((item) => item.region);
}
