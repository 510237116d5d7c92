import * as z from 'zod';
import { defineEvent } from '../events.js';

/** Events of the subsidy service. Owned by the subsidy service. */
export const runCompleted = defineEvent(
  'subsidy.run.completed',
  z.object({
    runId: z.string(),
    period: z.string(),
    region: z.string(),
    catalogVersion: z.string(),
    households: z.number().int(),
    totalFen: z.number().int(),
    byItem: z.record(z.string(), z.object({ households: z.number().int(), totalFen: z.number().int() })),
  }),
);

export const rosterApproved = defineEvent(
  'subsidy.roster.approved',
  z.object({
    rosterId: z.string(),
    period: z.string(),
    region: z.string(),
    totalFen: z.number().int(),
    byItem: z.record(z.string(), z.object({ households: z.number().int(), totalFen: z.number().int() })),
  }),
);

export const rosterPaid = defineEvent('subsidy.roster.paid', z.object({ rosterId: z.string(), period: z.string(), region: z.string(), totalFen: z.number().int() }));
