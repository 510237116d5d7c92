/**
 * This service's projection of identification's households: the current snapshot plus revisions,
 * so a run can read the facts as they were when it froze its inputs.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, getItem, type UnitOfWork } from '@jingzhun/platform';
import type { identificationEvents } from '@jingzhun/types';
import { householdKeys } from './keys.js';
import { table } from './table.js';

export type HouseholdSnapshot = identificationEvents.HouseholdSnapshot;

export interface HouseholdItem {
  pk: string;
  sk: string;
  gsi1pk?: string;
  gsi1sk?: string;
  entity: 'household';
  householdId: string;
  region: string;
  /** The instant (event occurredAt) from which this snapshot holds. */
  validFrom: string;
  eventId: string;
  snapshot: HouseholdSnapshot;
}

export function householdItem(snapshot: HouseholdSnapshot, validFrom: string, eventId: string): HouseholdItem {
  return {
    ...householdKeys.current(snapshot.householdId),
    ...householdKeys.countyIndex(snapshot.region, snapshot.householdId),
    entity: 'household',
    householdId: snapshot.householdId,
    region: snapshot.region,
    validFrom,
    eventId,
    snapshot,
  };
}

export async function getHousehold(householdId: string): Promise<HouseholdItem | undefined> {
  return getItem<HouseholdItem>(table(), householdKeys.current(householdId));
}

/**
 * Applies a snapshot in the caller's unit of work: current item and a revision. An older event
 * arriving late only adds its revision (the current snapshot stays the newest).
 */
export function applySnapshot(uow: UnitOfWork, existing: HouseholdItem | undefined, snapshot: HouseholdSnapshot, validFrom: string, eventId: string): void {
  const item = householdItem(snapshot, validFrom, eventId);
  uow.put({
    ...householdKeys.revision(snapshot.householdId, validFrom, eventId),
    entity: 'household-revision',
    householdId: snapshot.householdId,
    validFrom,
    eventId,
    snapshot,
  });
  if (!existing || existing.validFrom <= validFrom) uow.put(item as unknown as Record<string, unknown> & { pk: string; sk: string });
}

/** The snapshot valid at an instant (ISO), or undefined when the household did not exist yet. */
export async function snapshotAt(householdId: string, instant: string): Promise<HouseholdSnapshot | undefined> {
  const range = householdKeys.revisionsUpTo(householdId, instant);
  const result = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': range.pk,
        ':from': range.skFrom,
        ':to': range.skTo,
      },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return (result.Items?.[0] as { snapshot: HouseholdSnapshot } | undefined)?.snapshot;
}

/** Loads snapshots straight into the projection (demo data, benchmark seeding): batch puts, idempotent by key. */
export async function putHouseholds(snapshots: readonly HouseholdSnapshot[], validFrom: string, parallelism = 8): Promise<void> {
  const { batchWrite } = await import('./batch.js');
  const requests = snapshots.flatMap((snapshot) => [
    {
      PutRequest: {
        Item: householdItem(snapshot, validFrom, 'seed') as unknown as Record<string, unknown>,
      },
    },
    {
      PutRequest: {
        Item: {
          ...householdKeys.revision(snapshot.householdId, validFrom, 'seed'),
          entity: 'household-revision',
          householdId: snapshot.householdId,
          validFrom,
          eventId: 'seed',
          snapshot,
        },
      },
    },
  ]);
  await batchWrite(table(), requests, parallelism);
}
