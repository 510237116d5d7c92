/**
 * This service's copy of the payees identification sends for each household (names, ID numbers,
 * 一卡通 accounts), read only by the bank export. The newest event wins; an older one arriving late
 * changes nothing.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, type UnitOfWork } from '@jingzhun/platform';
import type { Payee } from '../domain/payment.js';
import { payeeKeys } from './keys.js';
import { table } from './table.js';

export interface PayeesItem {
  pk: string;
  sk: string;
  entity: 'payees';
  householdId: string;
  validFrom: string;
  payees: Payee[];
}

export function applyPayees(uow: UnitOfWork, existing: PayeesItem | undefined, householdId: string, payees: Payee[], validFrom: string): void {
  if (existing && existing.validFrom > validFrom) return;
  uow.put({ ...payeeKeys.household(householdId), entity: 'payees', householdId, validFrom, payees });
}

/** The payees of many households (BatchGet, 100 keys a request, unprocessed keys retried). */
export async function loadPayees(householdIds: Iterable<string>): Promise<Map<string, Payee[]>> {
  const ids = [...new Set(householdIds)];
  const found = new Map<string, Payee[]>();
  for (let start = 0; start < ids.length; start += 100) {
    let keys: Record<string, unknown>[] = ids.slice(start, start + 100).map(payeeKeys.household);
    for (let attempt = 0; keys.length > 0 && attempt < 8; attempt++) {
      const result = await documentClient().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of (result.Responses?.[table()] ?? []) as PayeesItem[]) found.set(item.householdId, item.payees);
      keys = (result.UnprocessedKeys?.[table()]?.Keys ?? []) as Record<string, unknown>[];
      if (keys.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
  return found;
}
