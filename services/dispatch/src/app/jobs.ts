import type { Clock, IdGenerator } from '@jingzhun/platform';
import { DomainError, regionLevel, shanghaiDate } from '@jingzhun/types';
import { dueDate } from '../domain/filings.js';
import { type JobDef, type JobName, scheduledPeriod } from '../domain/jobs.js';
import { assertClosedPeriod, assertClosedSummary, monthsOf } from '../domain/periods.js';
import { housingSection } from '../domain/report.js';
import { DISTRICTS, type District, districtOf, expectedFilers } from '../domain/targets-data.js';
import { assessmentsOf } from '../store/facts.js';
import { filingsOf } from '../store/filings.js';
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

type Executor = (district: District, period: string, ctx: { clock: Clock; ids: IdGenerator; runId: string; at: Date }) => Promise<Outcome>;

async function filingStatus(district: District, period: string, form: 'monthly' | 'dropout', filers: readonly string[], today: string) {
  const filings = (await filingsOf(district.county, period)).filter((f) => f.form === form);
  const filed = new Set(filings.map((f) => f.filer));
  const due = dueDate(form, period);
  const missing = filers.filter((f) => !filed.has(f));
  return {
    due,
    received: filings.map((f) => f.filer).sort(),
    late: filings
      .filter((f) => f.late)
      .map((f) => f.filer)
      .sort(),
    missing,
    overdue: today > due ? missing : [],
  };
}

const reportActor = (runId: string) => ({ sub: `job:${runId}`, role: 'system' });

async function buildAll(district: District, kind: 'monthly' | 'quarterly' | 'yearly', period: string, ctx: Parameters<Executor>[2]): Promise<Outcome> {
  const digests: Record<string, string> = {};
  let changed = 0;
  for (const region of [district.county, ...district.towns]) {
    const result = await buildAndStore(region, kind, period, { runId: ctx.runId, clock: ctx.clock, ids: ctx.ids, actor: reportActor(ctx.runId) });
    digests[region] = result.digest;
    if (result.changed) changed++;
  }
  return { counts: { reports: Object.keys(digests).length, changed }, details: { kind, digests } };
}

const EXECUTORS: Record<JobName, Executor> = {
  'monthly-dispatch-open': async (district, period, ctx) => {
    const status = await filingStatus(district, period, 'monthly', expectedFilers(district), shanghaiDate(ctx.at));
    return { counts: { expected: expectedFilers(district).length, received: status.received.length }, details: { due: status.due, expected: expectedFilers(district) } };
  },
  'monthly-dispatch-overdue': async (district, period, ctx) => {
    const status = await filingStatus(district, period, 'monthly', expectedFilers(district), shanghaiDate(ctx.at));
    return { counts: { received: status.received.length, late: status.late.length, missing: status.missing.length }, details: status };
  },
  'monthly-dispatch-build': (district, period, ctx) => buildAll(district, 'monthly', period, ctx),
  'housing-progress': async (district, period, ctx) => {
    const housing = housingSection(await filingsOf(district.county, period), district.county);
    const result = await buildAndStore(district.county, 'monthly', period, { runId: ctx.runId, clock: ctx.clock, ids: ctx.ids, actor: reportActor(ctx.runId) });
    return {
      counts: { reportingTowns: housing.reportingTowns.length, completed: housing.completed },
      details: { recipients: ['dept:zhujian', 'dept:fupin'], housing, reportDigest: result.digest },
    };
  },
  'housing-progress-overdue': async (district, period, ctx) => {
    const status = await filingStatus(
      district,
      period,
      'monthly',
      district.towns.map((t) => `town:${t}`),
      shanghaiDate(ctx.at),
    );
    return { counts: { towns: district.towns.length, missing: status.missing.length, late: status.late.length }, details: status };
  },
  'dropout-window': async (district, period, ctx) => {
    const status = await filingStatus(district, period, 'dropout', ['dept:jiaoyu'], shanghaiDate(ctx.at));
    return { counts: { received: status.received.length }, details: { due: status.due, recipient: 'dept:jiaoyu' } };
  },
  'dropout-overdue': async (district, period, ctx) => {
    const status = await filingStatus(district, period, 'dropout', ['dept:jiaoyu'], shanghaiDate(ctx.at));
    return { counts: { received: status.received.length, missing: status.missing.length, late: status.late.length }, details: status };
  },
  'quarterly-summary': (district, period, ctx) => buildAll(district, 'quarterly', period, ctx),
  'yearly-summary': (district, period, ctx) => buildAll(district, 'yearly', period, ctx),
  'bank-reward-reminder': async (district, period, ctx) => bankRewards(district, period, shanghaiDate(ctx.at)),
  'bank-reward-overdue': async (district, period, ctx) => bankRewards(district, period, shanghaiDate(ctx.at)),
};

/** Assessments of the year with their reward deadline (次年4月底前, 000 BK-5 L4274–4278). */
async function bankRewards(district: District, year: string, today: string): Promise<Outcome> {
  const assessments = (await assessmentsOf(district.county)).filter((a) => String(a.year) === year).sort((a, b) => (a.assessmentId < b.assessmentId ? -1 : 1));
  const items = assessments.map((a) => ({ ...a, pastDue: today > a.rewardsDueBy }));
  return { counts: { assessments: items.length, prizes: items.reduce((s, a) => s + a.prizes, 0), pastDue: items.filter((a) => a.pastDue).length }, details: { items } };
}

function periodFor(job: JobDef, request: RunRequest): string {
  const period = request.period ?? scheduledPeriod(job, request.at);
  if (job.cycle === 'month') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new DomainError('BAD_PERIOD', `任务 ${job.name} 的期间须为 YYYY-MM`, 400);
    assertClosedPeriod(period, request.at);
  } else if (job.name === 'quarterly-summary' || job.name === 'yearly-summary') {
    if (job.name === 'quarterly-summary' && !/^\d{4}-Q[1-4]$/.test(period)) throw new DomainError('BAD_PERIOD', '季度期间须为 YYYY-Qn', 400);
    if (job.name === 'yearly-summary' && !/^\d{4}$/.test(period)) throw new DomainError('BAD_PERIOD', '年度期间须为 YYYY', 400);
    assertClosedSummary(period, request.at);
  } else if (!/^\d{4}$/.test(period)) {
    throw new DomainError('BAD_PERIOD', '考核年度须为 YYYY', 400);
  } else monthsOf(period);
  return period;
}

function districtsFor(region: string | undefined): District[] {
  if (!region) return [...DISTRICTS];
  if (regionLevel(region) !== 'county') throw new DomainError('JOB_REGION_NOT_COUNTY', '任务按区县运行，请指定区县代码', 400);
  const district = districtOf(region);
  if (!district) throw new DomainError('DISTRICT_NOT_CONFIGURED', `区县 ${region} 未配置调度`, 404);
  return [district];
}

/**
 * Runs a job for one period and each district: records the run as `running`, executes, then
 * records `succeeded` with counts or `failed` with the error. Bad input (a future period, an
 * unknown district) is refused before any run is recorded; a failure while running is recorded
 * and rethrown so the scheduler sees it too. Re-running the same (period, region) recomputes the
 * same output.
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
      const outcome = await EXECUTORS[job.name](district, period, { clock: ports.clock, ids: ports.ids, runId: run.runId, at: request.at });
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
