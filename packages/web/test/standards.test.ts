import { describe, expect, it } from 'vitest';
import { JURISDICTION_PREFIX, jurisdictionOf as serviceJurisdictionOf } from '../../../services/subsidy/src/domain/jurisdiction.js';
import { toFen } from '../src/format.js';
import { jurisdictionOf } from '../src/regions.js';

describe('the 支付标准 form', () => {
  it('reads 元 from a number field (two decimals) into integer fen, without binary fractions', () => {
    expect([toFen(40), toFen(80.5), toFen(0.05), toFen(1234.56), toFen(0.29), toFen(undefined)]).toEqual([4000, 8050, 5, 123456, 29, 0]);
  });

  it('derives the jurisdiction from the session region exactly as the subsidy service does', () => {
    for (const prefix of Object.values(JURISDICTION_PREFIX)) {
      const region = prefix.padEnd(12, '0');
      expect(jurisdictionOf(region)).toBe(serviceJurisdictionOf(region));
    }
    expect(jurisdictionOf('370405103201')).toBe('taierzhuang');
    expect(jurisdictionOf('370403000000')).toBeUndefined();
  });
});
