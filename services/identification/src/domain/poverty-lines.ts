import { DomainError } from '@jingzhun/types';

/**
 * Poverty lines as data (workflows.md §1.2 "Poverty line"): per level and year, in whole yuan per
 * person and year. Known values are stored, never back-derived (001 I-4); a missing year is
 * derived as line(y) = round_half_up(line(y−1) × CPI_rural(y) / 100) (000 ID-3 L980–989) when the
 * year's rural CPI has been entered. Values copied from policy-catalog.json `standards`.
 */
export type LineLevel = 'national' | 'provincial' | 'municipal';

export interface LineValue {
  level: LineLevel;
  year: number;
  amountYuan: number;
  /** The city (4-digit region prefix) a municipal line belongs to. */
  area?: string;
  source: string;
}

/** A value or a CPI entered by the county for one year (the store keeps these). */
export interface LineInput {
  level: LineLevel;
  year: number;
  amountYuan?: number;
  /** Rural-resident CPI of the year, previous year = 100 (e.g. 101.5). */
  cpi?: number;
  source: string;
}

export const KNOWN_LINES: readonly LineValue[] = [
  { level: 'national', year: 2010, amountYuan: 2300, source: 'seed 000 ID-2 L972–976 (tez-national-line-2010)' },
  { level: 'national', year: 2015, amountYuan: 2800, source: 'seed 000 ID-2 L976–978 (tez-national-line-2015)' },
  { level: 'provincial', year: 2010, amountYuan: 3000, source: 'seed 000 ID-3 L980–986 (tez-provincial-line-2010)' },
  { level: 'provincial', year: 2015, amountYuan: 3372, source: 'seed 000 ID-3 L984–989 (tez-provincial-line-2015)' },
  { level: 'provincial', year: 2017, amountYuan: 3509, source: 'seed 000 ID-3 L2780–2782 (tez-provincial-line-2017)' },
  { level: 'municipal', area: '3703', year: 2010, amountYuan: 3120, source: 'seed 001 I-3 L166 (淄博市定贫困标准，2010年不变价3120元)' },
  { level: 'municipal', area: '3703', year: 2015, amountYuan: 3507, source: 'seed 001 I-3 L166 (yiyuan-municipal-line-2015, 淄博)' },
];

/** line(y) = round_half_up(line(y−1) × cpi / 100), whole yuan (000 ID-3 L980–989; rounding workflows.md §1.2 [PROP]). */
export function nextYearLine(previousYuan: number, cpi: number): number {
  // Work in hundredths to avoid binary noise: previous × cpi is exact for cpi with ≤ 2 decimals.
  const scaled = Math.round(previousYuan * Math.round(cpi * 100));
  return Math.floor((scaled + 5000) / 10000);
}

export interface ResolvedLine extends LineValue {
  derived: boolean;
}

/**
 * Resolves the line of a level and year from the known values plus the county's entries. A
 * municipal line is a city's (`area`, 4-digit prefix); an entry carries no city and stands for the
 * entering county's own city.
 */
export function resolveLine(level: LineLevel, year: number, entries: readonly LineInput[] = [], area?: string): ResolvedLine {
  const known = KNOWN_LINES.find((line) => line.level === level && line.year === year && line.area === (level === 'municipal' ? area : undefined));
  if (known) return { ...known, derived: false };
  const entry = entries.find((line) => line.level === level && line.year === year);
  if (entry?.amountYuan !== undefined) return { level, year, amountYuan: entry.amountYuan, source: entry.source, derived: false };
  if (entry?.cpi !== undefined && year > 2010) {
    const previous = resolveLine(level, year - 1, entries, area);
    return { level, year, amountYuan: nextYearLine(previous.amountYuan, entry.cpi), source: `${previous.amountYuan} × ${entry.cpi}/100 (${entry.source})`, derived: true };
  }
  throw new DomainError('POVERTY_LINE_UNKNOWN', `${year}年${LEVEL_ZH[level]}扶贫标准线未知，请先录入当年标准或农村居民消费价格指数`, 409, { level, year });
}

export const LEVEL_ZH: Record<LineLevel, string> = { national: '国家', provincial: '省定', municipal: '市定' };

/**
 * The line each jurisdiction tests entry and exit against (`line.level` per jurisdiction,
 * workflows.md §1.2; policy-catalog.json `operativePovertyLine`), keyed by region-code prefix: the
 * longest prefix of a household's region wins. Shandong applies its provincial line unless a
 * jurisdiction's own document names another.
 */
export interface OperativeLine {
  prefix: string;
  nameZh: string;
  level: LineLevel;
  /** For a municipal line: the city whose line it is. */
  area?: string;
  source: string;
}

export const OPERATIVE_LINES: readonly OperativeLine[] = [
  { prefix: '37', nameZh: '山东省', level: 'provincial', source: 'seed 000 ID-3 L980–986 (省定扶贫标准); seed 004' },
  { prefix: '370405', nameZh: '台儿庄区', level: 'provincial', source: 'seed 000 ID-3 L986; EX-1 L1029–1032; EX-7 L1072 (省定扶贫标准)' },
  { prefix: '370323', nameZh: '沂源县', level: 'municipal', area: '3703', source: 'seed 001 E-3 L176 (稳定超过市扶贫标准), E-5 L184 (市定扶贫标准贫困发生率)' },
];

export function operativeLineOf(region: string): OperativeLine {
  const match = OPERATIVE_LINES.filter((entry) => region.startsWith(entry.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!match) throw new DomainError('POVERTY_LINE_UNKNOWN', `区划 ${region} 未设定适用的扶贫标准`, 409, { region });
  return match;
}

/** The operative line of a household's jurisdiction for a year, in yuan. */
export function operativeLine(region: string, year: number, entries: readonly LineInput[] = []): ResolvedLine {
  const operative = operativeLineOf(region);
  return resolveLine(operative.level, year, entries, operative.area);
}
