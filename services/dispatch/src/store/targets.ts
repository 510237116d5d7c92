import { getItem, queryAll, tableName, type UnitOfWork } from '@jingzhun/platform';
import { DOCUMENT_TARGETS as SEED_TARGETS } from '../domain/target-catalogue.js';
import { Target } from '../domain/targets.js';
import { targetKeys } from './keys.js';
import { dispatchTable } from './table.js';

const table = () => tableName(dispatchTable);

/** A target as served: stored edits over the seed rows; `version` 0 means "as loaded from the seed". */
export interface StoredTarget {
  target: Target;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

interface TargetItem {
  pk: string;
  sk: string;
  entity: 'target';
  version: number;
  target: Target;
  updatedAt: string;
  updatedBy: string;
}

const fromSeed = (target: Target): StoredTarget => ({ target, version: 0, updatedAt: null, updatedBy: null });
const fromItem = (item: TargetItem): StoredTarget => ({ target: Target.parse(item.target), version: item.version, updatedAt: item.updatedAt, updatedBy: item.updatedBy });

/** The targets of one jurisdiction, in code order. */
export async function targetsOf(jurisdiction: string): Promise<StoredTarget[]> {
  const items = await queryAll<TargetItem>({ table: table(), partition: targetKeys.partition(jurisdiction) });
  const byCode = new Map<string, StoredTarget>();
  for (const target of SEED_TARGETS) if (target.jurisdiction === jurisdiction) byCode.set(target.code, fromSeed(target));
  for (const item of items) byCode.set(item.sk, fromItem(item));
  return [...byCode.values()].sort((a, b) => (a.target.code < b.target.code ? -1 : 1));
}

export async function targetOf(jurisdiction: string, code: string): Promise<StoredTarget | undefined> {
  const item = await getItem<TargetItem>(table(), targetKeys.item(jurisdiction, code));
  if (item) return fromItem(item);
  const seed = SEED_TARGETS.find((t) => t.jurisdiction === jurisdiction && t.code === code);
  return seed ? fromSeed(seed) : undefined;
}

/** Stores a new version of a target and its history row; conditional on the version read. */
export function saveTarget(uow: UnitOfWork, before: StoredTarget | undefined, target: Target, by: string, reason: string): number {
  const key = targetKeys.item(target.jurisdiction, target.code);
  const version = (before?.version ?? 0) + 1;
  const item = { ...key, entity: 'target', target, updatedAt: uow.timestamp, updatedBy: by };
  if (!before || before.version === 0) uow.create(item);
  else uow.replace({ ...item, version: before.version });
  uow.create({
    ...targetKeys.history(target.jurisdiction, target.code, version),
    entity: 'target-history',
    targetVersion: version,
    target,
    previous: before?.target ?? null,
    reason,
    at: uow.timestamp,
    by,
  });
  return version;
}

export async function targetHistory(jurisdiction: string, code: string) {
  return queryAll<{ targetVersion: number; target: Target; previous: Target | null; reason: string; at: string; by: string }>({
    table: table(),
    partition: targetKeys.historyPartition(jurisdiction, code),
  });
}
