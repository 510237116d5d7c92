import * as z from 'zod';
import { defineEvent } from '../events.js';

/** Events of the scoring service. Owned by the scoring service. */
export const assessmentApproved = defineEvent(
  'scoring.assessment.approved',
  z.object({
    assessmentId: z.string(),
    year: z.number().int(),
    district: z.string(),
    results: z.array(z.object({ bankId: z.string(), bankName: z.string(), total: z.string(), prize: z.string().nullable() })),
    rewardsDueBy: z.string(),
  }),
);

export const loanIssued = defineEvent(
  'scoring.loan.issued',
  z.object({
    loanId: z.string(),
    bankId: z.string(),
    householdId: z.string(),
    region: z.string(),
    amountFen: z.number().int(),
    issuedOn: z.string(),
    termMonths: z.number().int(),
  }),
);

export const loanOverdue = defineEvent(
  'scoring.loan.overdue',
  z.object({ loanId: z.string(), bankId: z.string(), householdId: z.string(), region: z.string(), overdueFen: z.number().int(), since: z.string() }),
);

export const loanRepaid = defineEvent(
  'scoring.loan.repaid',
  z.object({ loanId: z.string(), bankId: z.string(), householdId: z.string(), region: z.string(), amountFen: z.number().int(), repaidOn: z.string() }),
);
