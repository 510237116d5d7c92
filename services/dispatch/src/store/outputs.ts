import type { Clock, IdGenerator } from '@jingzhun/platform';
import { getItem, tableName, UnitOfWork } from '@jingzhun/platform';
import { DomainError, dispatchEvents } from '@jingzhun/types';
import { outputKeys } from './keys.js';
import { dispatchTable } from './table.js';

/**
 * What a scheduled job recorded for one (job, period, region): written once, with its
 * notification event, in one transaction. A second run finds it and changes nothing, so the
 * recipients are never notified twice (issue 21: "a second run … never a second effect").
 */
export interface JobOutput {
  job: string;
  period: string;
  region: string;
  recipients: string[];
  summary: string;
  data: unknown;
  runId: string;
  recordedAt: string;
}

export async function outputOf(job: string, region: string, period: string): Promise<JobOutput | undefined> {
  const item = await getItem<JobOutput & { pk: string; sk: string; entity: string; version: number; createdAt?: string; updatedAt?: string }>(
    tableName(dispatchTable),
    outputKeys.item(job, region, period),
  );
  if (!item) return undefined;
  const { pk: _p, sk: _s, entity: _e, version: _v, createdAt: _c, updatedAt: _u, ...output } = item;
  return output;
}

/** Records the output unless one exists; returns the stored output and whether this run recorded it. */
export async function recordOutputOnce(
  output: Omit<JobOutput, 'recordedAt'>,
  ports: { clock: Clock; ids: IdGenerator; actor: { sub: string; role: string } },
): Promise<{ output: JobOutput; recorded: boolean }> {
  const existing = await outputOf(output.job, output.region, output.period);
  if (existing) return { output: existing, recorded: false };
  const uow = new UnitOfWork({ table: tableName(dispatchTable), service: 'dispatch', clock: ports.clock, ids: ports.ids, actor: ports.actor });
  const stored: JobOutput = { ...output, recordedAt: uow.timestamp };
  const taken = new DomainError('JOB_OUTPUT_EXISTS', '该期任务结果已由另一次运行记录', 409);
  uow.create({ ...outputKeys.item(output.job, output.region, output.period), entity: 'job-output', ...stored }, taken);
  uow.audit({ subject: outputKeys.subject(output.job, output.region, output.period), action: 'job.output-recorded', after: stored });
  uow.emit(dispatchEvents.jobOutputRecorded, outputKeys.subject(output.job, output.region, output.period), {
    job: output.job,
    period: output.period,
    region: output.region,
    recipients: output.recipients,
    summary: output.summary,
  });
  try {
    await uow.commit();
  } catch (error) {
    // A concurrent run recorded it first: that output stands, this run is the no-op.
    if (error instanceof DomainError && error.code === 'JOB_OUTPUT_EXISTS') {
      const winner = await outputOf(output.job, output.region, output.period);
      if (winner) return { output: winner, recorded: false };
    }
    throw error;
  }
  return { output: stored, recorded: true };
}
