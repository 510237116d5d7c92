/**
 * Which runs of a period may exist side by side. A household belongs to exactly one village, so a
 * period's runs must cover disjoint regions: a county run and a run of one of its towns would put
 * the town's households in two rosters (and both could be paid).
 */
import { DomainError, isWithinRegion, regionLevel } from '@jingzhun/types';

const LEVEL_ZH = { province: '省级', city: '市级', county: '区县级', town: '乡镇级', village: '村级' } as const;

/** A region code with its level in words, for messages (`370405000000（区县级）`). */
export function regionLabel(region: string): string {
  return `${region}（${LEVEL_ZH[regionLevel(region)]}）`;
}

export function regionsOverlap(a: string, b: string): boolean {
  return isWithinRegion(a, b) || isWithinRegion(b, a);
}

export interface ClaimedRun {
  region: string;
  /** Status of the run record; undefined when the claim is there but the record is not readable. */
  status: string | undefined;
}

/**
 * Refuses a start of `region` in `period` against the runs the period already holds:
 * 409 PERIOD_APPROVED when an overlapping run (the region's own included) is approved or paid,
 * 409 RUN_OVERLAPS when another region that contains, or lies in, this one has a run.
 * A run of the same region (running, completed) passes: it is resumed or re-run.
 */
export function assertMayStart(period: string, region: string, claimed: readonly ClaimedRun[]): void {
  for (const other of claimed) {
    if (!regionsOverlap(other.region, region)) continue;
    if (other.status === 'APPROVED' || other.status === 'PAID') {
      throw new DomainError('PERIOD_APPROVED', `${period} 期 ${regionLabel(other.region)}的花名册已审核，不能再计算`, 409, { period, region: other.region });
    }
  }
  for (const other of claimed) {
    if (other.region === region || !regionsOverlap(other.region, region)) continue;
    const relation = isWithinRegion(region, other.region) ? `已包含 ${regionLabel(region)}的全部户` : `包含在 ${regionLabel(region)}之内`;
    throw new DomainError(
      'RUN_OVERLAPS',
      `${period} 期已有 ${regionLabel(other.region)}的计算，${relation}；同一户每期只能进入一份花名册，不能再发起 ${regionLabel(region)}的计算`,
      409,
      { period, region: other.region },
    );
  }
}
