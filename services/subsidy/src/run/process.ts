/**
 * The monthly run: for a period and region, computes every household of the projection, writes one
 * roster line per household and item with deterministic keys (BatchWriteItem, idempotent), and keeps
 * a checkpoint on the run record after each chunk so a crash resumes from the last committed chunk.
 * Inputs are frozen at the start: households changed later are read as they were (revisions), and
 * the parameter version is the one recorded on the run.
 */
import { QueryCommand, type QueryCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, type Clock, documentClient, getItem, type IdGenerator, UnitOfWork } from '@jingzhun/platform';
import { regionPrefix, subsidyEvents } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import type { JurisdictionId } from '../catalog/schema.js';
import { computeHousehold, type ParameterSet } from '../domain/engine.js';
import { householdInput } from '../domain/facts.js';
import { addHousehold, emptyTotals, lineFingerprint, mergeTotals, type RosterLine, rosterLines, type Totals } from '../domain/roster.js';
import { batchWrite, type WriteRequest } from '../store/batch.js';
import { diffKeys, householdKeys, lineKeys, runKeys } from '../store/keys.js';
import { parametersVersion } from '../store/parameters.js';
import { type HouseholdItem, type HouseholdSnapshot, snapshotAt } from '../store/projection.js';
import { table } from '../store/table.js';

export const RUN_SERVICE = 'subsidy';

export type RunStatus = 'RUNNING' | 'COMPLETED' | 'APPROVED' | 'PAID';

export interface RunItem {
  pk: string;
  sk: string;
  entity: 'run';
  version: number;
  runId: string;
  period: string;
  region: string;
  jurisdiction: JurisdictionId;
  attempt: number;
  status: RunStatus;
  frozenAt: string;
  catalogVersion: string;
  parametersVersion: number;
  progress: { done: number; total: number; chunks: number };
  cursor?: string;
  totals: Totals;
  villages: string[];
  previousTotals?: Totals;
  diff: { added: number; changed: number; removed: number };
  startedAt: string;
  completedAt?: string;
  approvedAt?: string;
  approvedBy?: string;
  publishedAt?: string;
  paidAt?: string;
  [key: string]: unknown;
}

export interface StoredLine extends RosterLine {
  pk: string;
  sk: string;
  entity: 'line';
  period: string;
  runId: string;
  catalogVersion: string;
  parametersVersion: number;
}

export interface ProcessOptions {
  clock: Clock;
  ids: IdGenerator;
  actor: Actor;
  /** Stop (leaving the run resumable) once this instant (epoch ms) has passed. */
  deadline?: number;
  chunkSize?: number;
  parallelism?: number;
  /** Test hook: called after a chunk's lines are written and before its checkpoint. */
  afterChunkWritten?: (chunk: number) => Promise<void> | void;
}

export async function loadRun(period: string, region: string): Promise<RunItem | undefined> {
  return getItem<RunItem>(table(), runKeys.run(period, region));
}

/** The monthly run takes payment kinds paid monthly (policy-catalog.md; docs/decisions/subsidy.md). */
export const MONTHLY_SELECTION = {
  paymentsOnly: true,
  periods: ['monthly' as const],
};

export async function countHouseholds(region: string): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await documentClient().send(queryHouseholds(region, start, undefined, 'COUNT'));
    total += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return total;
}

function queryHouseholds(region: string, start: Record<string, unknown> | undefined, limit: number | undefined, select?: 'COUNT') {
  const { partition, sortKeyPrefix } = householdKeys.inRegion(regionPrefix(region));
  const narrow = sortKeyPrefix.value !== '';
  return new QueryCommand({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: narrow ? 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: {
      ':pk': partition.value,
      ...(narrow ? { ':sk': sortKeyPrefix.value } : {}),
    },
    ...(limit ? { Limit: limit } : {}),
    ...(start ? { ExclusiveStartKey: start } : {}),
    ...(select ? { Select: select } : {}),
  });
}

function namesOf(snapshot: HouseholdSnapshot): Record<string, string> {
  return Object.fromEntries(snapshot.members.map((m) => [m.memberId, m.name]));
}

