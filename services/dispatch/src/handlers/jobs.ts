import { httpHandler, type JobInvocation, jobHandler } from '@jingzhun/platform';
import { CommonErrors, dispatchApi } from '@jingzhun/types';
import { runJob as execute } from '../app/jobs.js';
import { JOBS, type JobName, jobDef } from '../domain/jobs.js';
import { recentRuns, runsOf } from '../store/runs.js';

const scheduled = (name: JobName) =>
  jobHandler((input: JobInvocation, ctx) => {
    const job = jobDef(name);
    if (!job) throw new Error(`no job ${name}`);
    return execute(job, { period: input.period, region: input.region, trigger: 'schedule', requestedBy: null, at: ctx.scheduledTime }, ctx);
  });

export const monthlyDispatchOpen = scheduled('monthly-dispatch-open');
export const monthlyDispatchOverdue = scheduled('monthly-dispatch-overdue');
export const monthlyDispatchBuild = scheduled('monthly-dispatch-build');
export const housingProgress = scheduled('housing-progress');
export const housingProgressOverdue = scheduled('housing-progress-overdue');
export const dropoutWindow = scheduled('dropout-window');
export const dropoutOverdue = scheduled('dropout-overdue');
export const quarterlySummary = scheduled('quarterly-summary');
export const yearlySummary = scheduled('yearly-summary');
export const bankRewardReminder = scheduled('bank-reward-reminder');
export const bankRewardOverdue = scheduled('bank-reward-overdue');

const describe = () => JOBS.map(({ name, schedule, description, source, onlyOn, cycle }) => ({ name, schedule, description, source, cycle, ...(onlyOn ? { onlyOn } : {}) }));

export const listJobs = httpHandler(dispatchApi.listJobs, async ({ query }) => {
  const page = await recentRuns(query.limit, query.cursor);
  return { jobs: describe(), recentRuns: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
});

export const listRuns = httpHandler(dispatchApi.listRuns, async ({ params, query }) => {
  if (!jobDef(params.job)) throw CommonErrors.notFound('任务');
  return runsOf(params.job, query.period, query.limit, query.cursor);
});

/** Re-runs a job on demand for a period (and county): the same inputs give the same output. */
export const runJob = httpHandler(dispatchApi.runJob, async ({ params, body, staff, assertInScope, clock, ids }) => {
  const job = jobDef(params.job);
  if (!job) throw CommonErrors.notFound('任务');
  const region = body.region ?? staff().region;
  assertInScope(region);
  const runs = await execute(job, { period: body.period, region, trigger: 'on-demand', requestedBy: staff().sub, at: clock.now() }, { clock, ids });
  return { runs };
});
