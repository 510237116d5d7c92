import { describe, expect, it } from 'vitest';
import { JURISDICTION_PREFIX, jurisdictionOf as serviceJurisdictionOf } from '../../../services/subsidy/src/domain/jurisdiction.js';
import { yuanToFen } from '../src/console/standards.js';
import { jurisdictionOf } from '../src/regions.js';

describe('the 支付标准 form', () => {
  it('reads 元 as typed into integer fen (at most two decimals), and refuses anything else', () => {
    expect([yuanToFen('40'), yuanToFen('80.5'), yuanToFen(' 0.05 '), yuanToFen('1234.56')]).toEqual([4000, 8050, 5, 123456]);
    for (const bad of ['', '-1', '1.234', '1,000', '40元', 'abc', '1e3']) expect(yuanToFen(bad)).toBeUndefined();
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
