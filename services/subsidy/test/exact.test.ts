/**
 * Thresholds and roundings are exact: formulas are evaluated on rationals (yuan facts = fen ÷ 100,
 * catalog decimals as written), compared exactly at band edges and in floor/ceil, and rounded once,
 * half up, to fen. Binary floating point with an epsilon got these wrong.
 */
import { describe, expect, it } from 'vitest';
import { currentCatalog } from '../src/catalog/index.js';
import { evaluateItem } from '../src/domain/engine.js';
import { bandMatches, evaluate, evaluateExact, parseFormula } from '../src/domain/expression.js';
import { compare, fenToYuan, fromNumber, rational, roundHalfUp, yuanToFenExact } from '../src/domain/rational.js';

const catalog = currentCatalog();

describe('exact money arithmetic in formulas', () => {
  it('3% of a principal of 10,000,005.50 元 is 300,000.165 元, paid 300,000.17 (half up), not 300,000.16 (yiyuan SUB interest subsidy)', () => {
    const compiled = catalog.items.get('yiyuan-business-entity-loan-interest-subsidy');
    // min(0.03 × outstandingPrincipal, interestCharged); the interest charged is higher.
    const result = evaluateItem(catalog, compiled!, { leadsPoorToStableIncome: true, outstandingPrincipal: 1_000_000_550, interestCharged: 40_000_000 });
    expect([result.status, result.amountFen]).toEqual(['payable', 30_000_017]);
  });
  it('the general 大病保险 bands: 55% of 94,000 + 65% of 100,000 + 70% above 20万, exact (seed 000 SUB-39 L2905–2911)', () => {
    const compiled = catalog.items.get('tez-serious-illness-insurance-general');
    // 250,000.01 元: 0.7 × 50,000.01 = 35,000.007 → 51,700 + 65,000 + 35,000.007 = 151,700.007 → 151,700.01.
    const result = evaluateItem(catalog, compiled!, { annualSelfPaidAfterBasic: 25_000_001 });
    expect(result.amountFen).toBe(15_170_001);
  });
});

describe('exact comparisons at thresholds', () => {
  it('floor and ceil compare the exact value: 499.9999999999 亩 ÷ 500 is below one post, 1000.0000000001 ÷ 500 is above two', () => {
    expect(evaluate(parseFormula('floor(forestAreaMu / 500)'), () => 499.9999999999)).toBe(0);
    expect(evaluate(parseFormula('floor(forestAreaMu / 500)'), () => 1500)).toBe(3);
    expect(evaluate(parseFormula('ceil(x / 500)'), () => 1000.0000000001)).toBe(3);
    expect(evaluate(parseFormula('ceil(x / 500)'), () => 1000)).toBe(2);
  });
  it('a band edge is compared exactly: 0.1 + 0.2 is 0.3, inside [0.3, 0.4) and not in [0, 0.3)', () => {
    const sum = evaluateExact(parseFormula('a + b'), (name) => (name === 'a' ? 0.1 : 0.2));
    expect(bandMatches({ from: 0.3, to: 0.4 }, sum as never)).toBe(true);
    expect(bandMatches({ from: 0, to: 0.3 }, sum as never)).toBe(false);
  });
  it('yuan facts are exact fen ÷ 100: 3,608.99 元 is below a 3,609 元 edge, 3,609.00 is on it', () => {
    expect(compare(fenToYuan(360_899), fromNumber(3609))).toBe(-1);
    expect(compare(fenToYuan(360_900), fromNumber(3609))).toBe(0);
  });
});

describe('rationals', () => {
  it('read numbers as the decimals they print as, round half away from zero', () => {
    expect(fromNumber(0.1)).toEqual(rational(1n, 10n));
    expect(fromNumber(1e-7)).toEqual(rational(1n, 10_000_000n));
    expect(fromNumber(-2.5)).toEqual(rational(-5n, 2n));
    expect([roundHalfUp(rational(3n, 2n)), roundHalfUp(rational(-3n, 2n)), roundHalfUp(rational(149n, 100n))]).toEqual([2n, -2n, 1n]);
    // 1.005 元 = 100.5 分 → 101 分 (a double would hold 1.00499999…).
    expect(yuanToFenExact(fromNumber(1.005))).toBe(101);
  });
});
