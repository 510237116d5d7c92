import { getItem, queryAll, tableName, type UnitOfWork } from '@jingzhun/platform';
import type { FilingForm, FilingRecord } from '../domain/filings.js';
import { filingKeys } from './keys.js';
import { dispatchTable } from './table.js';

const table = () => tableName(dispatchTable);
const filerKey = (form: FilingForm, filer: string) => `${form}#${filer}`;

interface FilingItem extends FilingRecord {
  pk: string;
  sk: string;
  entity: 'filing';
  version: number;
}

const strip = ({ pk: _pk, sk: _sk, entity: _e, version: _v, createdAt: _c, updatedAt: _u, ...record }: FilingItem & { createdAt?: string; updatedAt?: string }): FilingRecord =>
  record;

export async function filingOf(jurisdiction: string, period: string, form: FilingForm, filer: string): Promise<(FilingRecord & { version: number }) | undefined> {
  const item = await getItem<FilingItem>(table(), filingKeys.item(jurisdiction, period, filerKey(form, filer)));
  return item ? { ...strip(item), version: item.version } : undefined;
}

export async function filingsOf(jurisdiction: string, period: string): Promise<FilingRecord[]> {
  const items = await queryAll<FilingItem>({ table: table(), partition: filingKeys.partition(jurisdiction, period) });
  return items.map(strip);
}

/** A first filing (must not exist) or a correction (conditional on the version read), with its history row. */
export function saveFiling(uow: UnitOfWork, record: FilingRecord, before: { version: number } | undefined, onExists: Error & { code?: string }): number {
  const sk = filerKey(record.form, record.filer);
  const item = { ...filingKeys.item(record.jurisdiction, record.period, sk), entity: 'filing', ...record };
  const version = (before?.version ?? 0) + 1;
  if (before) uow.replace({ ...item, version: before.version });
  else uow.create(item, onExists as never);
  uow.create({ ...filingKeys.history(record.jurisdiction, record.period, sk, version), entity: 'filing-history', filingVersion: version, ...record });
  return version;
}

export async function filingHistory(jurisdiction: string, period: string, form: FilingForm, filer: string) {
  return queryAll<FilingRecord & { filingVersion: number }>({ table: table(), partition: filingKeys.historyPartition(jurisdiction, period, filerKey(form, filer)) });
}
