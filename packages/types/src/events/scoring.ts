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

/** 贴息 of one loan for one quarter, computed once (workflows.md §5.4). */
export const subsidyComputed = defineEvent(
  'scoring.microcredit.subsidy-computed',
  z.object({
    district: z.string(),
    quarter: z.string(),
    loanId: z.string(),
    bankId: z.string(),
    householdId: z.string(),
    region: z.string(),
    interestFen: z.number().int(),
    subsidyFen: z.number().int(),
    /** OVERDUE when the loan was overdue on a day of the quarter. */
    cancelled: z.string().optional(),
  }),
);

/** The quarter-end rates of each bank against the NPL tolerance (004 BANK-18 L1396) and the rating coverage (004 BANK-09 L1370). */
export const quarterReviewed = defineEvent(
  'scoring.microcredit.quarter-reviewed',
  z.object({
    district: z.string(),
    quarter: z.string(),
    on: z.string(),
    banks: z.array(z.object({ bankId: z.string(), outstandingFen: z.number().int(), overdueRatePct: z.string(), nplRatePct: z.string(), status: z.string() })),
    coverage: z.object({ eligible: z.number().int(), rated: z.number().int(), coveragePct: z.string().nullable(), metTarget: z.boolean().nullable() }),
  }),
);

/** A drawdown of the county risk-compensation fund for a loan's loss (004 BANK-01 L1387, BANK-24 L1398). */
export const riskFundDrawn = defineEvent(
  'scoring.riskfund.drawn',
  z.object({
    district: z.string(),
    loanId: z.string(),
    bankId: z.string(),
    region: z.string(),
    lossFen: z.number().int(),
    sharePct: z.string(),
    amountFen: z.number().int(),
    drawnOn: z.string(),
    balanceAfterFen: z.number().int(),
  }),
);
