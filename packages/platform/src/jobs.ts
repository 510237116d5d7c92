import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type Clock, systemClock } from './clock.js';
import { type IdGenerator, ulidGenerator } from './ids.js';
import { logger } from './logger.js';

/** What EventBridge Scheduler (or the local scheduler) sends to a job. */
export interface JobInvocation {
  job: string;
  /** The scheduled instant (ISO); on-demand runs pass the current time. */
  scheduledTime?: string;
  /** Optional narrowing for on-demand runs. */
  period?: string;
  region?: string;
}

export interface JobContext {
  clock: Clock;
  ids: IdGenerator;
  scheduledTime: Date;
}

export function jobHandler<R>(impl: (input: JobInvocation, ctx: JobContext) => Promise<R>, ports: { clock?: Clock; ids?: IdGenerator } = {}) {
  const handle = async (input: JobInvocation): Promise<R> => {
    const clock = ports.clock ?? systemClock;
    const scheduledTime = input.scheduledTime ? new Date(input.scheduledTime) : clock.now();
    logger.info('job started', { job: input.job, scheduledTime: scheduledTime.toISOString() });
    const result = await impl(input, { clock, ids: ports.ids ?? ulidGenerator, scheduledTime });
    logger.info('job finished', { job: input.job });
    return result;
  };
  return middy<JobInvocation, R, Error, Context>(handle).use(injectLambdaContext(logger));
}
