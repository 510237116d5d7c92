import type { Clock, IdGenerator } from '@jingzhun/platform';
import { DomainError, regionLevel, shanghaiDate } from '@jingzhun/types';
import { BULLETIN_SOURCES, rankedBulletin } from '../domain/bulletins.js';
import { assertPeriodOf, periodBounds, periodsOverlapping } from '../domain/cycles.js';
import type { FilingRecord } from '../domain/filings.js';
import { type JobDef, scheduledPeriod } from '../domain/jobs.js';
import { effectiveDue, obligationOf, ownersIn } from '../domain/obligations.js';
import { statusOf } from '../domain/overdue.js';
import { assertClosedPeriod, assertClosedSummary } from '../domain/periods.js';
import { housingSection } from '../domain/report.js';
import { DISTRICTS, type District, districtOf, FILER_NAMES } from '../domain/targets-data.js';
import { assessmentsOf } from '../store/facts.js';
import { filingsOf } from '../store/filings.js';
import { recordOutputOnce } from '../store/outputs.js';
import { type JobRun, putRun } from '../store/runs.js';
import { buildAndStore } from './reports.js';

export interface RunRequest {
  period?: string;
  region?: string;
  trigger: 'schedule' | 'on-demand';
  requestedBy: string | null;
  /** The scheduled instant, or now for on-demand runs. */
  at: Date;
}

interface Outcome {
  counts: Record<string, number>;
  details: unknown;
}

interface RunContext {
  clock: Clock;
  ids: IdGenerator;
  runId: string;
  at: Date;
}

type Executor = (job: JobDef, district: District, period: string, ctx: RunContext) => Promise<Outcome>;

const systemActor = (runId: string) => ({ sub: `job:${runId}`, role: 'system' });

/** Who owes the form, who filed (on time or late), who is missing, and who is overdue at `today`. */
async function filingStatus(district: District, form: JobDef['form'] & string, period: string, owners: readonly string[], today: string) {
  const obligation = obligationOf(form);
  const filings = (await filingsOf(district.county, period)).filter((f) => f.form === form);
  const instance = { form, name: obligation.name, period, nominalDue: obligation.nominalDue(period), due: effectiveDue(obligation, period), source: obligation.source };
  const status = statusOf(instance, owners, filings, today, FILER_NAMES);
  const filed = (s: string) => s === 'on-time' || s === 'late';
  return {
    due: instance.due,
    nominalDue: instance.nominalDue,
    opensOn: obligation.opensOn(period),
    received: status.owners.filter((o) => filed(o.status)).map((o) => o.filer),
    late: status.owners.filter((o) => o.status === 'late').map((o) => o.filer),
    missing: status.owners.filter((o) => !filed(o.status)).map((o) => o.filer),
    overdue: status.owners.filter((o) => o.status === 'overdue').map((o) => o.filer),
  };
}

/** Records a snapshot output once per (job, period, region); later runs return the first one unchanged. */
async function once(job: JobDef, district: District, period: string, ctx: RunContext, summary: string, data: unknown) {
  const { output, recorded } = await recordOutputOnce(
    { job: job.name, period, region: district.county, recipients: [...job.recipients], summary, data, runId: ctx.runId },
    { clock: ctx.clock, ids: ctx.ids, actor: systemActor(ctx.runId) },
  );
  return { output, recorded };
}

const open: Executor = async (job, district, period, ctx) => {
  const form = job.form as NonNullable<JobDef['form']>;
  const owners = ownersIn(obligationOf(form), district);
  const status = await filingStatus(district, form, period, owners, shanghaiDate(ctx.at));
  const { output, recorded } = await once(job, district, period, ctx, `${obligationOf(form).name}：${period} 期开始填报，${status.due} 前报送`, {
    form,
    owners,
    recipients: job.recipients,
    opensOn: status.opensOn,
    nominalDue: status.nominalDue,
    due: status.due,
  });
  return {
    counts: { expected: owners.length, received: status.received.length, recorded: recorded ? 1 : 0 },
    details: { ...(output.data as object), received: status.received, recordedBy: output.runId },
  };
};

