import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByFactors, DEFAULT_FACTOR_SET } from '../src/domain/allocation.js';

const towns = [
  { region: '370405101000', values: { labourPoor: 600, fiscalPerCapitaYuan: 2000 } },
  { region: '370405102000', values: { labourPoor: 300, fiscalPerCapitaYuan: 4000 } },
  { region: '370405103000', values: { labourPoor: 100, fiscalPerCapitaYuan: 4000 } },
];

describe('factor-method allocation (seed 004 SUB-85 L407; seed 003 FD-3 L755)', () => {
  it('seed 003 FD-3 L755: weights the labour-capable poor directly and fiscal capacity inversely, explained per town', () => {
    const lines = allocateByFactors(10_000_000, DEFAULT_FACTOR_SET, towns);
    // labourPoor shares 0.6 / 0.3 / 0.1 × 70; inverse capacity shares 0.5 / 0.25 / 0.25 × 30.
    expect(lines.map((l) => l.amountFen)).toEqual([5_700_000, 2_850_000, 1_450_000]);
    const first = lines[0]?.explanation ?? [];
    expect(first.map((e) => [e.code, e.sharePpm, e.contributionFen])).toEqual([
      ['labourPoor', 600_000, 4_200_000],
      ['fiscalPerCapitaYuan', 500_000, 1_500_000],
    ]);
  });

  it('splits to the fen exactly by largest remainder (the parts always add up to the total)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.array(fc.record({ a: fc.integer({ min: 0, max: 10_000 }), b: fc.integer({ min: 1, max: 100_000 }) }), { minLength: 1, maxLength: 12 }),
        (total, values) => {
          fc.pre(values.some((v) => v.a > 0));
          const recipients = values.map((v, i) => ({ region: `3704051${String(i).padStart(2, '0')}000`, values: { labourPoor: v.a, fiscalPerCapitaYuan: v.b } }));
          const lines = allocateByFactors(total, DEFAULT_FACTOR_SET, recipients);
          expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(total);
          for (const line of lines) expect(line.amountFen).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('refuses a recipient without a factor value, an inverse factor of zero and a repeated recipient', () => {
    expect(() => allocateByFactors(100, DEFAULT_FACTOR_SET, [{ region: '370405101000', values: { labourPoor: 1 } }])).toThrow(/FACTOR_VALUE_MISSING/);
    expect(() => allocateByFactors(100, DEFAULT_FACTOR_SET, [{ region: '370405101000', values: { labourPoor: 1, fiscalPerCapitaYuan: 0 } }])).toThrow(/FACTOR_VALUE_INVALID/);
    expect(() => allocateByFactors(100, DEFAULT_FACTOR_SET, [towns[0] as never, towns[0] as never])).toThrow(/RECIPIENT_REPEATED/);
  });
});
