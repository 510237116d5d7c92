/**
 * Paying a roster, pure: the rows a bank pays (one per paid subject of a line, each with a stable
 * line reference), who is paid and into which 一卡通 account, the bank export, the payment-result
 * file (validated row by row, all or nothing), and the paid amounts the fund disclosure counts.
 */
import { type BankAccountInput, formatYuan, type identificationEvents } from '@jingzhun/types';
import type { ItemTotal, RosterLine } from './roster.js';

export type Payee = identificationEvents.Payee;

/** One payment a roster asks the bank to make. */
export interface PayRow {
  ref: string;
  period: string;
  village: string;
  town: string;
  householdId: string;
  headName: string;
  itemId: string;
  nameZh: string;
  /** 'household', 'applicant' or the member paid for. */
  subject: string;
  subjectName: string;
  amountFen: number;
}

export type PaymentStatus = 'paid' | 'failed';

/** The stored result of one row in one roster. */
export interface PaymentResult {
  ref: string;
  status: PaymentStatus;
  reason?: string;
  amountFen: number;
  town: string;
  itemId: string;
  householdId: string;
  /** Set once the failed row has been carried into re-issue roster n (never twice). */
  reissuedIn?: number;
  version?: number;
}

/**
 * Line reference: period / village / household / item / subject. The same obligation keeps its
 * reference in a re-issue roster, so a re-issued line is recognisable and never paid twice.
 */
export function lineRef(period: string, village: string, householdId: string, itemId: string, subject: string): string {
  return [period, village, householdId, itemId, subject].join('/');
}

export function parseLineRef(ref: string): { period: string; village: string; householdId: string; itemId: string; subject: string } | undefined {
  const parts = ref.split('/');
  if (parts.length !== 5 || parts.some((part) => part === '')) return undefined;
  const [period, village, householdId, itemId, subject] = parts as [string, string, string, string, string];
  if (!/^\d{4}-\d{2}$/.test(period) || !/^\d{12}$/.test(village)) return undefined;
  return { period, village, householdId, itemId, subject };
}

/** The rows a roster line pays: one per payable subject with an amount (as the export always did). */
export function payRows(period: string, line: RosterLine): PayRow[] {
  if (line.status !== 'payable') return [];
  return line.subjects
    .filter((subject) => subject.status === 'payable' && subject.amountFen > 0)
    .map((subject) => ({
      ref: lineRef(period, line.village, line.householdId, line.itemId, subject.subject),
      period,
      village: line.village,
      town: line.town,
      householdId: line.householdId,
      headName: line.headName,
      itemId: line.itemId,
      nameZh: line.nameZh,
      subject: subject.subject,
      subjectName: subject.name ?? line.headName,
      amountFen: subject.amountFen,
    }));
}

export interface PayeeChoice {
  /** Who receives the money (the name and ID number the bank checks). */
  payee?: Payee;
  account?: BankAccountInput;
  /** Why the row cannot be paid (no account, no member data). */
  problem?: string;
}

/**
 * Who is paid: a person's line goes to that member's own 一卡通 when they hold one; otherwise, and
 * for household and applicant lines, to the household head's (the 一卡通 is the household's card,
 * held by the head). Without either account the row is listed as missing an account.
 */
export function choosePayee(subject: string, payees: readonly Payee[] | undefined): PayeeChoice {
  if (!payees) return { problem: '未收到该户成员信息' };
  const active = payees.filter((payee) => payee.status === 'active');
  const member = active.find((payee) => payee.memberId === subject);
  if (member?.account) return { payee: member, account: member.account };
  const head = active.find((payee) => payee.relation === 'head');
  if (head?.account) return { payee: head, account: head.account };
  const named = member ?? head;
  return { ...(named ? { payee: named } : {}), problem: '缺少一卡通账户' };
}

export const BANK_HEADER = ['业务编号', '镇（街）', '村', '户编号', '户主', '收款人', '收款人身份证号', '开户银行', '账号', '项目编号', '项目', '享受人', '金额（元）'];
export const MISSING_HEADER = ['业务编号', '镇（街）', '村', '户编号', '户主', '收款人', '项目编号', '项目', '享受人', '金额（元）', '原因'];

type Cell = string | number | null;

