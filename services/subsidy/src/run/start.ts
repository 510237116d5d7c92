import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, type Clock, documentClient, type IdGenerator } from '@jingzhun/platform';
import { DomainError, isWithinRegion } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import { requireJurisdiction } from '../domain/jurisdiction.js';
import { emptyTotals } from '../domain/roster.js';
import { runKeys } from '../store/keys.js';
import { currentParameters } from '../store/parameters.js';
import { table } from '../store/table.js';
import { unitOfWork } from '../store/unit-of-work.js';
import { loadRun, type RunItem } from './process.js';

async function runsOfPeriod(period: string): Promise<RunItem[]> {
  const result = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': runKeys.ofPeriod(period).value },
      ConsistentRead: true,
    }),
  );
  return (result.Items ?? []) as RunItem[];
}

/**
 * Starts a run for (period, region), or returns the RUNNING one (to resume), or starts a new
 * attempt after a completed one (a re-run records its difference). Refuses a period already
 * approved (409 PERIOD_APPROVED) and an overlapping run of another region (409 RUN_OVERLAPS).
 */
export async function startRun(period: string, region: string, ctx: { clock: Clock; ids: IdGenerator; actor: Actor }): Promise<RunItem> {
  const jurisdiction = requireJurisdiction(region);
  const catalog = currentCatalog();
  for (const other of await runsOfPeriod(period)) {
    const overlaps = isWithinRegion(other.region, region) || isWithinRegion(region, other.region);
    if (!overlaps) continue;
    if (other.status === 'APPROVED' || other.status === 'PAID') {
      throw new DomainError('PERIOD_APPROVED', `${period} 期 ${other.region} 的花名册已审核，不能再计算`, 409, { period, region: other.region });
    }
    if (other.region !== region) {
      throw new DomainError('RUN_OVERLAPS', `${period} 期已有区划 ${other.region} 的计算，与 ${region} 重叠`, 409, { period, region: other.region });
    }
  }
  const existing = await loadRun(period, region);
  if (existing?.status === 'RUNNING') return existing;
  const { set: params } = await currentParameters(jurisdiction);
  const uow = unitOfWork(ctx);
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
    run = uow.create({ ...base } as Omit<RunItem, 'version'>, new DomainError('RUN_EXISTS', '该期计算已发起', 409)) as RunItem;
  }
  uow.audit({
    subject: runKeys.subject(period, region),
    action: attempt > 1 ? 'run.restarted' : 'run.started',
    after: {
      runId: run.runId,
      frozenAt: run.frozenAt,
      catalogVersion: run.catalogVersion,
      parametersVersion: run.parametersVersion,
    },
  });
  await uow.commit();
  return run;
}
