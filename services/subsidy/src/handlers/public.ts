import { addressKey, getItem, hourBucket, httpHandler, queryAll, respond, takeRate } from '@jingzhun/platform';
import { isWithinRegion, subsidyApi } from '@jingzhun/types';
import { type PaymentStatus, type PayRow, payRows } from '../domain/payment.js';
import { type PublicPayment, publicPayment, sortPublicPayments } from '../domain/public-payments.js';
import type { RosterLine } from '../domain/roster.js';
import type { RunItem } from '../run/process.js';
import { villageLines } from '../run/roster-store.js';
import { lineKeys, payeeKeys, paymentKeys, rateKeys, reissueKeys, runKeys } from '../store/keys.js';
import { headOf, idNumberHash, type PayeesItem } from '../store/payees.js';
import type { PaymentItem } from '../store/payments.js';
import { table } from '../store/table.js';

/**
 * Flood control of the payments lookup [PROP] (decisions Subsidy 30), per clock
 * hour: per caller address, and per ID number from all addresses together, so whoever knows an ID
 * number cannot try name after name for it, and no address can walk through ID numbers.
 */
export const PAYMENT_LOOKUP_LIMITS = { perAddressPerHour: 10, perIdNumberPerHour: 5 } as const;

const APPROVED = new Set(['APPROVED', 'PAID']);

function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * POST /public/payments/lookup: the household whose head has this ID number and this name, and its
 * lines on approved rosters with the bank's results. A wrong name, an unknown number and a
 * household without published payments all answer `{ items: [] }`.
 */
export const lookupPayments = httpHandler(subsidyApi.publicPaymentsLookup, async ({ body, sourceIp, clock }) => {
  const now = clock.now();
  const hour = hourBucket(now);
  const idHash = idNumberHash(body.idNumber);
  await takeRate(table(), rateKeys.lookupsByAddress(addressKey(sourceIp), hour), PAYMENT_LOOKUP_LIMITS.perAddressPerHour, now);
  await takeRate(table(), rateKeys.lookupsByIdNumber(idHash.slice(0, 32), hour), PAYMENT_LOOKUP_LIMITS.perIdNumberPerHour, now);
  const candidates = await queryAll<{ householdId: string; village: string }>({ table: table(), partition: payeeKeys.ofHeadId(idHash), max: 20 });
  const items: PublicPayment[] = [];
  for (const candidate of candidates) {
    const payees = await getItem<PayeesItem>(table(), payeeKeys.household(candidate.householdId));
    const head = payees ? headOf(payees.payees) : undefined;
    if (!head || head.idNumber.toUpperCase() !== body.idNumber.toUpperCase() || normaliseName(head.name) !== normaliseName(body.headName)) continue;
    items.push(...(await householdPayments(candidate.householdId, candidate.village)));
  }
  return respond(200, { items: sortPublicPayments(items) }, { 'cache-control': 'no-store' });
});

async function householdPayments(householdId: string, village: string): Promise<PublicPayment[]> {
  const runs = await queryAll<RunItem>({ table: table(), index: 'gsi2', partition: runKeys.approvedInCounty(village), max: 1000 });
  const payments: PublicPayment[] = [];
  for (const run of runs.filter((r) => APPROVED.has(r.status) && isWithinRegion(village, r.region))) {
    for await (const line of villageLines(run.period, village, lineKeys.householdRange(householdId))) {
      const outcomes = await outcomesOf(run, line);
      const payment = publicPayment(run.period, line, (row) => outcomes.get(row.ref));
      if (payment) payments.push(payment);
    }
  }
  return payments;
}

/** The bank's last word on each row of a line: the period's roster, then the re-issue a failed row was carried into. */
async function outcomesOf(run: RunItem, line: RosterLine): Promise<Map<string, PaymentStatus>> {
  const outcomes = new Map<string, PaymentStatus>();
  await Promise.all(
    payRows(run.period, line).map(async (row: PayRow) => {
      let result = await getItem<PaymentItem>(table(), paymentKeys.result(runKeys.rosterId(run.period, run.region), row.ref));
      for (let hops = 0; result?.status === 'failed' && result.reissuedIn !== undefined && hops < 20; hops++) {
        const next = await getItem<PaymentItem>(table(), paymentKeys.result(reissueKeys.rosterId(run.period, run.region, result.reissuedIn), row.ref));
        if (!next) break;
        result = next;
      }
      if (result) outcomes.set(row.ref, result.status);
    }),
  );
  return outcomes;
}
