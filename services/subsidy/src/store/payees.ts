/**
 * This service's copy of the payees identification sends for each household (names, ID numbers,
 * 一卡通 accounts), read only by the bank export. The newest event wins; an older one arriving late
 * changes nothing.
 */
import { createHash } from 'node:crypto';
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
  /** The household's village (from the event's region). */
  village?: string;
}

export function applyPayees(uow: UnitOfWork, existing: PayeesItem | undefined, householdId: string, payees: Payee[], validFrom: string, village: string): void {
  if (existing && existing.validFrom > validFrom) return;
  uow.put({ ...payeeKeys.household(householdId), entity: 'payees', householdId, validFrom, payees, village });
  // The head's ID number → household index of the public payments lookup; a replaced head's entry goes.
  const before = existing ? headIdHash(existing.payees) : undefined;
  const after = headIdHash(payees);
  if (before && before !== after) uow.delete(payeeKeys.headId(before, householdId));
  if (after) uow.put({ ...payeeKeys.headId(after, householdId), entity: 'payee-head-id', householdId, village });
}

export function idNumberHash(idNumber: string): string {
  return createHash('sha256').update(idNumber.toUpperCase()).digest('hex');
}

/** The head of household's payee (relation 户主), as the public lookup matches it. */
export function headOf(payees: readonly Payee[]): Payee | undefined {
  return payees.find((payee) => payee.relation === 'head');
}

function headIdHash(payees: readonly Payee[]): string | undefined {
  const head = headOf(payees);
  return head ? idNumberHash(head.idNumber) : undefined;
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
