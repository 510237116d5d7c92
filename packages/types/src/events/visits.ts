import * as z from 'zod';
import { defineEvent } from '../events.js';

/**
 * Events of the identification service's visit records (入户走访, issue 15). Dispatch counts them
 * for visit coverage per village and per helper. No personal data beyond the helper's name.
 * Owned by the identification service: extend by adding optional fields only.
 */
export const visitRecorded = defineEvent(
  'identification.visit.recorded',
  z.object({
    visitId: z.string(),
    householdId: z.string(),
    /** The household's village (12 digits). */
    region: z.string(),
    /** The day of the visit, YYYY-MM-DD (Asia/Shanghai). */
    date: z.string(),
    /** The signed-in account that recorded it. */
    visitor: z.object({ sub: z.string(), name: z.string().optional() }),
    /** The household's 帮扶责任人 on the day of the visit (000 ID-13 L546–550), when it has one. */
    helper: z.object({ name: z.string(), unit: z.string() }).optional(),
    /** The visit reported a risk of falling back (返贫). */
    risk: z.boolean(),
  }),
);
