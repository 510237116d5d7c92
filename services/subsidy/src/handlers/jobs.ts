import { jobHandler } from '@jingzhun/platform';
import { Period, periodOf, RegionCode } from '@jingzhun/types';
import { processRun } from '../run/process.js';
import { startRun } from '../run/start.js';

/** Regions computed by the scheduled run (the demo district by default). */
const regions = () => (process.env.JZ_SUBSIDY_RUN_REGIONS ?? '370405000000').split(',').filter(Boolean);

/**
 * monthly-run: on the 1st at 02:00 computes the period for each configured region, or the one
 * period/region given on demand. Idempotent per period and region: a RUNNING run resumes from its
 * checkpoint, a completed one is re-run (recording the difference), an approved one is left alone.
 */
export const monthlyRun = jobHandler(async (input, ctx) => {
  const period = Period.parse(input.period ?? periodOf(ctx.scheduledTime));
  const targets = input.region ? [RegionCode.parse(input.region)] : regions();
  const actor = { sub: 'scheduler', role: 'system' };
  const results: {
    region: string;
    status: string;
    done: number;
    total: number;
    error?: string;
  }[] = [];
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
        deadline: ctx.clock.now().getTime() + 13 * 60_000,
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
  return { period, results };
});
