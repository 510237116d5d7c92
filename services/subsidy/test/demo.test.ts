/**
 * The demo parameters of 台儿庄 use the documents' 低保 standard: 3,900 元/人•年 (seed 000 SUB-46
 * L2780, 专栏20 item 5 L2874) = 325 元/月, not an invented 300 元/月.
 */
import { describe, expect, it } from 'vitest';
import { currentCatalog } from '../src/catalog/index.js';
import { DEMO_PARAMETERS } from '../src/demo/seed.js';
import { evaluateItem } from '../src/domain/engine.js';

describe('demo parameters of 台儿庄', () => {
  it('the monthly 低保 standard is 3,900 / 12 = 325 元 (seed 000 L2780, L2874)', () => {
    expect(DEMO_PARAMETERS.dibaoMonthlyStandard).toBe(32_500);
  });
  it('temporary assistance = 月低保标准 × 家庭人口 × 救助时限 (seed 000 SUB-55 L2895–2897): 325 × 3 × 2 = 1,950 元', () => {
    const compiled = currentCatalog().items.get('tez-temporary-assistance');
    const result = evaluateItem(currentCatalog(), compiled!, { householdSize: 3, aidMonths: 2 }, { jurisdiction: 'taierzhuang', version: 1, values: DEMO_PARAMETERS });
    expect([result.status, result.amountFen]).toEqual(['payable', 195_000]);
  });
});
