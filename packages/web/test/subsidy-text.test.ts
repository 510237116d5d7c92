import { describe, expect, it } from 'vitest';
import { lastMonth, lineExplanation, monthText } from '../src/console/pages/subsidy/text.js';

describe('subsidy line explanations for staff (no citation, no catalog names)', () => {
  it('drops the citation and names known facts in Chinese', () => {
    expect(lineExplanation('seed 000 SUB-47 L2858–2860: 30.00 元；age=85 → 30.00 元')).toBe('30.00 元；年龄 85 → 30.00 元');
    expect(lineExplanation('seed 000 SUB-1 L1606: 缺少事实 age、householdSize，未计算')).toBe('缺少年龄、家庭人口，未计算');
    expect(lineExplanation('seed 000 SUB-1 L1606: 缺少事实 age、fooBar，未计算')).toBe('缺少 2 项信息（含年龄），未计算');
  });

  it('writes a formula in the facts’ Chinese names', () => {
    const text = lineExplanation('seed 000 SUB-38 L2899: individualContribution * 0.5；individualContribution=320，isRegisteredPoor=true，disabilityLevel=0 → 160.00 元');
    expect(text).toBe('个人缴费 × 0.5；个人缴费 320，建档立卡 是，残疾等级 0 → 160.00 元');
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('leaves out a formula and facts written in names the catalog does not have', () => {
    const text = lineExplanation('seed 000 SUB-38 L2899: fooBar * 0.5；fooBar=320，isRegisteredPoor=true → 160.00 元');
    expect(text).toBe('建档立卡 是 → 160.00 元');
  });

  it('months: the one before, and in Chinese', () => {
    expect(lastMonth(new Date(2026, 0, 15))).toBe('2025-12');
    expect(monthText('2017-06')).toBe('2017年6月');
  });
});
