/**
 * The monthly run: for a period and region, computes every household of the projection, writes one
 * roster line per household and item with deterministic keys (BatchWriteItem, idempotent), and keeps
 * a checkpoint on the run record after each chunk so a crash resumes from the last committed chunk.
 * Inputs are frozen at the start: households changed later are read as they were (revisions), and
 * the parameter version is the one recorded on the run.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { QueryCommand, type QueryCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, type Clock, countBusiness, documentClient, getItem, type IdGenerator } from '@jingzhun/platform';
import { regionPrefix, subsidyEvents } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import type { JurisdictionId } from '../catalog/schema.js';
import { computeHousehold, type ParameterSet } from '../domain/engine.js';
import { householdInput } from '../domain/facts.js';
import { emptyTotals, lineFingerprint, mergeTotals, type RosterLine, rosterLines, type Totals, tallyHousehold } from '../domain/roster.js';
import type { StandardsInForce } from '../domain/standards.js';
import { batchWrite, mapConcurrently, type WriteRequest } from '../store/batch.js';
import { diffKeys, householdKeys, lineKeys, runKeys } from '../store/keys.js';
import { parametersVersion } from '../store/parameters.js';
import { type HouseholdItem, type HouseholdSnapshot, snapshotAt } from '../store/projection.js';
import { recordedStandards } from '../store/standards.js';
import { table } from '../store/table.js';
import { unitOfWork } from '../store/unit-of-work.js';
import { villageLines } from './roster-store.js';

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
  /** Standard versions the run computes with (item id → version; frozen at the start). */
  standardVersions?: Record<string, number>;
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

/** The monthly run takes payment kinds paid monthly (policy-catalog.md; docs/decisions.md, Subsidy). */
export const MONTHLY_SELECTION = {
  paymentsOnly: true,
  periods: ['monthly' as const],
};

/**
 * Items a COUNT page may evaluate. Without a Limit, DynamoDB Local reads every remaining item of
 * the partition for each 1 MB page and drops the rest (quadratic: measured 18–22 s of its CPU to
 * count 20,000 households, 1.3 s with this limit). A household item is about 1 KB, so 1,000 is
 * about the 1 MB page DynamoDB would return anyway.
 */
const COUNT_PAGE = 1000;

