import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { isFirstWorkingDayOfMonth, shanghaiDate } from '@jingzhun/types';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type Clock, systemClock } from './clock.js';
import { withCorrelation } from './correlation.js';
import { type IdGenerator, ulidGenerator } from './ids.js';
import { logger } from './logger.js';
import { businessMetricsFlush } from './metrics.js';

/** What EventBridge Scheduler (or the local scheduler) sends to a job. */
export interface JobInvocation {
  job: string;
  /** The scheduled instant (ISO); on-demand runs pass the current time. */
  scheduledTime?: string;
  /** Optional narrowing for on-demand runs. */
  period?: string;
  region?: string;
  /**
   * Set by the schedule of a job that runs only on the first working day of the month (WD1,
   * workflows.md §6): cron cannot say that, so the schedule fires on days 1–10 and the job itself
   * skips the other days, by the holiday calendar. On-demand runs do not set it.
   */
  onlyOn?: 'first-working-day';
}

export interface JobContext {
  clock: Clock;
  ids: IdGenerator;
  scheduledTime: Date;
}

/** What a WD1 job returns on a day that is not the first working day of its month. */
export interface JobSkipped {
  skipped: string;
}

export function jobHandler<R>(impl: (input: JobInvocation, ctx: JobContext) => Promise<R>, ports: { clock?: Clock; ids?: IdGenerator } = {}) {
  const handle = async (input: JobInvocation, context: Context): Promise<R | JobSkipped> => {
    const correlationId = `job:${input.job}:${context?.awsRequestId ?? (ports.ids ?? ulidGenerator).next()}`;
    logger.appendKeys({ correlationId });
    return withCorrelation(correlationId, () => run(input));
  };
  const run = async (input: JobInvocation): Promise<R | JobSkipped> => {
    const clock = ports.clock ?? systemClock;
    const scheduledTime = input.scheduledTime ? new Date(input.scheduledTime) : clock.now();
    const day = shanghaiDate(scheduledTime);
    if (input.onlyOn === 'first-working-day' && !isFirstWorkingDayOfMonth(day)) {
      logger.info('job skipped: not the first working day of the month', { job: input.job, scheduledTime: scheduledTime.toISOString() });
      return { skipped: `${day} 不是本月第一个工作日` };
    }
    logger.info('job started', { job: input.job, scheduledTime: scheduledTime.toISOString() });
    const result = await impl(input, { clock, ids: ports.ids ?? ulidGenerator, scheduledTime });
    logger.info('job finished', { job: input.job });
    return result;
  };
  return middy<JobInvocation, R | JobSkipped, Error, Context>(handle)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(businessMetricsFlush());
}
