import { describe, expect, it } from 'vitest';
import { actionName, changeLines, periodZh } from '../src/console/pages/households/history.js';

/** The household card's history in Chinese for the asset-income steps (issue 16; decision Identification 42). */
describe('asset income in the household history', () => {
  it('names the steps in Chinese', () => {
    expect(actionName('ASSET_INCOME_RECORDED')).toBe('资产收益分配到户');
    expect(actionName('ASSET_INCOME_COUNTED')).toBe('资产收益计入收入');
  });

  it('says what a distribution brought instead of calling it a new registration', () => {
    const fact = { assetName: '冯庄村光伏电站', period: '2017-06', amountFen: 600_000, income: { counted: true, year: 2017, category: 'property' } };
    expect(changeLines(undefined, fact, 'ASSET_INCOME_RECORDED')).toEqual(['冯庄村光伏电站 2017年6月 收益 6,000.00 元', '已计入 2017 年收入']);
    expect(changeLines(undefined, { ...fact, income: { counted: false, reason: 'workflow-running' } }, 'ASSET_INCOME_RECORDED')[1]).toBe('未计入收入');
    expect(changeLines(undefined, fact)).toEqual(['新登记']);
  });

  it('shows the income it raised, field by field', () => {
    const before = { income: { propertyFen: 0 }, incomePerCapitaFen: 200_000 };
    const after = { income: { propertyFen: 600_000 }, incomePerCapitaFen: 400_000 };
    expect(changeLines(before, after, 'ASSET_INCOME_COUNTED')).toEqual(['人均纯收入：2,000.00 元 → 4,000.00 元', '财产性收入：0.00 元 → 6,000.00 元']);
  });

  it('writes a period as year and month', () => {
    expect(periodZh('2019-09')).toBe('2019年9月');
    expect(periodZh('2019')).toBe('2019');
  });
});
