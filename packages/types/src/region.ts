import * as z from 'zod';

/**
 * Region codes follow the national statistical division codes (统计用区划代码):
 * 12 digits = province 2 + city 2 + county 2 + town 3 + village 3.
 * A higher-level unit fills the lower positions with zeros.
 */
export const REGION_LEVELS = ['province', 'city', 'county', 'town', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Number of significant leading digits for each level. */
const PREFIX_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 };

export const RegionCode = z
  .string()
  .regex(/^\d{12}$/, { message: '区划代码须为12位数字', abort: true })
  .refine((code) => isWellFormedRegionCode(code), { message: '区划代码层级不合法' })
  .brand<'RegionCode'>();
export type RegionCode = z.infer<typeof RegionCode>;

/** A code is well formed when its significant part has no zero segment before a non-zero one. */
export function isWellFormedRegionCode(code: string): boolean {
  if (!/^\d{12}$/.test(code)) return false;
  const segments = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6, 9), code.slice(9, 12)];
  if (/^0+$/.test(segments[0] ?? '')) return false;
  let seenZero = false;
  for (const segment of segments.slice(1)) {
    const zero = /^0+$/.test(segment);
    if (!zero && seenZero) return false;
    if (zero) seenZero = true;
  }
  return true;
}

export function regionLevel(code: string): RegionLevel {
  if (code.slice(2) === '0000000000') return 'province';
  if (code.slice(4) === '00000000') return 'city';
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'town';
  return 'village';
}

/** The significant leading digits: every code below this region starts with them. */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[regionLevel(code)]);
}

/** The parent region, or undefined for a province. */
export function parentRegion(code: string): string | undefined {
  const level = regionLevel(code);
  const index = REGION_LEVELS.indexOf(level);
  if (index === 0) return undefined;
  const parentLevel = REGION_LEVELS[index - 1] as RegionLevel;
  return code.slice(0, PREFIX_LENGTH[parentLevel]).padEnd(12, '0');
}

/** The level directly below, or undefined for a village. */
export function childLevel(level: RegionLevel): RegionLevel | undefined {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1];
}

/** True when `code` lies inside (or is) the region `scope`. Staff are scoped by such a prefix. */
export function isWithinRegion(code: string, scope: string): boolean {
  return code.startsWith(regionPrefix(scope));
}

/** Ancestors from province down to the region itself. */
export function regionPath(code: string): string[] {
  const path: string[] = [];
  for (let current: string | undefined = code; current; current = parentRegion(current)) path.unshift(current);
  return path;
}