export async function countHouseholds(region: string): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await documentClient().send(queryHouseholds(region, start, COUNT_PAGE, 'COUNT'));
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
export function householdRosterLines(snapshot: HouseholdSnapshot, period: string, jurisdiction: JurisdictionId, params: ParameterSet, standards?: StandardsInForce): RosterLine[] {
  const lines = computeHousehold(currentCatalog(), jurisdiction, period, householdInput(snapshot, period), params, MONTHLY_SELECTION, standards);
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

/** The stored lines of a chunk's households (one range query per village, `parallelism` at a time). */
async function existingLines(period: string, households: HouseholdSnapshot[], parallelism: number): Promise<Map<string, StoredLine>> {
  const byVillage = new Map<string, Set<string>>();
  for (const h of households) {
    const ids = byVillage.get(h.region) ?? new Set<string>();
    ids.add(h.householdId);
    byVillage.set(h.region, ids);
  }
  const found = new Map<string, StoredLine>();
  await mapConcurrently([...byVillage], parallelism, async ([village, ids]) => {
    const sorted = [...ids].sort();
    const range = { from: lineKeys.householdRange(sorted[0] as string).from, to: lineKeys.householdRange(sorted[sorted.length - 1] as string).to };
    for await (const line of villageLines(period, village, range)) if (ids.has(line.householdId)) found.set(line.sk, line);
  });
  return found;
}

/**
 * Computation between two yields to the event loop. The lines of one chunk are written while the
 * next chunk is computed; without yielding, a synchronous computation of a whole chunk would hold
 * back the in-flight batch writes (their responses and the next requests) and DynamoDB would idle.
 */
const COMPUTE_SLICE_MS = 10;

/** One chunk's work, computed before any of it is written. */
interface ComputedChunk {
  /** Projection items of the page (households skipped by the freeze are done as well). */
  read: number;
  nextCursor: Record<string, unknown> | undefined;
  requests: WriteRequest[];
  totals: Totals;
  villages: Set<string>;
  diff: RunItem['diff'];
}

/** The page's households as they were at the freeze; those registered after it are left out. */
async function frozenSnapshots(items: readonly HouseholdItem[], frozenAt: string, parallelism: number): Promise<HouseholdSnapshot[]> {
  const snapshots = await mapConcurrently(items, parallelism, async (item) => (item.validFrom <= frozenAt ? item.snapshot : snapshotAt(item.householdId, frozenAt)));
  return snapshots.filter((snapshot): snapshot is HouseholdSnapshot => snapshot !== undefined);
}

function storedLine(run: RunItem, line: RosterLine): StoredLine {
  return {
    ...lineKeys.line(run.period, line.village, line.householdId, line.itemId),
    entity: 'line',
    period: run.period,
    runId: run.runId,
    catalogVersion: run.catalogVersion,
    parametersVersion: run.parametersVersion,
    ...line,
  };
}

/**
 * A re-run records the difference with the previous attempt, line by line, as DIFF items written
 * with the chunk, and deletes the lines that no longer apply. Returns the counts.
 */
async function recordDifferences(
  run: RunItem,
  snapshots: HouseholdSnapshot[],
  produced: Map<string, RosterLine>,
  requests: WriteRequest[],
  parallelism: number,
): Promise<RunItem['diff']> {
  const diff = { added: 0, changed: 0, removed: 0 };
  const before = await existingLines(run.period, snapshots, parallelism);
  const record = (householdId: string, itemId: string, kind: 'added' | 'changed' | 'removed', old: StoredLine | undefined, now: RosterLine | undefined) => {
    diff[kind] += 1;
    requests.push({
      PutRequest: {
        Item: {
          ...diffKeys.diff(run.period, run.region, run.attempt, householdId, itemId),
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
  return diff;
}

/** Computes a page of households into the chunk's write requests and totals (nothing is written). */
async function computeChunk(run: RunItem, page: QueryCommandOutput, params: ParameterSet, standards: StandardsInForce, parallelism: number): Promise<ComputedChunk> {
  const items = (page.Items ?? []) as HouseholdItem[];
  const snapshots = await frozenSnapshots(items, run.frozenAt, parallelism);
  const totals = emptyTotals();
  const requests: WriteRequest[] = [];
  const villages = new Set<string>();
  // Only a re-run compares lines with the stored ones.
  const rerun = run.attempt > 1;
  const produced = new Map<string, RosterLine>();
  let sliceStart = performance.now();
  for (const snapshot of snapshots) {
    const lines = householdRosterLines(snapshot, run.period, run.jurisdiction, params, standards);
    tallyHousehold(totals, lines);
    villages.add(snapshot.region);
    for (const line of lines) {
      const item = storedLine(run, line);
      if (rerun) produced.set(item.sk, line);
      requests.push({ PutRequest: { Item: item } });
    }
    if (performance.now() - sliceStart > COMPUTE_SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  const diff = rerun && snapshots.length > 0 ? await recordDifferences(run, snapshots, produced, requests, parallelism) : { added: 0, changed: 0, removed: 0 };
  return { read: items.length, nextCursor: page.LastEvaluatedKey, requests, totals, villages, diff };
}

/** Records a written chunk on the run record: cursor, progress, totals, villages and diff counts. */
async function checkpoint(run: RunItem, chunk: ComputedChunk): Promise<RunItem> {
  const totals = mergeTotals(run.totals, chunk.totals);
  const villages = [...new Set([...run.villages, ...chunk.villages])].sort();
  const diff: RunItem['diff'] = {
    added: run.diff.added + chunk.diff.added,
    changed: run.diff.changed + chunk.diff.changed,
    removed: run.diff.removed + chunk.diff.removed,
  };
  const done = run.progress.done + chunk.read;
  const chunks = run.progress.chunks + 1;
  const cursor = chunk.nextCursor ? JSON.stringify(chunk.nextCursor) : undefined;
  await documentClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: runKeys.run(run.period, run.region),
      UpdateExpression: 'SET progress.done = :done, progress.chunks = :chunks, totals = :totals, villages = :villages, diff = :diff, #c = :cursor',
      ConditionExpression: 'attempt = :a AND #s = :running AND progress.chunks = :prev',
      ExpressionAttributeNames: { '#s': 'status', '#c': 'cursor' },
      ExpressionAttributeValues: {
        ':done': done,
        ':chunks': chunks,
        ':totals': totals,
        ':villages': villages,
        ':diff': diff,
        ':cursor': cursor ?? null,
        ':a': run.attempt,
        ':running': 'RUNNING',
        ':prev': run.progress.chunks,
      },
    }),
  );
  return { ...run, totals, villages, diff, progress: { ...run.progress, done, chunks }, ...(cursor ? { cursor } : {}) };
}

/**
 * Counts the region's households for the progress display and records the figure. It reads the
 * whole GSI range (COUNT pages are limited to 1 MB of items like any other), so it runs alongside
 * the chunks rather than before the first one.
 */
async function recordTotal(run: RunItem): Promise<number> {
  const total = await countHouseholds(run.region);
  await documentClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: runKeys.run(run.period, run.region),
      UpdateExpression: 'SET progress.#t = :t',
      ConditionExpression: 'attempt = :a AND #s = :running',
      ExpressionAttributeNames: { '#t': 'total', '#s': 'status' },
      ExpressionAttributeValues: { ':t': total, ':a': run.attempt, ':running': 'RUNNING' },
    }),
  );
  return total;
}

/**
 * The chunks from the checkpoint on, as a pipeline: chunk n+1 is read ahead and computed while
 * chunk n is written. Chunk n+1's writes start only after chunk n's checkpoint, so at most one
 * chunk is ever written beyond the checkpoint (a crash re-writes just that one, same keys).
 */
async function processChunks(run: RunItem, params: ParameterSet, standards: StandardsInForce, options: ProcessOptions): Promise<{ run: RunItem; finished: boolean }> {
  const chunkSize = options.chunkSize ?? 500;
  const parallelism = options.parallelism ?? 8;
  const read = (cursor: Record<string, unknown> | undefined) => documentClient().send(queryHouseholds(run.region, cursor, chunkSize));
  let page = read(run.cursor ? (JSON.parse(run.cursor) as Record<string, unknown>) : undefined);
  let writing: { chunk: ComputedChunk; written: Promise<void> } | undefined;
  const finish = async (current: RunItem, pending: { chunk: ComputedChunk; written: Promise<void> }) => {
    await pending.written;
    await options.afterChunkWritten?.(current.progress.chunks + 1);
    return checkpoint(current, pending.chunk);
  };
  try {
    for (;;) {
      const current = await page;
      if (current.LastEvaluatedKey) page = read(current.LastEvaluatedKey);
      const chunk = await computeChunk(run, current, params, standards, parallelism);
      if (writing) {
        run = await finish(run, writing);
        writing = undefined;
        // The chunk just computed is dropped: the next call computes it again from the checkpoint.
        if (options.deadline !== undefined && options.clock.now().getTime() > options.deadline) return { run, finished: false };
      }
      writing = { chunk, written: batchWrite(table(), chunk.requests, parallelism) };
      if (!chunk.nextCursor) break;
    }
    run = await finish(run, writing);
    writing = undefined;
    return { run, finished: true };
  } finally {
    // Leaving early (deadline or failure): let the read-ahead and any chunk still being written
    // settle, so nothing of this call is in flight once it has returned or thrown.
    await Promise.allSettled([page, writing?.written]);
  }
}

/**
 * Processes a RUNNING run chunk by chunk until it completes or the deadline passes. Safe to call
 * again at any time: it continues from the checkpoint; a chunk written but not checkpointed is
 * written again with the same keys and the same frozen inputs.
 */
export async function processRun(period: string, region: string, options: ProcessOptions): Promise<RunItem> {
  const run = await loadRun(period, region);
  if (!run) throw new Error(`run ${period} ${region} not found`);
  if (run.status !== 'RUNNING') return run;
  const catalog = currentCatalog();
  if (run.catalogVersion !== catalog.versionId) throw new Error(`run ${run.runId} was started with ${run.catalogVersion}, this build has ${catalog.versionId}`);
  const params = await parametersVersion(run.jurisdiction, run.parametersVersion);
  // Runs started before standards were versioned computed on the documents' (version 0).
  const standards = await recordedStandards(run.jurisdiction, run.standardVersions ?? {});
  const counting = run.progress.total < 0 ? recordTotal(run) : Promise.resolve(run.progress.total);
  let outcome: { run: RunItem; finished: boolean };
  try {
    outcome = await processChunks(run, params, standards, options);
  } catch (error) {
    await counting.catch(() => undefined);
    throw error;
  }
  // The count is awaited too: nothing is left running when this call returns (a Lambda is frozen after it).
  const total = await counting;
  if (outcome.finished) return completeRun(period, region, options);
  return { ...outcome.run, progress: { ...outcome.run.progress, total } };
}

/**
 * A re-run's difference counts, from its DIFF items. The counters kept on the checkpoint can fall
 * short: a chunk written again after a crash finds its own earlier lines (this run's runId) and
 * records nothing new, although its DIFF items from the first write are there.
 */
async function countDifferences(period: string, region: string, attempt: number): Promise<RunItem['diff']> {
  const diff = { added: 0, changed: 0, removed: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': diffKeys.ofAttempt(period, region, attempt).value },
        ProjectionExpression: '#k',
        ExpressionAttributeNames: { '#k': 'kind' },
        ConsistentRead: true,
        Limit: COUNT_PAGE,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of (page.Items ?? []) as { kind: keyof RunItem['diff'] }[]) diff[item.kind] += 1;
    start = page.LastEvaluatedKey;
  } while (start);
  return diff;
}

async function completeRun(period: string, region: string, options: ProcessOptions): Promise<RunItem> {
  const loaded = (await loadRun(period, region)) as RunItem;
  const run = loaded.attempt > 1 ? { ...loaded, diff: await countDifferences(period, region, loaded.attempt) } : loaded;
  const uow = unitOfWork(options);
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
  countBusiness('MonthlyRunsCompleted');
  countBusiness('HouseholdsComputed', run.totals.households);
  return completed;
}
