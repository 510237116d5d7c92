import { httpHandler, type JobInvocation, jobHandler } from '@jingzhun/platform';
import { CommonErrors, dispatchApi, workingDayOnOrAfter } from '@jingzhun/types';
import { runJob as execute } from '../app/jobs.js';
import { JOBS, type JobName, jobDef, scheduledPeriod } from '../domain/jobs.js';
import { recentRuns, runsOf } from '../store/runs.js';

const scheduled = (name: JobName) =>
  jobHandler((input: JobInvocation, ctx) => {
    const job = jobDef(name);
    if (!job) throw new Error(`no job ${name}`);
    return execute(job, { period: input.period, region: input.region, trigger: 'schedule', requestedBy: null, at: ctx.scheduledTime }, ctx);
  });

export const monthlyDispatchBuild = scheduled('monthly-dispatch-build');
export const housingProgress = scheduled('housing-progress');
export const housingProgressOverdue = scheduled('housing-progress-overdue');
export const sectorBulletins = scheduled('sector-bulletins');
export const quarterlySummary = scheduled('quarterly-summary');
export const bankRewardReminder = scheduled('bank-reward-reminder');
export const bankRewardOverdue = scheduled('bank-reward-overdue');
export const yearlySummary = scheduled('yearly-summary');
export const monthlyDispatchOpen = scheduled('monthly-dispatch-open');
export const monthlyDispatchOverdue = scheduled('monthly-dispatch-overdue');
export const dropoutWindow = scheduled('dropout-window');
export const dropoutOverdue = scheduled('dropout-overdue');
export const sectorProgressOpen = scheduled('sector-progress-open');
export const pvFeeOpen = scheduled('pv-fee-open');
export const transportDekadOpen = scheduled('transport-dekad-open');
export const waterHalfMonthOpen = scheduled('water-half-month-open');
export const dibaoListsOpen = scheduled('dibao-lists-open');
export const dibaoListsOverdue = scheduled('dibao-lists-overdue');
export const cadreAllowanceOpen = scheduled('cadre-allowance-open');
export const halfYearBulletinsOpen = scheduled('half-year-bulletins-open');
export const preExitOpen = scheduled('pre-exit-open');
export const incomeSurveyOpen = scheduled('income-survey-open');
export const bankAssessmentData = scheduled('bank-assessment-data');
export const annualReportOpen = scheduled('annual-report-open');
export const budgetCheckOpen = scheduled('budget-check-open');
export const hardshipSurveyOpen = scheduled('hardship-survey-open');
export const povertyDayOpen = scheduled('poverty-day-open');
export const creditPlanOpen = scheduled('credit-plan-open');

/** The job table as served: schedule, owner, recipients, inputs, outputs, the deadline of the period the next firing is about. */
const describe = (now: Date) =>
  JOBS.map((job) => {
    const period = scheduledPeriod(job, now);
    const nominalDue = job.nominalDue(period);
    return {
      name: job.name,
      schedule: job.schedule,
      description: job.description,
      source: job.source,
      cycle: job.cycle,
      timing: job.timing,
      owner: job.owner,
      recipients: [...job.recipients],
      inputs: job.inputs,
      outputs: job.outputs,
      ...(job.form ? { form: job.form } : {}),
      ...(job.onlyOn ? { onlyOn: job.onlyOn } : {}),
      current: { period, nominalDue, due: workingDayOnOrAfter(nominalDue) },
    };
  });

export const listJobs = httpHandler(dispatchApi.listJobs, async ({ query, clock }) => {
  const page = await recentRuns(query.limit, query.cursor);
  return { jobs: describe(clock.now()), recentRuns: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
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
