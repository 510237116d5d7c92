import { type Actor, type Clock, getItem, type IdGenerator, queryAll, queryPage, tableName, UnitOfWork, type Versioned } from '@jingzhun/platform';
import { DomainError, identificationEvents, regionLevel } from '@jingzhun/types';
import type { EventKind } from '../domain/actions.js';
import type { HitRecord } from '../domain/comparison.js';
import { type HouseholdRecord, snapshotOf } from '../domain/household.js';
import { payeesOf, withMaskedAccount } from '../domain/payees.js';
import { householdKeys } from './keys.js';
import { identificationTable } from './table.js';

/** Household items: the register record plus keys, entity and version (also the case items of store/casework.ts). */
export interface Stored {
  pk: string;
  sk: string;
  entity: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type HouseholdItem = HouseholdRecord & Stored;
export type HitItem = HitRecord & Stored;

export const table = () => tableName(identificationTable);
export const SERVICE = 'identification';

export function unitOfWork(clock: Clock, ids: IdGenerator, actor: Actor): UnitOfWork {
  return new UnitOfWork({ table: table(), service: SERVICE, clock, ids, actor });
}

export async function loadHousehold(householdId: string): Promise<HouseholdItem> {
  const item = await getItem<HouseholdItem>(table(), householdKeys.item(householdId));
  if (!item) throw new DomainError('NOT_FOUND', '农户不存在', 404);
  return item;
}

/** The stored form of a record: keys, region indexes, entity. */
export function toItem(record: HouseholdRecord, version: number): Versioned {
  return { ...record, ...householdKeys.item(record.householdId), ...householdKeys.indexes(record.region, record.householdId), entity: 'household', version };
}

export function stripItem(item: HouseholdItem): HouseholdRecord {
  const {
    pk: _pk,
    sk: _sk,
    entity: _e,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _x,
    gsi2sk: _y,
    ...record
  } = item as HouseholdItem & Record<string, unknown>;
  return record as unknown as HouseholdRecord;
}

export function assertVersion(item: { version: number }, expected: number): void {
  if (item.version !== expected) {
    throw new DomainError('VERSION_CONFLICT', `数据已被他人修改（当前版本 ${item.version}，提交版本 ${expected}），请刷新后重试`, 409, { current: item.version, expected });
  }
}

/** Replaces the household (conditional on its version), audits the change and emits its events. */
export function writeHousehold(
  uow: UnitOfWork,
  before: HouseholdItem,
  after: HouseholdRecord,
  audit: { action: string; reason?: string | undefined },
  events: readonly EventKind[],
  changes: readonly string[],
): HouseholdItem {
  const stored = uow.replace({ ...toItem(after, before.version), createdAt: before.createdAt }) as unknown as HouseholdItem;
  uow.audit({
    subject: householdKeys.auditSubject(after.householdId),
    action: audit.action,
    before: summary(before),
    after: summary(after),
    ...(audit.reason ? { reason: audit.reason } : {}),
  });
  emitEvents(uow, after, events, changes);
  return stored;
}

export function createHousehold(uow: UnitOfWork, record: HouseholdRecord, action: string, events: readonly EventKind[]): HouseholdItem {
  const stored = uow.create(toItem(record, 1), new DomainError('ALREADY_EXISTS', '农户已存在', 409)) as unknown as HouseholdItem;
  uow.audit({ subject: householdKeys.auditSubject(record.householdId), action, after: summary(record) });
  emitEvents(uow, record, events, ['created']);
  return stored;
}

/** What the audit keeps of a record: everything but the members' ID numbers and full account numbers (kept only in the register). */
function summary(record: HouseholdRecord): Record<string, unknown> {
  const { members, evidence: _e, pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = record as HouseholdRecord & Record<string, unknown>;
  return { ...rest, members: members.map(({ idNumber: _id, ...member }) => withMaskedAccount(member)) };
}

export function emitEvents(uow: UnitOfWork, record: HouseholdRecord, events: readonly EventKind[], changes: readonly string[]): void {
  const subject = `household/${record.householdId}`;
  const base = { householdId: record.householdId, region: record.region, snapshot: snapshotOf(record) };
  // Payees (ID numbers, accounts) go to subsidy alone, in their own event: when the household reaches
  // subsidy (registered, returned) and whenever its members or their accounts change.
  if (events.some((kind) => kind === 'registered' || kind === 'returned') || (events.length > 0 && changes.includes('members')))
    uow.emit(identificationEvents.householdPayees, subject, { householdId: record.householdId, region: record.region, payees: payeesOf(record) });
  for (const kind of events) {
    if (kind === 'registered') uow.emit(identificationEvents.householdRegistered, subject, base);
    else if (kind === 'returned') uow.emit(identificationEvents.householdReturned, subject, base);
    else if (kind === 'changed') uow.emit(identificationEvents.householdChanged, subject, { ...base, changes: [...changes] });
    else if (kind === 'exited')
      uow.emit(identificationEvents.householdExited, subject, { ...base, exitedAt: record.exitedAt as string, policyUntil: record.policyUntil as string });
    else if (kind === 'monitoring') {
      uow.emit(identificationEvents.monitoringIdentified, subject, {
        ...base,
        monitorType: record.monitorType as NonNullable<HouseholdRecord['monitorType']>,
        // The signal's own day, also for a case already closed (CONFIRM) or migrated: never the day of the write.
        signalledAt: record.workflow?.signalledAt ?? record.monitoringSignalledAt ?? uow.timestamp.slice(0, 10),
      });
    }
  }
}

export async function loadHits(householdId: string): Promise<HitItem[]> {
  return queryAll<HitItem>({ table: table(), ...householdKeys.hitsOf(householdId) });
}

/** A page of households in a county, town or village. */
export async function listHouseholdsIn(
  region: string,
  options: { limit: number; cursor?: string | undefined; status?: string | undefined; workflowState?: string | undefined; name?: string | undefined },
) {
  const level = regionLevel(region);
  if (level !== 'county' && level !== 'town' && level !== 'village') {
    throw new DomainError('REGION_TOO_BROAD', '请按区县、镇（街）或村查询农户', 400);
  }
  const target = level === 'county' ? householdKeys.byCounty(region) : householdKeys.byTown(region);
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (options.status) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = options.status;
  }
  if (options.workflowState) {
    filters.push('#wf.#state = :state');
    names['#wf'] = 'workflow';
    names['#state'] = 'state';
    values[':state'] = options.workflowState;
  }
  if (options.name) {
    filters.push('#head = :head');
    names['#head'] = 'headName';
    values[':head'] = options.name;
  }
  return queryPage<HouseholdItem>({
    table: table(),
    index: target.index,
    partition: target.partition,
    ...(level === 'village' ? { sortKeyPrefix: householdKeys.villagePrefix(region, target.index as 'gsi1') } : {}),
    limit: options.limit,
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(filters.length > 0 ? { filter: { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values } } : {}),
  });
}

/** Every household of a village (statistics, village exit). */
export async function allHouseholdsOfVillage(village: string): Promise<HouseholdItem[]> {
  return queryAll<HouseholdItem>({ table: table(), ...householdKeys.byTown(village), sortKeyPrefix: householdKeys.villagePrefix(village, 'gsi1') });
}
