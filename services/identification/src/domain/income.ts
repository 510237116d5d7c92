import { DomainError, type identificationApi } from '@jingzhun/types';

export type Income = identificationApi.IncomeInput;

/** Largest believable per-capita net income for a rural household (fen): 50万元 a year. */
export const MAX_PER_CAPITA_FEN = 50_000_000;

/**
 * income_pc = (wage + net business + transfers + property − business costs) / members (ANC §1,
 * workflows.md §1.2), in fen, rounded half up once: for display and statistics; thresholds compare
 * the exact fraction (perCapitaOf, compareToThreshold). `recurringOnly` drops one-off transfers: the
 * exit test counts income that is "stable" (workflows.md §2.1 [PROP]; 000 EX-1 L1029–1032 "稳定超过").
 */
export function perCapitaIncomeFen(income: Income, members: number, recurringOnly = false): number {
  const { netFen, members: n } = perCapitaOf(income, members, recurringOnly);
  return Math.floor((2 * netFen + n) / (2 * n));
}

/**
 * Per-capita income as an exact fraction, net fen over members. Thresholds (the line, the
 * monitoring line) are compared with this, never with the per-capita figure rounded to the fen
 * (which is for display): a household one fen above the line in total is above it.
 */
export interface PerCapita {
  netFen: number;
  members: number;
}

export function perCapitaOf(income: Income, members: number, recurringOnly = false): PerCapita {
  if (members < 1) throw new DomainError('NO_ACTIVE_MEMBERS', '农户没有在册成员，无法计算人均收入', 400);
  const oneOff = recurringOnly ? income.oneOffTransferFen : 0;
  return { netFen: income.wageFen + income.businessFen + income.transferFen - oneOff + income.propertyFen - income.businessCostFen, members };
}

/** A threshold in fen per person as an exact fraction (`numerator / denominator` fen), e.g. 1.5 × the line. */
export interface FenThreshold {
  numerator: number;
  denominator: number;
}

export const fenThreshold = (fen: number): FenThreshold => ({ numerator: fen, denominator: 1 });

/** Sign of (per-capita income − threshold), in integers: −1 below, 0 exactly at, 1 above. */
export function compareToThreshold(income: PerCapita, threshold: FenThreshold): -1 | 0 | 1 {
  const difference = income.netFen * threshold.denominator - threshold.numerator * income.members;
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Rejects income that cannot be true: one-offs above transfers, a negative net, an absurd per-capita figure. */
export function assertPlausibleIncome(income: Income, members: number): void {
  if (income.oneOffTransferFen > income.transferFen) {
    throw new DomainError('INCOME_INCONSISTENT', '一次性转移性收入不能大于转移性收入合计', 400);
  }
  const perCapita = perCapitaIncomeFen(income, members);
  if (perCapita < 0) throw new DomainError('INCOME_NEGATIVE', '家庭纯收入为负（生产经营费用大于收入），请核实收入数据', 400, { perCapitaFen: perCapita });
  if (perCapita > MAX_PER_CAPITA_FEN) {
    throw new DomainError('INCOME_ABSURD', '人均纯收入超过50万元，数据不合理，请核实', 400, { perCapitaFen: perCapita });
  }
}
