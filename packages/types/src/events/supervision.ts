import * as z from 'zod';
import { defineEvent } from '../events.js';

/** Events of the supervision service (issue 17). Owned by the supervision service. */

/** The leading group approved a year's unit assessment (immutable from then on). */
export const assessmentApproved = defineEvent(
  'supervision.assessment.approved',
  z.object({
    district: z.string(),
    year: z.number().int(),
    results: z.array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        total: z.number(),
        grade: z.string(),
        vetoed: z.boolean(),
        award: z.string().nullable(),
      }),
    ),
  }),
);

/**
 * The daily coverage check of a district (000 L3081–3083): per town, key villages without a first
 * secretary or team, poor households without a helper, and the overdue yearly tasks and
 * rectification items of the town's unit. Dispatch keeps the latest figures as stocks.
 */
export const coverageChecked = defineEvent(
  'supervision.coverage.checked',
  z.object({
    district: z.string(),
    on: z.string(),
    towns: z.array(
      z.object({
        town: z.string(),
        keyVillages: z.number().int(),
        uncoveredVillages: z.number().int(),
        poorHouseholds: z.number().int(),
        withoutHelper: z.number().int(),
        overdueTasks: z.number().int(),
        overdueFindings: z.number().int(),
      }),
    ),
    /** The district's own units (departments): overdue tasks and rectification items. */
    districtOverdueTasks: z.number().int(),
    districtOverdueFindings: z.number().int(),
    overdue: z.array(z.object({ kind: z.enum(['task', 'finding']), id: z.string(), unitName: z.string(), title: z.string(), dueOn: z.string(), region: z.string() })),
  }),
);
