import { describe, expect, it } from 'vitest';
import { isWellFormedRegionCode, isWithinRegion, parentRegion, RegionCode, regionLevel, regionPath, regionPrefix } from '../src/region.js';

describe('region codes (统计用区划代码: 2+2+2+3+3)', () => {
  it('derives the level from the zero-filled tail', () => {
    expect(regionLevel('370000000000')).toBe('province');
    expect(regionLevel('370400000000')).toBe('city');
    expect(regionLevel('370405000000')).toBe('county');
    expect(regionLevel('370405103000')).toBe('town');
    expect(regionLevel('370405103201')).toBe('village');
  });

  it('finds parents and the path to the province', () => {
    expect(parentRegion('370405103201')).toBe('370405103000');
    expect(parentRegion('370405103000')).toBe('370405000000');
    expect(parentRegion('370000000000')).toBeUndefined();
    expect(regionPath('370405103201')).toEqual(['370000000000', '370400000000', '370405000000', '370405103000', '370405103201']);
  });

  it('scopes by prefix: a county sees its towns and villages, not its neighbours', () => {
    expect(regionPrefix('370405000000')).toBe('370405');
    expect(isWithinRegion('370405103201', '370405000000')).toBe(true);
    expect(isWithinRegion('370405000000', '370405000000')).toBe(true);
    expect(isWithinRegion('370403000000', '370405000000')).toBe(false);
    expect(isWithinRegion('370405000000', '370405103000')).toBe(false);
    expect(isWithinRegion('370405103202', '370405103201')).toBe(false);
  });

  it('rejects malformed codes', () => {
    for (const bad of ['37040510320', '3704051032011', '37040510320X', '000000000000', '370005000000', '370400000201']) {
      expect(isWellFormedRegionCode(bad) && RegionCode.safeParse(bad).success, bad).toBe(false);
    }
    expect(RegionCode.safeParse('370405103201').success).toBe(true);
  });
});