/** Computes one household's roster lines for a run (pure apart from the catalog in memory). */
export function householdRosterLines(snapshot: HouseholdSnapshot, period: string, jurisdiction: JurisdictionId, params: ParameterSet): RosterLine[] {
  const lines = computeHousehold(currentCatalog(), jurisdiction, period, householdInput(snapshot, period), params, MONTHLY_SELECTION);
  return rosterLines(
    {
      householdId: snapshot.householdId,
      region: snapshot.region,
      headName: snapshot.headName,
      group: snapshot.group,
      names: namesOf(snapshot),
    },
    lines,
  );
}

async function existingLines(period: string, households: HouseholdSnapshot[]): Promise<Map<string, StoredLine>> {
  const found = new Map<string, StoredLine>();
  const byVillage = new Map<string, string[]>();
  for (const h of households) byVillage.set(h.region, [...(byVillage.get(h.region) ?? []), h.householdId]);
  for (const [village, ids] of byVillage) {
    const sorted = [...ids].sort();
    let start: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await documentClient().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': lineKeys.village(period, village).value,
            ':from': lineKeys.householdRange(sorted[0] as string).from,
            ':to': lineKeys.householdRange(sorted[sorted.length - 1] as string).to,
          },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of (page.Items ?? []) as StoredLine[]) if (ids.includes(item.householdId)) found.set(item.sk, item);
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return found;
}

/**
 * Processes a RUNNING run chunk by chunk until it completes or the deadline passes. Safe to call
 * again at any time: it continues from the checkpoint; a chunk written but not checkpointed is
 * written again with the same keys and the same frozen inputs.
 */
