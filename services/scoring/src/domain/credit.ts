/**
 * Household credit rating for 扶贫小额信贷 (workflows.md §5.4; seed 004 BANK-09 L1370, L1379–1381;
 * seed 003 BK-14 L561). Pure: the rating date is passed in.
 */
import { DomainError, scoringApi } from '@jingzhun/types';
import { dec, exactPercent, gte, toFixed } from './decimal.js';

export interface CreditParams {
  /** Score items and their maxima [PROP]: credit record 30, repayment 25, project 20, assets 10, village view 15. */
  items: Record<CreditItem, number>;
  /** Bands (ANC §3 巴楚县): ≥80 AAA, 70–79 AA, 60–69 A, <60 no credit. */
  bands: { AAA: number; AA: number; A: number };
  /** Credit lines in fen [PROP]: AAA 5万, AA 3万, A 1万. */
  creditLinesFen: { AAA: number; AA: number; A: number };
  /** Borrower age, inclusive: national 18–65 (`credit.max_age`, ANC §3); per jurisdiction in `CREDIT_AGE_BY_JURISDICTION`. */
  minAge: number;
  maxAge: number;
  /** Statuses that may be rated: not exited, or exited with policy (004 L1379). */
  statuses: string[];
  /** Main cause 09 缺资金 (004 BANK-09 L1379–1381); null to rate any cause. */
  requiredCause: string | null;
}

export const CREDIT_ITEMS = ['creditRecord', 'repaymentCapacity', 'productionProject', 'assets', 'villageView'] as const;
export type CreditItem = (typeof CREDIT_ITEMS)[number];
const CREDIT_ITEM_ZH: Record<CreditItem, string> = scoringApi.CREDIT_ITEM_NAMES_ZH;
export type Band = 'AAA' | 'AA' | 'A' | 'NONE';

export const DEFAULT_CREDIT_PARAMS: CreditParams = {
  items: { creditRecord: 30, repaymentCapacity: 25, productionProject: 20, assets: 10, villageView: 15 },
  bands: { AAA: 80, AA: 70, A: 60 },
  creditLinesFen: { AAA: 5_000_000, AA: 3_000_000, A: 1_000_000 },
  minAge: 18,
  maxAge: 65,
  statuses: ['REGISTERED', 'RE_REGISTERED', 'MONITORED', 'EXITED_WITH_POLICY'],
  requiredCause: '09',
};

/**
 * Borrower ages set by a jurisdiction's own coverage rule, by region-code prefix (the longest
 * prefix wins). Jining (3708): "除已就业、无劳动能力和 70 岁以上人群外" (seed 004 BANK-09 L1370,
 * L1379) excludes only people aged 70 and over (以上 is inclusive, 004 §4.4 item 31), so 18–69.
 */
export const CREDIT_AGE_BY_JURISDICTION: readonly { prefix: string; name: string; minAge: number; maxAge: number; source: string }[] = [
  { prefix: '3708', name: '济宁市', minAge: 18, maxAge: 69, source: 'seed 004 BANK-09 L1370, L1379' },
];

/** The credit parameters for a household's region: the national default with the jurisdiction's ages. */
export function creditParamsFor(region: string, params: CreditParams = DEFAULT_CREDIT_PARAMS): CreditParams {
  const rule = [...CREDIT_AGE_BY_JURISDICTION].filter((r) => region.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  return rule ? { ...params, minAge: rule.minAge, maxAge: rule.maxAge } : params;
}

/** Whole years of age on `onDate` (YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface HouseholdFacts {
  householdId: string;
  status: string;
  mainCause: string;
  members: { memberId: string; birthDate: string; laborCapacity: string; status: string; employed?: boolean }[];
}

/**
 * Eligibility of a household's borrower for rating (004 BANK-09 L1370, L1379–1381; ANC §3):
 * registered household (not exited, or exited with policy), main cause 缺资金, borrower active, aged
 * minAge–maxAge (take the region's parameters from `creditParamsFor`), with labour capacity and not in employment. Returns the reasons it fails.
 */
export function eligibilityIssues(household: HouseholdFacts, borrowerId: string, onDate: string, params: CreditParams = DEFAULT_CREDIT_PARAMS): string[] {
  const issues: string[] = [];
  if (!params.statuses.includes(household.status)) issues.push('STATUS_NOT_ELIGIBLE');
  if (params.requiredCause && household.mainCause !== params.requiredCause) issues.push('CAUSE_NOT_CAPITAL');
  const member = household.members.find((m) => m.memberId === borrowerId);
  if (member?.status !== 'active') return [...issues, 'BORROWER_NOT_MEMBER'];
  const age = ageOn(member.birthDate, onDate);
  if (age < params.minAge || age > params.maxAge) issues.push('AGE_OUT_OF_RANGE');
  if (member.laborCapacity === 'none') issues.push('NO_LABOUR_CAPACITY');
  if (member.employed) issues.push('EMPLOYED');
  return issues;
}

export function band(score: number, params: CreditParams = DEFAULT_CREDIT_PARAMS): Band {
  if (score >= params.bands.AAA) return 'AAA';
  if (score >= params.bands.AA) return 'AA';
  if (score >= params.bands.A) return 'A';
  return 'NONE';
}

/** Scores a household: each item within [0, max], integers; total, band and credit line in fen. */
export function rate(scores: Record<CreditItem, number>, params: CreditParams = DEFAULT_CREDIT_PARAMS): { total: number; band: Band; creditLineFen: number } {
  for (const item of CREDIT_ITEMS) {
    const value = scores[item];
    if (!Number.isInteger(value) || value < 0 || value > params.items[item]) {
      throw new DomainError('SCORE_OUT_OF_RANGE', `评级指标“${CREDIT_ITEM_ZH[item]}”须为 0–${params.items[item]} 的整数`, 400, { item, max: params.items[item] });
    }
  }
  const total = CREDIT_ITEMS.reduce((sum, item) => sum + scores[item], 0);
  const b = band(total, params);
  return { total, band: b, creditLineFen: b === 'NONE' ? 0 : params.creditLinesFen[b] };
}

/**
 * Whether a household is in the rating population on a date by the register's facts (004 BANK-09
 * L1370, L1379–1381): eligible status, main cause 缺资金, and at least one active member of the
 * jurisdiction's age with labour capacity. Employment and the wish to borrow are not in the
 * register; they are the rating bank's statement, so they do not shrink the population here.
 */
export function inRatingPopulation(household: HouseholdFacts, onDate: string, params: CreditParams = DEFAULT_CREDIT_PARAMS): boolean {
  return household.members.some((m) => eligibilityIssues({ ...household, members: [{ ...m, employed: false }] }, m.memberId, onDate, params).length === 0);
}

/**
 * 评级授信覆盖面 (004 BANK-09 L1370: "评级授信覆盖面继续保持 100%"): rated households over the
 * households in the rating population, compared exactly with the 100% target.
 */
export function ratingCoverage(population: readonly string[], rated: ReadonlySet<string>, targetPct = '100') {
  const ratedCount = population.filter((id) => rated.has(id)).length;
  const eligible = population.length;
  const exact = eligible === 0 ? null : exactPercent(dec(ratedCount), dec(eligible));
  return {
    eligible,
    rated: ratedCount,
    coveragePct: exact === null ? null : toFixed(exact, 2),
    targetPct,
    /** null when nobody is in the population. */
    metTarget: exact === null ? null : gte(exact, dec(targetPct)),
    unrated: population.filter((id) => !rated.has(id)),
  };
}
