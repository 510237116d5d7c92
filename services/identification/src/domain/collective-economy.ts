import { DomainError } from '@jingzhun/types';
import { VILLAGE_EXIT_RULES } from './village-exit.js';

/**
 * The village collective economy ledger 村级集体经济台账 (seed 004 L75 "以县(市、区)为单位,健全完善村级集体经济
 * 台账,对薄弱村逐村制定增收计划和消除措施"): each village's collective income by year and source, entered by
 * the town or the county with its source, plus the village collective's share of asset income that the
 * funds service distributes (002 S-10 L51; 量化资产收益, 002 T-11 L101). Village exit reads the year's
 * total from here (002 T-11 L101 重点村集体收入不低于3万元; 003 EX-3 L99 村集体经济年收入达到15万元以上).
 */

/** Income channels named by seed 002 T-11 L101 (发展壮大产业项目、盘活集体资产资源、提供社会服务、开展租赁业务、量化资产收益). */
export const COLLECTIVE_SOURCES = ['operation', 'contracting', 'leasing', 'service', 'asset-income', 'poverty-project'] as const;
export type CollectiveSource = (typeof COLLECTIVE_SOURCES)[number];
export const COLLECTIVE_SOURCE_ZH: Record<CollectiveSource, string> = {
  operation: '集体经营收入',
  contracting: '发包收入',
  leasing: '租赁收入',
  service: '社会服务收入',
  'asset-income': '资产收益',
  'poverty-project': '扶贫项目收益',
};

export interface CollectiveIncomeEntry {
  entryId: string;
  village: string;
  year: number;
  source: CollectiveSource;
  amountFen: number;
  note: string;
  recordedOn: string;
  by: string;
  /** Set when the entry came from a funds distribution (one entry per distribution). */
  distributionId?: string;
}

/** Hard bounds of one entry: whole fen, positive, below 1 亿元 (a typing error guard). */
export const MAX_ENTRY_FEN = 10_000_000_000;

export function validateEntry(input: { year: number; amountFen: number }, today: string): void {
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2014 || input.year > thisYear) {
    throw new DomainError('COLLECTIVE_YEAR_INVALID', `年度须在 2014 年到 ${thisYear} 年之间（不能登记未来年度的收入）`, 400, { year: input.year });
  }
  if (!Number.isInteger(input.amountFen) || input.amountFen <= 0 || input.amountFen >= MAX_ENTRY_FEN) {
    throw new DomainError('COLLECTIVE_AMOUNT_INVALID', '收入金额须为大于0、小于1亿元的整数分', 400, { amountFen: input.amountFen });
  }
}

/** A village code: 12 digits with a non-zero village part (the ledger is kept per village, 004 L75 逐村). */
export const isVillageCode = (code: string) => /^\d{12}$/.test(code) && !code.endsWith('000');

/** The year of a funds distribution's period (YYYY-MM): asset income counts in the year it was earned. */
export function yearOfPeriod(period: string): number {
  const year = Number(period.slice(0, 4));
  if (!/^\d{4}-\d{2}$/.test(period) || !Number.isInteger(year)) throw new DomainError('PERIOD_INVALID', `期间 ${period} 格式不正确`, 400);
  return year;
}

export interface YearSummary {
  year: number;
  totalFen: number;
  bySource: { source: CollectiveSource; amountFen: number }[];
  /** 空壳村: no collective income at all in the year (002 T-11 L101 "2018 年底，消除集体经济空壳村"). */
  hollow: boolean;
  /** The village exit floor of the jurisdiction, when it has one (002 L101 3万; 003 L99 15万). */
  exitFloorFen?: number;
  meetsExitFloor?: boolean;
  floorSource?: string;
}

/** The collective-income floor of a village's jurisdiction (longest prefix of the village-exit rules). */
export function exitFloorOf(village: string): { minFen: number; source: string } | undefined {
  const rule = VILLAGE_EXIT_RULES.filter((r) => village.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  return rule?.minCollectiveIncomeFen === undefined ? undefined : { minFen: rule.minCollectiveIncomeFen, source: rule.source };
}

/** The year's total of a village: the sum of its entries of that year, in fen. */
export function yearTotalFen(entries: readonly Pick<CollectiveIncomeEntry, 'year' | 'amountFen'>[], year: number): number {
  return entries.filter((e) => e.year === year).reduce((sum, e) => sum + e.amountFen, 0);
}

/** One line per year (newest first), each with its sources and the exit floor it is measured against. */
export function summarise(village: string, entries: readonly CollectiveIncomeEntry[], years: readonly number[]): YearSummary[] {
  const floor = exitFloorOf(village);
  const all = [...new Set([...years, ...entries.map((e) => e.year)])].sort((a, b) => b - a);
  return all.map((year) => {
    const ofYear = entries.filter((e) => e.year === year);
    const totalFen = ofYear.reduce((sum, e) => sum + e.amountFen, 0);
    const bySource = COLLECTIVE_SOURCES.map((source) => ({ source, amountFen: ofYear.filter((e) => e.source === source).reduce((s, e) => s + e.amountFen, 0) })).filter(
      (s) => s.amountFen > 0,
    );
    return {
      year,
      totalFen,
      bySource,
      hollow: totalFen === 0,
      ...(floor ? { exitFloorFen: floor.minFen, meetsExitFloor: totalFen >= floor.minFen, floorSource: floor.source } : {}),
    };
  });
}