/** The bank export: rows the bank pays, and rows listed as missing an account (not sent to the bank). */
export function bankRows(rows: readonly PayRow[], payeesOf: (householdId: string) => readonly Payee[] | undefined) {
  const pay: Cell[][] = [];
  const missing: Cell[][] = [];
  let payFen = 0;
  let missingFen = 0;
  for (const row of rows) {
    const choice = choosePayee(row.subject, payeesOf(row.householdId));
    if (choice.payee && choice.account) {
      payFen += row.amountFen;
      pay.push([
        row.ref,
        row.town,
        row.village,
        row.householdId,
        row.headName,
        choice.payee.name,
        choice.payee.idNumber,
        choice.account.bank,
        choice.account.number,
        row.itemId,
        row.nameZh,
        row.subjectName,
        formatYuan(row.amountFen),
      ]);
    } else {
      missingFen += row.amountFen;
      missing.push([
        row.ref,
        row.town,
        row.village,
        row.householdId,
        row.headName,
        choice.payee?.name ?? row.headName,
        row.itemId,
        row.nameZh,
        row.subjectName,
        formatYuan(row.amountFen),
        choice.problem ?? '',
      ]);
    }
  }
  return { pay, missing, payFen, missingFen };
}

// Payment results ------------------------------------------------------------------------------

export interface RowProblem {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  ref?: string;
  code: string;
  message: string;
}

export interface RowOutcome {
  row: number;
  ref: string;
  outcome: 'paid' | 'failed' | 'corrected' | 'unchanged';
  /** The roster line's amount, its payee and item, and the bank's reason for a failure (the per-row report shows them). */
  amountFen: number;
  name: string;
  nameZh: string;
  reason?: string;
}

export interface ResultChange {
  ref: string;
  status: PaymentStatus;
  reason?: string;
  row: PayRow;
  before?: PaymentResult;
}

const PAID_WORDS = new Set(['paid', '成功', '已发放', '发放成功']);
const FAILED_WORDS = new Set(['failed', '失败', '发放失败', '退回']);

function column(header: readonly string[], ...names: string[]): number {
  return header.findIndex((cell) => names.includes(cell.trim()));
}

