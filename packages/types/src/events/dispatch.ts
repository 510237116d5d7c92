import * as z from 'zod';
import { defineEvent } from '../events.js';

/** Events of the dispatch service. Owned by the dispatch service. */
export const reportBuilt = defineEvent('dispatch.report.built', z.object({ reportId: z.string(), period: z.string(), region: z.string(), kind: z.string() }));
