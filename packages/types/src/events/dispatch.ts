import * as z from 'zod';
import { defineEvent } from '../events.js';

/** Events of the dispatch service. Owned by the dispatch service. */
export const reportBuilt = defineEvent('dispatch.report.built', z.object({ reportId: z.string(), period: z.string(), region: z.string(), kind: z.string() }));

/**
 * A scheduled job recorded its output for a period and region (a filing period opened, an overdue
 * list, a ranked bulletin): once per (job, period, region), for the recipients to be notified.
 */
export const jobOutputRecorded = defineEvent(
  'dispatch.job.output-recorded',
  z.object({ job: z.string(), period: z.string(), region: z.string(), recipients: z.array(z.string()), summary: z.string() }),
);
