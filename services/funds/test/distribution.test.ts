import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeIncome, validateRule } from '../src/domain/assets.js';

const asset = (recordedFen: number, distributedFen = 0) => ({
  recordedFen,
  distributedFen,
  rule: { collectivePercent: 20, collectiveFund: 'filial-piety-fund' as const },
  beneficiaries: [
    { householdId: 'h1', link: 'shares' as const, shares: 2 },
    { householdId: 'h2', link: 'shares' as const, shares: 1 },
    { householdId: 'h3', link: 'employment' as const, shares: 1 },
  ],
});

describe('asset income distribution (seed 002 S-10 L51; seed 000 SUB-70 L1446–1452; seed 004 SUB-76 L1272)', () => {
  it('seed 002 S-10 L51: the collective part goes to the 孝善养老基金, the rest to households by their 折股量化 shares', () => {
    const d = distributeIncome(asset(100_000), 100_000);
    expect(d.collectiveFen).toBe(20_000);
    expect(d.collectiveFund).toBe('filial-piety-fund');
    expect(d.lines.map((l) => [l.householdId, l.amountFen, l.incomeKind])).toEqual([
      ['h1', 40_000, 'property'],
      ['h2', 20_000, 'property'],
      ['h3', 20_000, 'wage'],
    ]);
  });

  it('issue 16: never distributes more than the income recorded and not yet distributed', () => {
    expect(() => distributeIncome(asset(100_000, 90_000), 10_001)).toThrow(/OVER_DISTRIBUTION/);
    expect(distributeIncome(asset(100_000, 90_000), 10_000).amountFen).toBe(10_000);
  });

  it('seed 002 S-10 L51 "主要用于巩固贫困户稳定脱贫": the collective keeps less than half', () => {
    expect(() => validateRule({ collectivePercent: 50, collectiveFund: 'village-poverty-fund' })).toThrow(/RULE_INVALID/);
    expect(() => validateRule({ collectivePercent: 49, collectiveFund: 'village-poverty-fund' })).not.toThrow();
  });

  it('property: the parts add up to the amount exactly and follow the shares within one fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 49 }),
        (amount, shares, pct) => {
          const a = {
            recordedFen: amount,
            distributedFen: 0,
            rule: { collectivePercent: pct, collectiveFund: 'village-poverty-fund' as const },
            beneficiaries: shares.map((s, i) => ({ householdId: `h${i}`, link: 'dividend' as const, shares: s })),
          };
          const d = distributeIncome(a, amount);
          expect(d.collectiveFen + d.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(amount);
          const householdsFen = amount - d.collectiveFen;
          expect(householdsFen * 100).toBeGreaterThanOrEqual(amount * (100 - pct) - 100);
          const total = shares.reduce((x, y) => x + y, 0);
          for (const line of d.lines) expect(Math.abs(line.amountFen - (householdsFen * line.shares) / total)).toBeLessThan(1);
        },
      ),
    );
  });
});
