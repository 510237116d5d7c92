import * as z from 'zod';
import { defineEvent } from '../events.js';
import { NoticeRequest } from './notices.js';

/**
 * Events of the funds service (issue 16): money received and allocated by the factor method,
 * project steps, payments, asset income distributed to households, and notice requests for the
 * disclosures of "两个一律" (seed 004 PUB-01 L409). Dispatch counts the money (支出月调度, seed 004
 * SCH-02 L408); notices publishes the disclosures. Owned by the funds service.
 */
export const fundReceived = defineEvent(
  'funds.fund.received',
  z.object({ fundId: z.string(), region: z.string(), year: z.number().int(), title: z.string(), amountFen: z.number().int(), receivedOn: z.string() }),
);

export const allocationMade = defineEvent(
  'funds.allocation.made',
  z.object({
    allocationId: z.string(),
    fundId: z.string(),
    region: z.string(),
    allocatedOn: z.string(),
    lines: z.array(z.object({ region: z.string(), amountFen: z.number().int() })),
  }),
);

export const projectStepped = defineEvent(
  'funds.project.stepped',
  z.object({ projectId: z.string(), region: z.string(), action: z.string(), state: z.string(), budgetFen: z.number().int(), at: z.string() }),
);

export const paymentDisbursed = defineEvent(
  'funds.payment.disbursed',
  z.object({ paymentId: z.string(), projectId: z.string(), fundId: z.string(), potId: z.string(), region: z.string(), amountFen: z.number().int(), paidOn: z.string() }),
);

/** Asset income paid to households: facts for the household's benefits and its property or wage income. */
export const incomeDistributed = defineEvent(
  'funds.income.distributed',
  z.object({
    distributionId: z.string(),
    assetId: z.string(),
    assetName: z.string(),
    region: z.string(),
    period: z.string(),
    distributedOn: z.string(),
    collectiveFen: z.number().int(),
    collectiveFund: z.string(),
    lines: z.array(z.object({ householdId: z.string(), amountFen: z.number().int(), link: z.string(), incomeKind: z.enum(['wage', 'property']) })),
  }),
);

export const noticeRequested = defineEvent('funds.notice.requested', NoticeRequest);
