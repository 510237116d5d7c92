import * as z from 'zod';
import { defineEvent } from '../events.js';

/**
 * Events of the identification service's 民政 case work (issue 20) for dispatch: the 特困 care of
 * each case (the centralised-care rate, seed 004 ID-44 L328) and every temporary-aid case with the
 * deadline of the step it waits for (dispatch's overdue list, 004 ID-46 L329). No names, no ID
 * numbers, no income. Owned by the identification service: extend by adding optional fields only.
 */
export const assistanceCaseChanged = defineEvent(
  'identification.assistance-case.changed',
  z.object({
    caseId: z.string(),
    kind: z.enum(['dibao', 'tekun']),
    householdId: z.string(),
    region: z.string(),
    state: z.string(),
    /** Whether the household holds the status (在保, 渐退中, 待取消). */
    holdsStatus: z.boolean(),
    care: z.object({ canSelfCare: z.boolean(), centralised: z.boolean() }).optional(),
    at: z.string(),
  }),
);

export const temporaryAidChanged = defineEvent(
  'identification.temporary-aid.changed',
  z.object({
    aidId: z.string(),
    householdId: z.string(),
    region: z.string(),
    emergency: z.boolean(),
    state: z.string(),
    amountFen: z.number().int(),
    openedOn: z.string(),
    /** The step the case waits for and its due date or instant; absent once paid or rejected. */
    deadline: z.object({ step: z.string(), due: z.string() }).optional(),
    completedOn: z.string().optional(),
    at: z.string(),
  }),
);
