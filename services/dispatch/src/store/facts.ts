import { getItem, queryAll, tableName, type UnitOfWork } from '@jingzhun/platform';
import type { AidCaseFact } from '../domain/casework-projection.js';
import type { AssessmentFact, FactKind, FactRef, FactWrite, MonitoringCase } from '../domain/projection.js';
import { factKeys } from './keys.js';
import { dispatchTable } from './table.js';

const table = () => tableName(dispatchTable);

interface FactItem {
  pk: string;
  sk: string;
  entity: 'fact';
  kind: FactKind;
  version: number;
  data: Record<string, unknown>;
}

export async function loadFacts(refs: readonly FactRef[]): Promise<Map<string, FactItem>> {
  const loaded = new Map<string, FactItem>();
  for (const ref of refs) {
    const item = await getItem<FactItem>(table(), factKeys.item(ref.kind, ref.id));
    if (item) loaded.set(`${ref.kind}#${ref.id}`, item);
  }
  return loaded;
}

function indexOf(write: FactWrite): Record<string, string> {
  if (write.kind === 'monitoring') {
    const data = write.data as unknown as MonitoringCase;
    return factKeys.monitoringIndex(data.county, data.signalledOn, data.householdId);
  }
  if (write.kind === 'aid-case') {
    const data = write.data as unknown as AidCaseFact;
    return factKeys.aidIndex(data.county, data.openedOn, data.aidId);
  }
  if (write.kind === 'assessment') {
    const data = write.data as unknown as AssessmentFact;
    return factKeys.assessmentIndex(data.district, data.year, data.assessmentId);
  }
  return {};
}

/** Writes a fact conditional on the version it was read at, so two events on one entity serialise. */
export function writeFact(uow: UnitOfWork, write: FactWrite, before: FactItem | undefined): void {
  const item = { ...factKeys.item(write.kind, write.id), ...indexOf(write), entity: 'fact', kind: write.kind, data: write.data };
  if (before) uow.replace({ ...item, version: before.version });
  else uow.create(item);
}

export async function monitoringCasesOf(county: string): Promise<MonitoringCase[]> {
  const items = await queryAll<FactItem>({ table: table(), index: 'gsi1', partition: factKeys.monitoringOf(county) });
  return items.map((item) => item.data as unknown as MonitoringCase);
}

export async function assessmentsOf(district: string): Promise<AssessmentFact[]> {
  const items = await queryAll<FactItem>({ table: table(), index: 'gsi1', partition: factKeys.assessmentsOf(district) });
  return items.map((item) => item.data as unknown as AssessmentFact);
}

export async function aidCasesOf(county: string): Promise<AidCaseFact[]> {
  const items = await queryAll<FactItem>({ table: table(), index: 'gsi1', partition: factKeys.aidOf(county) });
  return items.map((item) => item.data as unknown as AidCaseFact);
}
