import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, getItem } from '@jingzhun/platform';
import type { HitItem } from './households.js';
import { table } from './households.js';
import { householdKeys, idGuardKey } from './keys.js';

export interface IdGuard {
  idNumber: string;
  householdId: string;
  memberId: string;
}

/** Looks up the ID-number guards of many people (100 keys per BatchGet). */
export async function findGuards(idNumbers: readonly string[]): Promise<Map<string, IdGuard>> {
  const found = new Map<string, IdGuard>();
  for (let start = 0; start < idNumbers.length; start += 100) {
    let keys: Record<string, unknown>[] = idNumbers.slice(start, start + 100).map(idGuardKey);
    for (let attempt = 0; keys.length > 0 && attempt < 8; attempt++) {
      const result = await documentClient().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of result.Responses?.[table()] ?? []) {
        const idNumber = String(item.pk).slice('IDNUM#'.length);
        found.set(idNumber, { idNumber, householdId: item.householdId as string, memberId: item.memberId as string });
      }
      keys = (result.UnprocessedKeys?.[table()]?.Keys ?? []) as Record<string, unknown>[];
      if (keys.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
  return found;
}

export async function loadHit(householdId: string, hitId: string): Promise<HitItem | undefined> {
  return getItem<HitItem>(table(), householdKeys.hit(householdId, hitId));
}
