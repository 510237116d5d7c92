import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, queryPage, tableName } from '@jingzhun/platform';
import { runKeys } from './keys.js';
import { dispatchTable } from './table.js';

const table = () => tableName(dispatchTable);

export interface JobRun {
  runId: string;
  job: string;
  period: string;
  region: string;
  trigger: 'schedule' | 'on-demand';
  requestedBy: string | null;
  startedAt: string;
  endedAt: string | null;
  outcome: 'running' | 'succeeded' | 'failed';
  counts: Record<string, number>;
  details: unknown;
  error: { code: string; message: string } | null;
}

/**
 * Run records are a log: written at the start (`running`) and overwritten at the end with the
 * outcome. They are not part of the job's output, so they carry the timestamps.
 */
export async function putRun(run: JobRun): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...runKeys.item(run.job, run.period, run.region, run.startedAt, run.runId), ...runKeys.recentIndex(run.startedAt, run.runId), entity: 'job-run', ...run },
    }),
  );
}

const strip = ({ pk: _p, sk: _s, gsi1pk: _g, gsi1sk: _h, entity: _e, ...run }: JobRun & Record<string, unknown>) => run as JobRun;

export async function runsOf(job: string, period: string | undefined, limit: number, cursor?: string) {
  const page = await queryPage<JobRun & Record<string, unknown>>({
    table: table(),
    partition: runKeys.ofJob(job),
    ...(period ? { sortKeyPrefix: runKeys.ofJobPeriod(period) } : {}),
    limit,
    forward: false,
    ...(cursor ? { cursor } : {}),
  });
  return { items: page.items.map(strip), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

export async function recentRuns(limit: number, cursor?: string) {
  const page = await queryPage<JobRun & Record<string, unknown>>({
    table: table(),
    index: 'gsi1',
    partition: runKeys.recent(),
    limit,
    forward: false,
    ...(cursor ? { cursor } : {}),
  });
  return { items: page.items.map(strip), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
