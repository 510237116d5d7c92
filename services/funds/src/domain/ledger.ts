import { DomainError, fundsApi } from '@jingzhun/types';

/**
 * The fund ledger: every movement of poverty money is one double entry between two accounts, in
 * integer fen (seed 004 L408 SCH-02 扶贫资金支出月调度, L409 "建立扶贫资金动态监控制度": the
 * money is followed from allocation to use; seed 002 S-8 L51 the project stages it moves through).
 *
 * Accounts:
 * - `upper`: the levels above (中央、省、市): a fund received is a transfer out of it, so its
 *   balance is minus everything received;
 * - `pot:<potId>`: money allocated to a region of a fund and not yet committed (资金池 of the
 *   county, or a town's or village's share after the factor method);
 * - `committed:<projectId>:<potId>`: committed to an approved project (立项) and not yet paid;
 * - `disbursed:<projectId>:<potId>`: paid out for the project (报账拨付).
 *
 * Movements: received (upper → pot), allocated (pot → pot), committed (pot → committed),
 * released (committed → pot: a correction or a project closed under budget), disbursed
 * (committed → disbursed). No account but `upper` may go below zero, so every entry is covered,
 * and the balances always add up to zero (the books balance). A correction is a new entry, never
 * an edit (issue 16 "corrections are new entries").
 */
export const ENTRY_KINDS = fundsApi.ENTRY_KINDS;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_KIND_NAMES: Record<EntryKind, string> = {
  received: '资金到位',
  allocated: '切块分配',
  committed: '项目立项安排',
  released: '调减释放',
  disbursed: '报账拨付',
};

export const UPPER = 'upper';
export const potAccount = (potId: string) => `pot:${potId}`;
export const committedAccount = (projectId: string, potId: string) => `committed:${projectId}:${potId}`;
export const disbursedAccount = (projectId: string, potId: string) => `disbursed:${projectId}:${potId}`;

export interface Movement {
  kind: EntryKind;
  /** The account the money leaves. */
  from: string;
  /** The account the money reaches. */
  to: string;
  amountFen: number;
}

export type Balances = Readonly<Record<string, number>>;

const EXPECTED: Record<EntryKind, [RegExp, RegExp]> = {
  received: [/^upper$/, /^pot:/],
  allocated: [/^pot:/, /^pot:/],
  committed: [/^pot:/, /^committed:/],
  released: [/^committed:/, /^pot:/],
  disbursed: [/^committed:/, /^disbursed:/],
};

const SHORTFALL_MESSAGES: Record<EntryKind, [string, string]> = {
  received: ['LEDGER_INVALID', '资金到位不能透支'],
  allocated: ['POT_INSUFFICIENT', '可分配资金不足，不能超额分配'],
  committed: ['POT_INSUFFICIENT', '该资金可用余额不足，不能超额安排项目'],
  released: ['COMMITTED_INSUFFICIENT', '调减金额超过该项目已安排未拨付的资金'],
  disbursed: ['COMMITTED_INSUFFICIENT', '拨付金额超过该项目已安排未拨付的资金'],
};

/** Applies one movement; throws (nothing changes) when it is malformed or not covered. */
export function post(balances: Balances, movement: Movement): Record<string, number> {
  const { kind, from, to, amountFen } = movement;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new DomainError('AMOUNT_INVALID', '金额须为正的整数分', 400);
  const [fromPattern, toPattern] = EXPECTED[kind];
  if (!fromPattern.test(from) || !toPattern.test(to) || from === to)
    throw new DomainError('LEDGER_INVALID', `记账分录不平：${ENTRY_KIND_NAMES[kind]}的账户不正确`, 400, { from, to });
  const available = balances[from] ?? 0;
  if (from !== UPPER && available < amountFen) {
    const [code, message] = SHORTFALL_MESSAGES[kind];
    throw new DomainError(code, `${message}（可用 ${(available / 100).toFixed(2)} 元，需要 ${(amountFen / 100).toFixed(2)} 元）`, 409, { availableFen: available, amountFen });
  }
  return { ...balances, [from]: available - amountFen, [to]: (balances[to] ?? 0) + amountFen };
}

/** The trial balance: the sum of all balances (zero when balanced) and the accounts below zero. */
export function trialBalance(balances: Balances): { sumFen: number; negative: string[] } {
  let sumFen = 0;
  const negative: string[] = [];
  for (const [account, balance] of Object.entries(balances)) {
    sumFen += balance;
    if (account !== UPPER && balance < 0) negative.push(account);
  }
  return { sumFen, negative };
}

/** A project's money across its pots: committed (unpaid) and disbursed. */
export function projectTotals(balances: Balances, projectId: string): { committedFen: number; disbursedFen: number } {
  let committedFen = 0;
  let disbursedFen = 0;
  for (const [account, balance] of Object.entries(balances)) {
    if (account.startsWith(`committed:${projectId}:`)) committedFen += balance;
    else if (account.startsWith(`disbursed:${projectId}:`)) disbursedFen += balance;
  }
  return { committedFen, disbursedFen };
}

/**
 * A commitment keeps the project within its approved budget (issue 16: "A project cannot be paid
 * above its budget"): what is committed and already disbursed plus the new amount ≤ budget.
 */
export function assertWithinBudget(budgetFen: number, totals: { committedFen: number; disbursedFen: number }, amountFen: number): void {
  const used = totals.committedFen + totals.disbursedFen;
  if (used + amountFen > budgetFen) {
    throw new DomainError(
      'BUDGET_EXCEEDED',
      `超出项目批复预算：预算 ${(budgetFen / 100).toFixed(2)} 元，已安排 ${(used / 100).toFixed(2)} 元，本次 ${(amountFen / 100).toFixed(2)} 元`,
      409,
      { budgetFen, usedFen: used, amountFen },
    );
  }
}
