import { createHash } from 'node:crypto';
import { getItem, tableName, type UnitOfWork } from '@jingzhun/platform';
import { reportKeys } from './keys.js';
import { dispatchTable } from './table.js';

const table = () => tableName(dispatchTable);

export interface StoredReport {
  region: string;
  kind: string;
  period: string;
  /** The report data exactly as built (JSON text): byte-identical for the same facts. */
  data: string;
  digest: string;
  runId: string;
  version: number;
}

export const digestOf = (data: string) => createHash('sha256').update(data).digest('hex');

export async function reportOf(region: string, kind: string, period: string): Promise<StoredReport | undefined> {
  return getItem<StoredReport>(table(), reportKeys.item(region, kind, period));
}

/**
 * Stores a built report. Idempotent: the same data leaves the stored report untouched (returns
 * false); changed data replaces it conditional on the version read.
 */
export function saveReport(uow: UnitOfWork, before: StoredReport | undefined, report: Omit<StoredReport, 'version' | 'digest'>): boolean {
  const digest = digestOf(report.data);
  if (before && before.digest === digest) return false;
  const item = { ...reportKeys.item(report.region, report.kind, report.period), entity: 'report', ...report, digest };
  if (before) uow.replace({ ...item, version: before.version });
  else uow.create(item);
  return true;
}