const overdue: Executor = async (job, district, period, ctx) => {
  const form = job.form as NonNullable<JobDef['form']>;
  const owners = ownersIn(obligationOf(form), district);
  const status = await filingStatus(district, form, period, owners, shanghaiDate(ctx.at));
  const { output, recorded } = await once(job, district, period, ctx, `${obligationOf(form).name}：${period} 期逾期未报 ${status.overdue.length} 个单位`, status);
  const stored = output.data as typeof status;
  return { counts: { received: stored.received.length, late: stored.late.length, missing: stored.missing.length, recorded: recorded ? 1 : 0 }, details: stored };
};

async function buildAll(district: District, kind: 'monthly' | 'quarterly' | 'yearly', period: string, ctx: RunContext): Promise<Outcome> {
  const digests: Record<string, string> = {};
  let changed = 0;
  for (const region of [district.county, ...district.towns]) {
    const result = await buildAndStore(region, kind, period, { runId: ctx.runId, clock: ctx.clock, ids: ctx.ids, actor: systemActor(ctx.runId) });
    digests[region] = result.digest;
    if (result.changed) changed++;
  }
  return { counts: { reports: Object.keys(digests).length, changed }, details: { kind, digests } };
}

/** Assessments of the year with their reward deadline (次年4月底前, 000 BK-5 L4274–4278). */
async function bankRewards(district: District, year: string, today: string): Promise<Outcome> {
  const assessments = (await assessmentsOf(district.county)).filter((a) => String(a.year) === year).sort((a, b) => (a.assessmentId < b.assessmentId ? -1 : 1));
  const items = assessments.map((a) => ({ ...a, pastDue: today > a.rewardsDueBy }));
  return { counts: { assessments: items.length, prizes: items.reduce((s, a) => s + a.prizes, 0), pastDue: items.filter((a) => a.pastDue).length }, details: { items } };
}

const EXECUTORS: Record<JobDef['action'], Executor> = {
  open,
  overdue,
  'build-monthly': (_job, district, period, ctx) => buildAll(district, 'monthly', period, ctx),
  'build-quarterly': (_job, district, period, ctx) => buildAll(district, 'quarterly', period, ctx),
  'build-yearly': (_job, district, period, ctx) => buildAll(district, 'yearly', period, ctx),
  housing: async (_job, district, period, ctx) => {
    const housing = housingSection(await filingsOf(district.county, period), district.county);
    const result = await buildAndStore(district.county, 'monthly', period, { runId: ctx.runId, clock: ctx.clock, ids: ctx.ids, actor: systemActor(ctx.runId) });
    return {
      counts: { reportingTowns: housing.reportingTowns.length, completed: housing.completed },
      details: { recipients: ['dept:zhujian', 'dept:fupin'], housing, reportDigest: result.digest },
    };
  },
  'housing-overdue': async (_job, district, period, ctx) => {
    const status = await filingStatus(
      district,
      'monthly',
      period,
      district.towns.map((t) => `town:${t}`),
      shanghaiDate(ctx.at),
    );
    return { counts: { towns: district.towns.length, missing: status.missing.length, late: status.late.length }, details: status };
  },
  bulletins: async (job, district, period, ctx) => {
    const { first, last } = periodBounds('month', period);
    const filings: FilingRecord[] = [];
    for (const source of BULLETIN_SOURCES) for (const p of periodsOverlapping(source.cycle, first, last)) filings.push(...(await filingsOf(district.county, p)));
    const bulletins = BULLETIN_SOURCES.map((source) => rankedBulletin(source, period, filings, FILER_NAMES));
    const { output, recorded } = await once(job, district, period, ctx, `${period} 交通、水务扶贫进度排名通报`, { bulletins });
    const stored = (output.data as { bulletins: ReturnType<typeof rankedBulletin>[] }).bulletins;
    return { counts: { bulletins: stored.filter((b) => b.basedOn !== null).length, recorded: recorded ? 1 : 0 }, details: { bulletins: stored } };
  },
  'bank-rewards': (_job, district, period, ctx) => bankRewards(district, period, shanghaiDate(ctx.at)),
};