function yuanToFen(text: string): number | undefined {
  const cleaned = text.replace(/,/g, '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [whole, fraction = ''] = cleaned.split('.') as [string, string?];
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function lineOf(row: PayRow, reason: string | undefined): Pick<RowOutcome, 'amountFen' | 'name' | 'nameZh' | 'reason'> {
  return { amountFen: row.amountFen, name: row.subjectName || row.headName, nameZh: row.nameZh, ...(reason ? { reason } : {}) };
}

/** Amounts of a checked file by outcome (a corrected line was paid and is now failed). */
export function amountsByOutcome(outcomes: readonly RowOutcome[]): { paidFen: number; failedFen: number; correctedFen: number; unchangedFen: number } {
  const sum = (kind: RowOutcome['outcome']) => outcomes.filter((o) => o.outcome === kind).reduce((total, o) => total + o.amountFen, 0);
  return { paidFen: sum('paid'), failedFen: sum('failed'), correctedFen: sum('corrected'), unchangedFen: sum('unchanged') };
}

/**
 * Checks a payment-result file against the roster and the results already recorded, row by row.
 * Columns by header: 业务编号 (line reference), 发放结果 (成功 / 失败, paid / failed), 失败原因
 * (required when failed), optionally 金额（元） (must equal the line's amount). Rules:
 * - a row whose result is already recorded the same way is `unchanged` (importing a file twice
 *   changes nothing the second time);
 * - a paid row becomes failed only with an explicit correction (`correction` reason);
 * - a failed row already carried into a re-issue roster can no longer be paid here (it is paid
 *   there, or not at all).
 * Any problem refuses the whole file.
 */
export function checkResults(
  table: readonly (readonly string[])[],
  roster: ReadonlyMap<string, PayRow>,
  recorded: ReadonlyMap<string, PaymentResult>,
  correction: string | undefined,
): { problems: RowProblem[]; outcomes: RowOutcome[]; changes: ResultChange[] } {
  const problems: RowProblem[] = [];
  const outcomes: RowOutcome[] = [];
  const changes: ResultChange[] = [];
  const [header = [], ...body] = table;
  const refAt = column(header, '业务编号', 'ref', 'lineRef');
  const statusAt = column(header, '发放结果', 'status');
  const reasonAt = column(header, '失败原因', 'reason');
  const amountAt = column(header, '金额（元）', '金额', 'amountYuan');
  if (refAt < 0 || statusAt < 0) {
    problems.push({ row: 1, code: 'HEADER_INVALID', message: '表头须包含“业务编号”和“发放结果”两列' });
    return { problems, outcomes, changes };
  }
  const seen = new Set<string>();
  for (const [index, cells] of body.entries()) {
    const rowNumber = index + 2;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const ref = (cells[refAt] ?? '').trim();
    const problem = (code: string, message: string): void => {
      problems.push({ row: rowNumber, ...(ref ? { ref } : {}), code, message });
    };
    const row = roster.get(ref);
    if (!row) {
      problem('UNKNOWN_LINE', '业务编号不在本花名册中');
      continue;
    }
    if (seen.has(ref)) {
      problem('DUPLICATE_LINE', '同一业务编号在文件中出现多次');
      continue;
    }
    seen.add(ref);
    const word = (cells[statusAt] ?? '').trim().toLowerCase();
    const status: PaymentStatus | undefined = PAID_WORDS.has(word) ? 'paid' : FAILED_WORDS.has(word) ? 'failed' : undefined;
    if (!status) {
      problem('STATUS_INVALID', '发放结果须为“成功”或“失败”');
      continue;
    }
    const reason = reasonAt >= 0 ? (cells[reasonAt] ?? '').trim().slice(0, 200) : '';
    if (status === 'failed' && reason === '') {
      problem('REASON_REQUIRED', '发放失败须填写失败原因');
      continue;
    }
    if (amountAt >= 0 && (cells[amountAt] ?? '').trim() !== '') {
      const fen = yuanToFen(cells[amountAt] ?? '');
      if (fen !== row.amountFen) {
        problem('AMOUNT_MISMATCH', `金额与花名册不符（花名册 ${formatYuan(row.amountFen)} 元）`);
        continue;
      }
    }
    const before = recorded.get(ref);
    if (before && before.status === status && (status === 'paid' || before.reason === reason)) {
      outcomes.push({ row: rowNumber, ref, outcome: 'unchanged', ...lineOf(row, before.status === 'failed' ? before.reason : undefined) });
      continue;
    }
    if (before?.status === 'paid' && status === 'failed' && !correction) {
      problem('ALREADY_PAID', '该笔已登记发放成功，改为失败须作为更正提交并说明理由');
      continue;
    }
    if (before?.reissuedIn !== undefined) {
      problem('LINE_REISSUED', `该笔已转入第 ${before.reissuedIn} 次补发花名册，不能在此登记`);
      continue;
    }
    const corrected = before?.status === 'paid';
    outcomes.push({ row: rowNumber, ref, outcome: corrected ? 'corrected' : status, ...lineOf(row, status === 'failed' ? reason : undefined) });
    changes.push({ ref, status, ...(status === 'failed' ? { reason } : {}), row, ...(before ? { before } : {}) });
  }
  return { problems, outcomes, changes };
}

/** The rows a re-issue roster takes: failed, not yet re-issued, oldest roster first, one per reference. */
export function reissuable(results: readonly PaymentResult[]): PaymentResult[] {
  const chosen = new Map<string, PaymentResult>();
  for (const result of results) if (result.status === 'failed' && result.reissuedIn === undefined && !chosen.has(result.ref)) chosen.set(result.ref, result);
  return [...chosen.values()];
}

/**
 * Paid amounts by town and item for the fund disclosure: only rows the bank reported paid, in the
 * run's roster and its re-issue rosters; households counted once per town and item.
 */
export function paidTotals(results: readonly PaymentResult[]): { totalFen: number; byTown: Record<string, Record<string, ItemTotal>> } {
  const byTown: Record<string, Record<string, ItemTotal>> = {};
  const households = new Map<string, Set<string>>();
  let totalFen = 0;
  for (const result of results) {
    if (result.status !== 'paid') continue;
    totalFen += result.amountFen;
    const items = byTown[result.town] ?? {};
    byTown[result.town] = items;
    const total = items[result.itemId] ?? { households: 0, totalFen: 0 };
    items[result.itemId] = total;
    total.totalFen += result.amountFen;
    const key = `${result.town}#${result.itemId}`;
    const seen = households.get(key) ?? new Set<string>();
    households.set(key, seen);
    if (!seen.has(result.householdId)) {
      seen.add(result.householdId);
      total.households += 1;
    }
  }
  return { totalFen, byTown };
}
