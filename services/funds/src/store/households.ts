import type { UnitOfWork } from '@jingzhun/platform';
import type { BenefitRecord, HouseholdRecord } from '../app/records.js';
import { householdKeys } from './keys.js';
import { read, readAll } from './records.js';

export async function householdsByIds(ids: readonly string[]): Promise<Map<string, HouseholdRecord>> {
  const found = await Promise.all([...new Set(ids)].map((id) => read<HouseholdRecord>(householdKeys.item(id))));
  return new Map(found.filter((h): h is HouseholdRecord => h !== undefined).map((h) => [h.householdId, h]));
}

export function writeHousehold(uow: UnitOfWork, household: Omit<HouseholdRecord, 'version'>): void {
  uow.put({ ...householdKeys.item(household.householdId), ...householdKeys.index(household.region, household.householdId), entity: 'household', ...household, version: 1 });
}

/** The households funds knows in a village (for choosing beneficiaries). */
export async function householdsIn(village: string): Promise<HouseholdRecord[]> {
  return readAll<HouseholdRecord>({ index: 'gsi1', partition: householdKeys.ofVillage(village) });
}

export function writeBenefit(uow: UnitOfWork, benefit: BenefitRecord): void {
  uow.create({ ...householdKeys.benefit(benefit.householdId, benefit.distributedOn, benefit.distributionId), entity: 'benefit', ...benefit });
}

export async function benefitsOf(householdId: string): Promise<BenefitRecord[]> {
  return readAll<BenefitRecord>({ partition: householdKeys.partition(householdId), sortKeyPrefix: householdKeys.benefits() });
}