export async function processRun(period: string, region: string, options: ProcessOptions): Promise<RunItem> {
  const chunkSize = options.chunkSize ?? 500;
  let run = await loadRun(period, region);
  if (!run) throw new Error(`run ${period} ${region} not found`);
  if (run.status !== 'RUNNING') return run;
  const catalog = currentCatalog();
  if (run.catalogVersion !== catalog.versionId) throw new Error(`run ${run.runId} was started with ${run.catalogVersion}, this build has ${catalog.versionId}`);
  const params = await parametersVersion(run.jurisdiction, run.parametersVersion);
  if (run.progress.total < 0) {
    const total = await countHouseholds(region);
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: runKeys.run(period, region),
        UpdateExpression: 'SET progress.#t = :t',
        ConditionExpression: 'attempt = :a AND #s = :running',
        ExpressionAttributeNames: { '#t': 'total', '#s': 'status' },
        ExpressionAttributeValues: {
          ':t': total,
          ':a': run.attempt,
          ':running': 'RUNNING',
        },
      }),
    );
    run = { ...run, progress: { ...run.progress, total } };
  }
  let cursor = run.cursor ? (JSON.parse(run.cursor) as Record<string, unknown>) : undefined;
  let pagePromise: Promise<QueryCommandOutput> = documentClient().send(queryHouseholds(region, cursor, chunkSize));
  for (;;) {
    const page = await pagePromise;
    const nextCursor = page.LastEvaluatedKey;
    // Read ahead while this chunk is computed and written.
    if (nextCursor) pagePromise = documentClient().send(queryHouseholds(region, nextCursor, chunkSize));
    const snapshots: HouseholdSnapshot[] = [];
    for (const item of (page.Items ?? []) as HouseholdItem[]) {
      const snapshot = item.validFrom <= run.frozenAt ? item.snapshot : await snapshotAt(item.householdId, run.frozenAt);
      if (snapshot) snapshots.push(snapshot);
    }
    let chunkTotals = emptyTotals();
    const requests: WriteRequest[] = [];
    const villages = new Set<string>();
    const produced = new Map<string, RosterLine>();
    for (const snapshot of snapshots) {
      const lines = householdRosterLines(snapshot, period, run.jurisdiction, params);
      chunkTotals = addHousehold(chunkTotals, lines);
      villages.add(snapshot.region);
      for (const line of lines) {
        const key = lineKeys.line(period, line.village, line.householdId, line.itemId);
        produced.set(key.sk, line);
        const stored: StoredLine = {
          ...key,
          entity: 'line',
          period,
          runId: run.runId,
          catalogVersion: run.catalogVersion,
          parametersVersion: run.parametersVersion,
          ...line,
        };
        requests.push({ PutRequest: { Item: stored } });
      }
    }
    const diff = { added: 0, changed: 0, removed: 0 };
    if (run.attempt > 1 && snapshots.length > 0) {
      // A re-run records the difference with the previous attempt, line by line.
      const before = await existingLines(period, snapshots);
      // A local const keeps the narrowing (run is reassigned below, so closures see it as possibly undefined).
      const attempt = run.attempt;
      const record = (householdId: string, itemId: string, kind: 'added' | 'changed' | 'removed', old: StoredLine | undefined, now: RosterLine | undefined) => {
        diff[kind] += 1;
        requests.push({
          PutRequest: {
            Item: {
              ...diffKeys.diff(period, region, attempt, householdId, itemId),
              entity: 'diff',
              kind,
              householdId,
              itemId,
              beforeFen: old?.amountFen ?? null,
              afterFen: now?.amountFen ?? null,
              beforeStatus: old?.status ?? null,
              afterStatus: now?.status ?? null,
            },
          },
        });
      };
      for (const [sk, now] of produced) {
        const old = before.get(sk);
        if (!old) record(now.householdId, now.itemId, 'added', undefined, now);
        else if (old.runId !== run.runId && lineFingerprint(old) !== lineFingerprint(now)) record(now.householdId, now.itemId, 'changed', old, now);
      }
      for (const [sk, old] of before) {
        if (produced.has(sk)) continue;
        record(old.householdId, old.itemId, 'removed', old, undefined);
        requests.push({ DeleteRequest: { Key: { pk: old.pk, sk: old.sk } } });
      }
    }
    await batchWrite(table(), requests, options.parallelism ?? 8);
    await options.afterChunkWritten?.(run.progress.chunks + 1);
    const totals = mergeTotals(run.totals, chunkTotals);
    const allVillages = [...new Set([...run.villages, ...villages])].sort();
    const mergedDiff: RunItem['diff'] = {
      added: run.diff.added + diff.added,
      changed: run.diff.changed + diff.changed,
      removed: run.diff.removed + diff.removed,
    };
    const done: number = run.progress.done + (page.Items?.length ?? 0);
    const chunks: number = run.progress.chunks + 1;
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: runKeys.run(period, region),
        UpdateExpression: 'SET progress.done = :done, progress.chunks = :chunks, totals = :totals, villages = :villages, diff = :diff, #c = :cursor',
        ConditionExpression: 'attempt = :a AND #s = :running AND progress.chunks = :prev',
        ExpressionAttributeNames: { '#s': 'status', '#c': 'cursor' },
        ExpressionAttributeValues: {
          ':done': done,
          ':chunks': chunks,
          ':totals': totals,
          ':villages': allVillages,
          ':diff': mergedDiff,
          ':cursor': nextCursor ? JSON.stringify(nextCursor) : null,
          ':a': run.attempt,
          ':running': 'RUNNING',
          ':prev': run.progress.chunks,
        },
      }),
    );
    run = {
      ...run,
      totals,
      villages: allVillages,
      diff: mergedDiff,
      progress: { ...run.progress, done, chunks },
      ...(nextCursor ? { cursor: JSON.stringify(nextCursor) } : {}),
    };
    cursor = nextCursor;
    if (!cursor) return completeRun(period, region, options);
    if (options.deadline !== undefined && options.clock.now().getTime() > options.deadline) return run;
  }
}

async function completeRun(period: string, region: string, options: ProcessOptions): Promise<RunItem> {
  const run = (await loadRun(period, region)) as RunItem;
  const uow = new UnitOfWork({
    table: table(),
    service: RUN_SERVICE,
    clock: options.clock,
    ids: options.ids,
    actor: options.actor,
  });
  const { cursor: _cursor, ...rest } = run;
  const completed = uow.replace({
    ...rest,
    status: 'COMPLETED' as RunStatus,
    completedAt: uow.timestamp,
  });
  uow.audit({
    subject: runKeys.subject(period, region),
    action: 'run.completed',
    after: {
      runId: run.runId,
      totals: {
        households: run.totals.households,
        totalFen: run.totals.totalFen,
      },
      diff: run.diff,
    },
  });
  uow.emit(subsidyEvents.runCompleted, run.runId, {
    runId: run.runId,
    period,
    region,
    catalogVersion: run.catalogVersion,
    households: run.totals.households,
    totalFen: run.totals.totalFen,
    byItem: run.totals.byItem,
  });
  await uow.commit();
  return completed;
}
