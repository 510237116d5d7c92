import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, cmp, dec, div, mul, percent, roundHalfUp, sub, toDecimalString, toFixed } from '../src/domain/decimal.js';

describe('exact decimals', () => {
  it('parses and prints without float drift', () => {
    expect(toDecimalString(add(dec('0.1'), dec('0.2')))).toBe('0.3');
    expect(toDecimalString(sub(dec('14.5'), dec('0.5')))).toBe('14');
    expect(toDecimalString(dec('-2'))).toBe('-2');
    expect(toDecimalString(dec('99.50'))).toBe('99.5');
    expect(() => dec('1e5')).toThrow(RangeError);
    expect(() => dec('1,000')).toThrow(RangeError);
    expect(() => toDecimalString(div(dec(1), dec(3)))).toThrow(RangeError);
  });
  it('rounds half away from zero to 0.01', () => {
    expect(toFixed(div(dec(48000), dec(450000)), 4)).toBe('0.1067');
    expect(toDecimalString(percent(dec(48000), dec(450000), 2))).toBe('10.67');
    expect(toFixed(percent(dec(126600), dec(193282), 2), 2)).toBe('65.50');
    expect(toFixed(roundHalfUp(dec('2.005'), 2), 2)).toBe('2.01');
    expect(toFixed(roundHalfUp(dec('-2.005'), 2), 2)).toBe('-2.01');
    expect(toFixed(roundHalfUp(dec('2.00499'), 2), 2)).toBe('2.00');
  });
  it('is a field: (a + b)·c = a·c + b·c and a/b·b = a, exactly', () => {
    const decimal = fc
      .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, places]) =>
        dec(
          (n / 1)
            .toString()
            .replace(/^(-?)(\d+)$/, (_m, s, d) =>
              places === 0 ? `${s}${d}` : `${s}${d.padStart(places + 1, '0').slice(0, -places)}.${d.padStart(places + 1, '0').slice(-places)}`,
            ),
        ),
      );
    fc.assert(
      fc.property(decimal, decimal, decimal, (a, b, c) => {
        expect(cmp(mul(add(a, b), c), add(mul(a, c), mul(b, c)))).toBe(0);
        if (b.n !== BigInt(0)) expect(cmp(mul(div(a, b), b), a)).toBe(0);
      }),
    );
  });
});
