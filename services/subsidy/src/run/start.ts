import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, type Clock, documentClient, getItem, type IdGenerator } from '@jingzhun/platform';
import { CommonErrors, DomainError } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import type { JurisdictionId } from '../catalog/schema.js';
import { requireJurisdiction } from '../domain/jurisdiction.js';
import { emptyTotals } from '../domain/roster.js';
import { assertMayStart } from '../domain/run-claims.js';
import { runKeys } from '../store/keys.js';
import { currentParameters } from '../store/parameters.js';
import { standardsInForce } from '../store/standards.js';
import { table } from '../store/table.js';
import { unitOfWork } from '../store/unit-of-work.js';
import type { RunItem } from './process.js';

async function runsOfPeriod(period: string): Promise<RunItem[]> {
  const result = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': runKeys.ofPeriod(period).value },
      ConsistentRead: true,
    }),
  );
  return ((result.Items ?? []) as RunItem[]).filter((item) => item.entity === 'run');
}

/** The period's regions of one jurisdiction that hold a run: one item, rewritten with every new run. */
export interface RunClaimItem {
  pk: string;
  sk: string;
  entity: 'run-claim';
  version: number;
  period: string;
  jurisdiction: string;
  regions: string[];
}

/** Lost the claim to a start at the same moment: read again and decide again. */
const CLAIM_TAKEN = new DomainError('RUN_CLAIM_TAKEN', '同期另一计算正在发起，请稍后重试', 409);
const MAX_CLAIM_ROUNDS = 40;

/**
 * Starts a run for (period, region), or returns the RUNNING one (to resume), or starts a new
 * attempt after a completed one (a re-run records its difference). Refuses a period already
 * approved (409 PERIOD_APPROVED) and an overlapping run of another region (409 RUN_OVERLAPS).
 *
 * Runs of a period exclude each other atomically: the run record is written in one transaction
 * with the period's claim item of its jurisdiction, conditional on the claim read for the
 * overlap check (absent, or still at its version). Two starts at the same moment cannot both
 * pass: the loser reads the winner's claim and is refused, or resumes it when it is the same region.
 */
export async function startRun(period: string, region: string, ctx: { clock: Clock; ids: IdGenerator; actor: Actor }): Promise<RunItem> {
  const jurisdiction = requireJurisdiction(region);
  for (let round = 0; ; round++) {
    try {
      return await claimAndStart(period, region, jurisdiction, ctx);
    } catch (error) {
      // A version conflict (the claim or the run record changed, or DynamoDB's own transaction
      // conflict) is decided again on fresh reads; a refusal on the fresh reads is final.
      const raced = error === CLAIM_TAKEN || (error instanceof DomainError && error.code === 'VERSION_CONFLICT');
      if (!raced || round + 1 >= MAX_CLAIM_ROUNDS) throw error === CLAIM_TAKEN ? CommonErrors.versionConflict() : error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * Math.min(round + 1, 5)));
    }
  }
}

async function claimAndStart(period: string, region: string, jurisdiction: JurisdictionId, ctx: { clock: Clock; ids: IdGenerator; actor: Actor }): Promise<RunItem> {
  const catalog = currentCatalog();
  const claimKey = runKeys.claim(period, jurisdiction);
  const [claim, runs] = await Promise.all([getItem<RunClaimItem>(table(), claimKey), runsOfPeriod(period)]);
  const status = new Map(runs.map((run) => [run.region, run.status]));
  // Runs written before claims existed count as claimed too.
  const claimed = [...new Set([...(claim?.regions ?? []), ...runs.filter((run) => run.jurisdiction === jurisdiction).map((run) => run.region)])].sort();
  assertMayStart(
    period,
    region,
    claimed.map((r) => ({ region: r, status: status.get(r) })),
  );
  const existing = runs.find((run) => run.region === region);
  if (existing?.status === 'RUNNING') return existing;
  const [{ set: params }, standards] = await Promise.all([currentParameters(jurisdiction), standardsInForce(jurisdiction, period)]);
  const standardVersions = Object.fromEntries([...standards].map(([itemId, v]) => [itemId, v.version]));
  const uow = unitOfWork(ctx);
  const regions = claimed.includes(region) ? claimed : [...claimed, region].sort();
  if (claim)
    uow.raw(
      {
        Put: {
          TableName: table(),
          Item: { ...claim, regions, version: claim.version + 1, updatedAt: uow.timestamp },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': claim.version },
        },
      },
      CLAIM_TAKEN,
    );
  else uow.create({ ...claimKey, entity: 'run-claim', period, jurisdiction, regions }, CLAIM_TAKEN);
  const attempt = (existing?.attempt ?? 0) + 1;
  const base = {
    ...runKeys.run(period, region),
    entity: 'run' as const,
    runId: runKeys.runId(period, region, attempt),
    period,
    region,
    jurisdiction,
    attempt,
    status: 'RUNNING' as const,
    frozenAt: uow.timestamp,
    catalogVersion: catalog.versionId,
    parametersVersion: params.version,
    standardVersions,
    progress: { done: 0, total: -1, chunks: 0 },
    totals: emptyTotals(),
    villages: [] as string[],
    diff: { added: 0, changed: 0, removed: 0 },
    startedAt: uow.timestamp,
  };
  let run: RunItem;
  if (existing) {
    const { completedAt: _c, cursor: _cur, ...rest } = existing;
    run = uow.replace({ ...rest, ...base, previousTotals: existing.totals });
  } else {
    run = uow.create({ ...base } as Omit<RunItem, 'version'>, CLAIM_TAKEN) as RunItem;
  }
  uow.audit({
    subject: runKeys.subject(period, region),
    action: attempt > 1 ? 'run.restarted' : 'run.started',
    after: {
      runId: run.runId,
      frozenAt: run.frozenAt,
      catalogVersion: run.catalogVersion,
      parametersVersion: run.parametersVersion,
      standardVersions: run.standardVersions,
    },
  });
  await uow.commit();
  return run;
}
