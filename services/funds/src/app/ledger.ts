import type { UnitOfWork } from '@jingzhun/platform';
import type { fundsApi } from '@jingzhun/types';
import type { z } from 'zod';
import { type Balances, type Movement, post } from '../domain/ledger.js';
import { entryKeys } from '../store/keys.js';

export type LedgerEntry = z.infer<typeof fundsApi.LedgerEntry>;

/**
 * Posts a movement (the domain checks it is covered, or throws and nothing is written) and queues
 * its entry; the caller writes the balances it returns with the items they live on, in the same
 * unit of work.
 */
export function postEntry(
  uow: UnitOfWork,
  balances: Balances,
  movement: Movement,
  entry: { entryId: string; fundId: string; on: string; by: string; projectId?: string; note?: string },
): Record<string, number> {
  const next = post(balances, movement);
  const at = uow.timestamp;
  const record: LedgerEntry = { ...entry, kind: movement.kind, from: movement.from, to: movement.to, amountFen: movement.amountFen, at };
  uow.create({ ...entryKeys.item(entry.fundId, at, entry.entryId), entity: 'entry', ...record });
  return next;
}
