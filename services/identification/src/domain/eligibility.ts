import type { identificationEvents } from '@jingzhun/types';
import { compareToThreshold, type FenThreshold, fenThreshold, type PerCapita } from './income.js';

type WelfareChecks = identificationEvents.WelfareChecks;

/**
 * Eligibility tests (workflows.md §1.2, §2.1): pure functions over exact per-capita income
 * (net fen over members, never rounded before a comparison) and booleans.
 * Decision 1 (workflows.md §1.2 "Poverty test"): poor iff income_pc ≤ line(y); exit iff
 * income_pc > line(y). The two readings meet without a gap.
 */
export const yuan = (amountYuan: number) => amountYuan * 100;

/** workflows.md §1.2: a household is poor iff income_pc ≤ line(y) (inclusive). */
export function isPoorByIncome(income: PerCapita, lineYuan: number): boolean {
  return compareToThreshold(income, fenThreshold(yuan(lineYuan))) <= 0;
}

/** seed 000 EX-1 L1029–1032: exit income must exceed the provincial line (strict, 稳定超过). */
export function exitIncomeMet(recurring: PerCapita, lineYuan: number): boolean {
  return compareToThreshold(recurring, fenThreshold(yuan(lineYuan))) > 0;
}

export const WELFARE_CHECKS = ['food', 'clothing', 'education', 'medical', 'housing', 'water'] as const;
export type WelfareCheck = (typeof WELFARE_CHECKS)[number];

/** 两不愁三保障 + safe drinking water (002 I-2 L17; 000 EX-1): the checks that fail. */
export function failedWelfareChecks(welfare: WelfareChecks): WelfareCheck[] {
  return WELFARE_CHECKS.filter((check) => !welfare[check]);
}

export interface ExitAssessment {
  ok: boolean;
  reasons: string[];
}

/**
 * Household exit standard (000 EX-1 L1029–1032; 001 E-3; 002 E-1 L31): recurring income above the
 * line and all six checks; drinking water is a hard block (002 E-1 L31).
 */
export function assessExit(recurring: PerCapita, lineYuan: number, welfare: WelfareChecks): ExitAssessment {
  const reasons: string[] = [];
  if (!exitIncomeMet(recurring, lineYuan)) reasons.push(`人均稳定纯收入未超过${lineYuan}元标准线`);
  const failed = failedWelfareChecks(welfare);
  if (failed.includes('water')) reasons.push('饮水安全未保障（硬性条件）');
  for (const check of failed.filter((c) => c !== 'water')) reasons.push(`${WELFARE_ZH[check]}未保障`);
  return { ok: reasons.length === 0, reasons };
}

export const WELFARE_ZH: Record<WelfareCheck, string> = { food: '不愁吃', clothing: '不愁穿', education: '义务教育', medical: '基本医疗', housing: '住房安全', water: '饮水安全' };

/** A household qualifies for entry when it is poor by income (workflows.md §1.2, §1.3). */
export function entryIncomeMet(income: PerCapita, lineYuan: number): boolean {
  return isPoorByIncome(income, lineYuan);
}

/**
 * Risk elimination of a monitoring object (workflows.md §1.4, ANC §3): income ≥ mline(y), all six
 * checks, no new risk. (The 6-month history is not kept per month here: see decisions.)
 */
export function riskEliminated(income: PerCapita, mline: FenThreshold, welfare: WelfareChecks, riskFlags: readonly string[]): boolean {
  return compareToThreshold(income, mline) >= 0 && failedWelfareChecks(welfare).length === 0 && riskFlags.length === 0;
}
