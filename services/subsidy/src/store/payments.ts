/**
 * Payment results and re-issue rosters in the subsidy table: a result per line reference and
 * roster, the import records, and the re-issue rosters with their lines.
 */
import { queryAll } from '@jingzhun/platform';
import type { PaymentResult, PayRow } from '../domain/payment.js';
import { payRows } from '../domain/payment.js';
import type { RunItem } from '../run/process.js';
import { runLines } from '../run/roster-store.js';
import { paymentKeys, reissueKeys, runKeys } from './keys.js';
import { table } from './table.js';

/** A stored result: the row it pays (as exported) plus the bank's answer and its history. */
export interface PaymentItem extends PayRow, PaymentResult {
  pk: string;
  sk: string;
  entity: 'payment';
  rosterId: string;
  version: number;
  importId: string;
  history: { status: string; reason?: string; importId: string; at: string; by: string; correction?: string }[];
  [key: string]: unknown;
}

export interface ReissueItem {
  pk: string;
  sk: string;
  entity: 'reissue';
  rosterId: string;
  period: string;
  region: string;
  n: number;
  status: 'BUILDING' | 'READY';
  lines: number;
  totalFen: number;
  createdBy: string;
  version: number;
  createdAt?: string;
  [key: string]: unknown;
}

const UNBOUNDED = 10_000_000;

export async function paymentResults(rosterId: string): Promise<PaymentItem[]> {
  return queryAll<PaymentItem>({ table: table(), partition: paymentKeys.ofRoster(rosterId), max: UNBOUNDED });
}

export async function reissuesOf(period: string, region: string): Promise<ReissueItem[]> {
  return queryAll<ReissueItem>({ table: table(), partition: reissueKeys.ofRun(period, region), max: UNBOUNDED });
}

export async function reissueLines(period: string, region: string, n: number): Promise<PayRow[]> {
  const items = await queryAll<PayRow & { pk: string }>({ table: table(), partition: reissueKeys.lines(period, region, n), max: UNBOUNDED });
  return items.map(({ ref, period: p, village, town, householdId, headName, itemId, nameZh, subject, subjectName, amountFen }) => ({
    ref,
    period: p,
    village,
    town,
    householdId,
    headName,
    itemId,
    nameZh,
    subject,
    subjectName,
    amountFen,
  }));
}

/** The rows a roster pays: the run's lines (approved) or a re-issue roster's lines. */
export async function rosterRows(run: RunItem, reissue: number | undefined): Promise<PayRow[]> {
  if (reissue !== undefined) return reissueLines(run.period, run.region, reissue);
  const rows: PayRow[] = [];
  for await (const line of runLines(run)) rows.push(...payRows(run.period, line));
  return rows;
}

export function rosterIdOf(run: Pick<RunItem, 'period' | 'region'>, reissue: number | undefined): string {
  return reissue === undefined ? runKeys.rosterId(run.period, run.region) : reissueKeys.rosterId(run.period, run.region, reissue);
}

/** Every result of a period's roster and its finished re-issue rosters (what the disclosure counts). */
export async function allResults(run: Pick<RunItem, 'period' | 'region'>): Promise<PaymentItem[]> {
  const rosters = [rosterIdOf(run, undefined), ...(await reissuesOf(run.period, run.region)).filter((r) => r.status === 'READY').map((r) => r.rosterId)];
  return (await Promise.all(rosters.map(paymentResults))).flat();
}
