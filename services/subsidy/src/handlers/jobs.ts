import { jobHandler, logger } from '@jingzhun/platform';
import { Period, periodOf, RegionCode } from '@jingzhun/types';
import { processRun } from '../run/process.js';
import { configuredRegions, failureMessage, type RegionOutcome, unfinished } from '../run/schedule.js';
import { startRun } from '../run/start.js';

/** The invocation's own budget: Lambda stops it at 15 minutes; what is not done by 13 resumes on the retry. */
const BUDGET_MS = 13 * 60_000;

/**
 * monthly-run: on the 1st at 02:00 computes the period for each configured region, or the one
 * period/region given on demand. Idempotent per period and region: a RUNNING run resumes from its
 * checkpoint, a completed one is re-run (recording the difference), an approved one is left alone.
 * The regions share one deadline (one invocation's 15 minutes); a region refused or unfinished fails
 * the invocation after every region has had its turn (run/schedule.ts).
 */
export const monthlyRun = jobHandler(async (input, ctx) => {
  const period = Period.parse(input.period ?? periodOf(ctx.scheduledTime));
  const targets = input.region ? [RegionCode.parse(input.region)] : configuredRegions(process.env);
  const actor = { sub: 'scheduler', role: 'system' };
  const deadline = ctx.clock.now().getTime() + BUDGET_MS;
  const results: RegionOutcome[] = [];
  for (const region of targets) {
    try {
      const run = await startRun(period, region, {
        clock: ctx.clock,
        ids: ctx.ids,
        actor,
      });
      const after = await processRun(period, region, {
        clock: ctx.clock,
        ids: ctx.ids,
        actor,
        deadline,
      });
      results.push({
        region: run.region,
        status: after.status,
        done: after.progress.done,
        total: after.progress.total,
      });
    } catch (error) {
      results.push({
        region,
        status: 'REFUSED',
        done: 0,
        total: 0,
        error: (error as Error).message,
      });
    }
  }
  const failed = unfinished(results);
  if (failed.length > 0) {
    logger.error('monthly run did not complete every region', { period, failed });
    throw new Error(failureMessage(period, failed));
  }
  return { period, results };
});