/**
 * The period a run is about, validated: its cycle's format; for a period filed after it ends, the
 * period must have ended; for one filed during it, its opening day must have come.
 */
function periodFor(job: JobDef, request: RunRequest): string {
  const period = request.period ?? scheduledPeriod(job, request.at);
  assertPeriodOf(job.cycle, period, `任务 ${job.name} `);
  if (job.cycle === 'month' && job.timing === 'after') assertClosedPeriod(period, request.at);
  else if (job.action === 'build-quarterly' || job.action === 'build-yearly') assertClosedSummary(period, request.at);
  else {
    const today = shanghaiDate(request.at);
    const opens = job.timing === 'after' ? periodBounds(job.cycle, period).last : job.form ? obligationOf(job.form).opensOn(period) : periodBounds(job.cycle, period).first;
    const ready = job.timing === 'after' ? today > opens : today >= opens;
    if (!ready)
      throw new DomainError('PERIOD_NOT_OPEN', `任务 ${job.name} 的期间 ${period} 尚未开始（${job.timing === 'after' ? `${opens} 结束后` : `${opens} 起`}运行）`, 422, { period });
  }
  return period;
}

function districtsFor(region: string | undefined): District[] {
  if (!region) return [...DISTRICTS];
  const level = regionLevel(region);
  if (level !== 'county' && level !== 'city') throw new DomainError('JOB_REGION_NOT_COUNTY', '任务按区县（或市）运行，请指定区县代码', 400);
  const district = districtOf(region);
  if (!district) throw new DomainError('DISTRICT_NOT_CONFIGURED', `区县 ${region} 未配置调度`, 404);
  return [district];
}

/**
 * Runs a job for one period and each district: records the run as `running`, executes, then
 * records `succeeded` with counts or `failed` with the error. Bad input (a future period, an
 * unknown district) is refused before any run is recorded; a failure while running is recorded
 * and rethrown so the scheduler sees it too. Re-running the same (period, region) has no second
 * effect: snapshots are recorded once, reports are rewritten only when their data changed.
 */
export async function runJob(job: JobDef, request: RunRequest, ports: { clock: Clock; ids: IdGenerator }): Promise<JobRun[]> {
  const period = periodFor(job, request);
  const runs: JobRun[] = [];
  for (const district of districtsFor(request.region)) {
    const run: JobRun = {
      runId: ports.ids.next(),
      job: job.name,
      period,
      region: district.county,
      trigger: request.trigger,
      requestedBy: request.requestedBy,
      startedAt: ports.clock.now().toISOString(),
      endedAt: null,
      outcome: 'running',
      counts: {},
      details: null,
      error: null,
    };
    await putRun(run);
    try {
      const outcome = await EXECUTORS[job.action](job, district, period, { clock: ports.clock, ids: ports.ids, runId: run.runId, at: request.at });
      Object.assign(run, { outcome: 'succeeded', counts: outcome.counts, details: outcome.details, endedAt: ports.clock.now().toISOString() });
      await putRun(run);
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'JOB_FAILED';
      const message = error instanceof DomainError ? error.messageZh : String((error as Error)?.message ?? error);
      Object.assign(run, { outcome: 'failed', error: { code, message }, endedAt: ports.clock.now().toISOString() });
      await putRun(run);
      throw new DomainError('JOB_RUN_FAILED', `任务 ${job.name}（${period}，${district.county}）运行失败：${message}`, 500, {
        runId: run.runId,
        job: job.name,
        period,
        region: district.county,
        error: { code, message },
      });
    }
    runs.push(run);
  }
  return runs;
}
