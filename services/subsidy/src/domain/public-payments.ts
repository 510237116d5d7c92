/**
 * What a household's head is told about the household's own published payments (issue 14;
 * decisions Subsidy 30), pure: per period and item, the amount on an approved
 * roster and whether the bank paid it. Only approved rosters count (a computed, unapproved run is
 * not a decision yet); no member names, accounts or failure reasons.
 */
import { type PaymentStatus, type PayRow, payRows } from './payment.js';
import type { RosterLine } from './roster.js';

export type PublicPaymentStatus = 'approved' | 'paid' | 'failed';

export interface PublicPayment {
  period: string;
  itemName: string;
  amountFen: number;
  status: PublicPaymentStatus;
  statusName: string;
}

const STATUS_NAMES: Record<PublicPaymentStatus, string> = {
  approved: '已审核，待发放',
  paid: '已发放到一卡通',
  failed: '发放未成功，请联系村委会或乡镇核实账户',
};

/** The rows of a line and, for each, the bank's last word on it (undefined: no result yet). */
export function publicPayment(period: string, line: RosterLine, outcomeOf: (row: PayRow) => PaymentStatus | undefined): PublicPayment | undefined {
  const rows = payRows(period, line);
  if (rows.length === 0) return undefined;
  const outcomes = rows.map(outcomeOf);
  const status: PublicPaymentStatus = outcomes.includes('failed') ? 'failed' : outcomes.every((o) => o === 'paid') ? 'paid' : 'approved';
  return { period, itemName: line.nameZh, amountFen: rows.reduce((sum, row) => sum + row.amountFen, 0), status, statusName: STATUS_NAMES[status] };
}

/** Newest period first, items in the order of the catalogue's names. */
export function sortPublicPayments(payments: PublicPayment[]): PublicPayment[] {
  return [...payments].sort((a, b) => b.period.localeCompare(a.period) || a.itemName.localeCompare(b.itemName, 'zh-CN'));
}
