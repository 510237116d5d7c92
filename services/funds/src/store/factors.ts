import type { UnitOfWork } from '@jingzhun/platform';
import type { FactorSetRecord } from '../app/records.js';
import { DEFAULT_FACTOR_SET } from '../domain/allocation.js';
import { factorKeys } from './keys.js';
import { readAll } from './records.js';

/** Every version of a county's factor set, oldest first (none stored: the default, version 1, is in force). */
export async function factorSetsOf(county: string): Promise<FactorSetRecord[]> {
  // The item's own `version` is the unit of work's; the set's version is kept as `setVersion`.
  const items = await readAll<FactorSetRecord & { setVersion: number }>({ partition: factorKeys.partition(county) });
  return items.map(({ setVersion, ...set }) => ({ ...set, version: setVersion }));
}

/**
 * Writes a new version; the first stored version also stores the default it replaces, so the
 * history shows what allocations made before it used. Each version must not exist yet: two
 * concurrent edits of the same version make one fail.
 */
export function factorSetVersion(uow: UnitOfWork, county: string, set: FactorSetRecord, first: boolean): void {
  if (first)
    uow.create({
      ...factorKeys.version(county, DEFAULT_FACTOR_SET.version),
      entity: 'factor-set',
      ...DEFAULT_FACTOR_SET,
      setVersion: DEFAULT_FACTOR_SET.version,
      by: '系统默认',
      at: uow.timestamp,
    });
  uow.create({ ...factorKeys.version(county, set.version), entity: 'factor-set', ...set, setVersion: set.version });
}
