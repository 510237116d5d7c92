/**
 * The versioned parameter set of the bank assessment: the rubric (seed 000 §3, L4145–4254) and
 * every configurable decision (C) of workflows.md §5.2. An assessment records the id of the set it
 * was computed with; sets are immutable once stored (a change is a new id).
 */
export type ItemCode = '1a' | '1b' | '2a' | '2b' | '3' | '4' | '5' | '6' | '7a' | '7b' | '8' | '9';
export const RANKED_ITEMS = ['1a', '1b', '2a', '2b', '3', '4', '5', '6', '7a', '7b', '9'] as const;
export type RankedItem = (typeof RANKED_ITEMS)[number];
export const ITEM_ORDER: readonly ItemCode[] = ['1a', '1b', '2a', '2b', '3', '4', '5', '6', '7a', '7b', '8', '9'];

export type RankingMode = 'competition' | 'dense' | 'average';

export interface PrizeClass {
  grade: string;
  count: number;
  /** Amount per bank in yuan (decimal string); the text sets none (BK-6), so null by default. */
  amountYuan: string | null;
}

export interface AssessmentParams {
  paramsId: string;
  title: string;
  /** Max points and step per rank for each ranked item (seed 000 §3 table). Decimal strings. */
  items: Record<RankedItem, { max: string; step: string }>;
  /** B-1: competition (1, 1, 3) by default; dense (1, 1, 2) or average of the tied positions. */
  ranking: RankingMode;
  /** B-2: on items with a written zero rule (1a, 1b, 2a, 4, 5) a zero-scored bank leaves the pool. */
  zeroRuleLeavesPool: boolean;
  /** B-3: no item scores below 0. */
  floorAtZero: boolean;
  /** B-4: size class boundary in 万元 (5亿 = 50000), which balance decides, thresholds in %. */
  sizeClass: { boundary: string; basis: 'start' | 'end'; largeThresholdPct: string; smallThresholdPct: string };
  /** B-5: 7b when N0 = 0: W/(W+N1) (default) or leave the bank out of 7b. */
  disposalRateZeroBase: 'w-over-w-plus-n1' | 'exclude';
  /** B-6: points for a bank with no NPL during the year (the whole of 第九条). */
  noNplPoints: string;
  /** B-7: weights of the off-balance-sheet increment and debt-to-equity swaps in the increase. */
  obsWeight: string;
  desWeight: string;
  /** B-9: optional cap on the loan-to-deposit ratio in %; ratios above the cap rank as the cap. */
  ldrCapPct: string | null;
  /** B-11: points per net outlet and an optional cap on the absolute outlet adjustment. */
  outletPointsPerUnit: string;
  outletCap: string | null;
  /**
   * B-12 (seed 000 BK-4 L4270–4274 取消其奖励资格; workflows.md §5.1): a disqualified bank keeps its
   * ranks on every item (its figures still rank the others) and only leaves the prize list (default
   * true). false removes it before ranking, which changes the other banks' points.
   */
  disqualifiedRankedInItems: boolean;
  /** B-12 / BK-6: prize classes in order. */
  prizes: PrizeClass[];
  /** B-13: rewards due by this month-day of the following year (次年4月底前, L4276). */
  rewardsDueMonthDay: string;
  /** workflows.md §5.1: "Ratios are compared at 0.01 pp": percentages rounded to this many decimals. */
  ratioDecimals: number;
}

/** The default set: 台政发〔2018〕4号 with the decisions of workflows.md §5.2. */
export const DEFAULT_PARAMS: AssessmentParams = {
  // v2: B-12 keeps disqualified banks in the item rankings (v1 removed them first).
  paramsId: 'tzf-2018-4-v2',
  title: '台政发〔2018〕4号 考核奖励办法（默认参数）',
  items: {
    '1a': { max: '20', step: '1' }, // seed 000 L4157–4162
    '1b': { max: '5', step: '0.5' }, // L4164–4172
    '2a': { max: '10', step: '1' }, // L4182–4186
    '2b': { max: '5', step: '0.5' }, // L4188–4192
    '3': { max: '15', step: '1' }, // L4194–4198
    '4': { max: '10', step: '1' }, // L4200–4205
    '5': { max: '5', step: '0.5' }, // L4207–4215
    '6': { max: '10', step: '1' }, // L4217–4221
    '7a': { max: '10', step: '1' }, // L4229–4231
    '7b': { max: '5', step: '0.5' }, // L4233–4239
    '9': { max: '5', step: '0.5' }, // L4248–4254
  },
  ranking: 'competition',
  zeroRuleLeavesPool: true,
  floorAtZero: true,
  sizeClass: { boundary: '50000', basis: 'start', largeThresholdPct: '3', smallThresholdPct: '5' },
  disposalRateZeroBase: 'w-over-w-plus-n1',
  noNplPoints: '15',
  obsWeight: '0.5',
  desWeight: '1',
  ldrCapPct: null,
  outletPointsPerUnit: '2',
  outletCap: null,
  disqualifiedRankedInItems: true,
  prizes: [
    { grade: '一等奖', count: 1, amountYuan: null },
    { grade: '二等奖', count: 2, amountYuan: null },
    { grade: '三等奖', count: 2, amountYuan: null },
  ],
  rewardsDueMonthDay: '04-30',
  ratioDecimals: 2,
};

/** B-13: rewards for assessment year `year` are due by `year+1`-MM-DD. */
export function rewardsDueBy(year: number, params: Pick<AssessmentParams, 'rewardsDueMonthDay'>): string {
  return `${year + 1}-${params.rewardsDueMonthDay}`;
}
