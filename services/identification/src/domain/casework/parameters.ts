import { DomainError } from '@jingzhun/types';

/**
 * The county's 民政 parameters the case rules read. The seeds leave most of them to the county:
 * the 低保 standard is "the local rural standard" (004 ID-29 L322, amounts not given: the demo loads
 * Tai'erzhuang's 3,900 元/年·人 of 2017, catalog `tez-rural-dibao-2017`, seed 000 SUB-46 L2780–2782);
 * 渐退 is "一般为3个月" and "有条件的县(市、区)可适当延长" with no maximum (004 ID-31 L322; 004 gap 20);
 * "定期复核" has no frequency (gap 20); the "小额" of town-approved temporary aid has no threshold
 * (004 ID-48 L329; gap 21); the catalog's 救助时限 has no maximum (`tez-temporary-assistance`
 * maxAidMonths: null). Each is a configurable county value; the defaults are [PROP] (docs/decisions.md
 * Identification 27).
 */
export interface CaseworkParameters {
  county: string;
  /** Rural 低保 standard per year, in fen per person per year (the standard in force is the latest year ≤ the case's year). */
  dibaoStandards: { year: number; annualFen: number; source: string }[];
  /** 渐退 months when nothing else is decided: 3 (004 ID-31 L322). */
  gradualExitMonths: number;
  /** The most months of 渐退 the county allows, extensions included ("可适当延长"). */
  gradualExitMaxMonths: number;
  /** Months between two periodic reviews (定期复核, 004 ID-30 L322). */
  reviewIntervalMonths: number;
  /** The largest temporary-aid amount a town approves by itself (小额临时救助, 004 ID-48 L329). */
  smallAidMaxFen: number;
  /** The most months of 救助时限 in the catalog's formula (tez-temporary-assistance). */
  aidMaxMonths: number;
}

export const DEFAULT_PARAMETERS: Omit<CaseworkParameters, 'county' | 'dibaoStandards'> = {
  gradualExitMonths: 3,
  gradualExitMaxMonths: 6,
  reviewIntervalMonths: 12,
  smallAidMaxFen: 100_000,
  aidMaxMonths: 6,
};

export function defaultParameters(county: string): CaseworkParameters {
  return { county: county.slice(0, 6).padEnd(12, '0'), dibaoStandards: [], ...DEFAULT_PARAMETERS };
}

/** The rural 低保 standard in force in `year`: the latest loaded year not after it. */
export function dibaoStandardFor(parameters: CaseworkParameters, year: number): { year: number; annualFen: number; source: string } {
  const candidates = parameters.dibaoStandards.filter((s) => s.year <= year).sort((a, b) => b.year - a.year);
  const standard = candidates[0];
  if (!standard) throw new DomainError('DIBAO_STANDARD_MISSING', `本区县尚未录入${year}年（或更早）的农村低保标准，请民政部门先录入`, 409, { year });
  return standard;
}

/** The monthly standard used by the temporary-aid formula: annual / 12, exact fen or refused (as subsidy's demo). */
export function monthlyStandardFen(annualFen: number): number {
  return Math.round(annualFen / 12);
}

export function assertParameters(parameters: CaseworkParameters): void {
  if (parameters.gradualExitMonths < 1) throw new DomainError('PARAMETER_INVALID', '渐退期限至少1个月', 400);
  if (parameters.gradualExitMaxMonths < parameters.gradualExitMonths) {
    throw new DomainError('PARAMETER_INVALID', '渐退最长期限不能短于一般渐退期限（3个月）', 400);
  }
  const years = parameters.dibaoStandards.map((s) => s.year);
  if (new Set(years).size !== years.length) throw new DomainError('PARAMETER_INVALID', '同一年度的低保标准只能录入一次', 400);
}
