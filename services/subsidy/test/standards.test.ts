/**
 * Standards that carry forward: 台儿庄's 专栏20 standards are dated 2017 (seed 000 L2850–2893
 * "2017年部分社保补贴政策") and the plan items 2016–2020, but a county keeps paying on a standard
 * until a newer one is published. A later period uses the latest approved version in force and says
 * when it is an older year's.
 */
import { describe, expect, it } from 'vitest';
import { currentCatalog } from '../src/catalog/index.js';
import { demoHousehold } from '../src/demo/households.js';
import { DEMO_PARAMETERS } from '../src/demo/seed.js';
import { computeHousehold } from '../src/domain/engine.js';
import { householdInput } from '../src/domain/facts.js';
import { catalogVersion, type StandardVersion, standardShape, validateTerms, versionInForce } from '../src/domain/standards.js';
import { MONTHLY_SELECTION } from '../src/run/process.js';

const catalog = currentCatalog();
const params = { jurisdiction: 'taierzhuang' as const, version: 1, values: DEMO_PARAMETERS };
const item = (id: string) => catalog.items.get(id)!.item;

function paidItems(period: string, standards?: Map<string, StandardVersion>): Map<string, number> {
  const paid = new Map<string, number>();
  for (let i = 0; i < 600; i++) {
    const lines = computeHousehold(catalog, 'taierzhuang', period, householdInput(demoHousehold(i), period), params, MONTHLY_SELECTION, standards);
    for (const line of lines) if (line.status === 'payable' && line.amountFen > 0) paid.set(line.itemId, (paid.get(line.itemId) ?? 0) + 1);
  }
  return paid;
}

describe('monthly items after their document year', () => {
  it('a run for 2018-06 and for the current month 2026-12 pays every monthly item the demo households are paid in 2017-06', () => {
    const in2017 = [...paidItems('2017-06').keys()].sort();
    expect(in2017.length).toBeGreaterThanOrEqual(6);
    for (const period of ['2018-06', '2026-12']) {
      const later = paidItems(period);
      for (const id of in2017) expect([period, id, (later.get(id) ?? 0) > 0]).toEqual([period, id, true]);
    }
  });
  it('a line on the 2017 standard in 2026 says 沿用2017年标准; in 2017 it does not', () => {
    const household = demoHousehold(3);
    const at = (period: string) => computeHousehold(catalog, 'taierzhuang', period, householdInput(household, period), params, { itemIds: ['tez-basic-pension'] });
    const line2026 = at('2026-12').find((l) => l.status === 'payable');
    expect(line2026?.amountFen).toBe(10_000); // seed 000 SUB-54 L2887–2889: 100 元/人•月
    expect(line2026?.explanation).toContain('沿用2017年标准');
    for (const line of at('2017-06')) expect(line.explanation).not.toContain('沿用');
  });
});

describe('versions of a standard', () => {
  const pension = item('tez-basic-pension');
  const v = (version: number, effectiveFrom: string, amountFen: number, status: StandardVersion['status'] = 'APPROVED'): StandardVersion => ({
    itemId: pension.id,
    version,
    effectiveFrom,
    amountFen,
    status,
    document: { number: `台政发〔${effectiveFrom.slice(0, 4)}〕${version}号`, title: '调整标准' },
  });
  it('the latest approved version effective by the period is in force; pending and rejected ones are not', () => {
    const versions = [v(1, '2020-01-01', 11_000), v(2, '2025-07-01', 12_000), v(3, '2026-01-01', 13_000, 'PENDING'), v(4, '2026-01-01', 14_000, 'REJECTED')];
    expect(versionInForce(pension, versions, '2019-12')?.version).toBe(0);
    expect(versionInForce(pension, versions, '2025-06')?.version).toBe(1);
    expect(versionInForce(pension, versions, '2025-07')?.version).toBe(2);
    expect(versionInForce(pension, versions, '2026-12')?.version).toBe(2);
  });
  it('a county version is paid and cited; an older year is still flagged', () => {
    const standards = new Map([[pension.id, v(1, '2025-07-01', 12_000)]]);
    const lines = computeHousehold(catalog, 'taierzhuang', '2026-12', householdInput(demoHousehold(3), '2026-12'), params, { itemIds: [pension.id] }, standards);
    const paid = lines.find((l) => l.status === 'payable');
    expect(paid?.amountFen).toBe(12_000);
    expect(paid?.explanation).toContain('台政发〔2025〕1号');
    expect(paid?.explanation).toContain('沿用2025年标准');
  });
  it('band and formula standards: the old-age bands by age, the longevity formula by its parameters', () => {
    expect(standardShape(item('tez-old-age-allowance'))).toEqual({
      kind: 'bands',
      bands: [
        { label: '80-90', labelZh: '80—89周岁', amountFen: 3_000 },
        { label: '90-100', labelZh: '90—99周岁', amountFen: 6_000 },
      ],
    });
    const longevity = item('tez-longevity-allowance');
    expect(standardShape(longevity)).toMatchObject({
      kind: 'values',
      values: [
        { name: 'longevityBase', amountFen: 40_000 },
        { name: 'longevityStep', amountFen: 1_000 },
      ],
    });
    const raised: StandardVersion = { ...catalogVersion(longevity), version: 1, effectiveFrom: '2026-01-01', valuesFen: { longevityBase: 50_000, longevityStep: 1_500 } };
    const centenarian = demoHousehold(0);
    centenarian.members = [{ ...centenarian.members[0]!, birthDate: '1924-01-15' }]; // 102 in December 2026
    const lines = computeHousehold(
      catalog,
      'taierzhuang',
      '2026-12',
      householdInput(centenarian, '2026-12'),
      params,
      { itemIds: [longevity.id] },
      new Map([[longevity.id, raised]]),
    );
    expect(lines.find((l) => l.status === 'payable')?.amountFen).toBe(50_000 + 2 * 1_500);
  });
  it('refuses terms that do not fit the item, amounts not in fen, negative, or dated before the document', () => {
    const oldAge = item('tez-old-age-allowance');
    expect(() => validateTerms(oldAge, { amountFen: 5_000 }, '2026-01-01')).toThrow(/逐档|bandAmountsFen/);
    expect(() => validateTerms(oldAge, { bandAmountsFen: { '80-90': 5_000 } }, '2026-01-01')).toThrow(/逐档/);
    expect(() => validateTerms(pension, { amountFen: 100.5 }, '2026-01-01')).toThrow(/整数分/);
    expect(() => validateTerms(pension, { amountFen: -1 }, '2026-01-01')).toThrow(/负数/);
    expect(() => validateTerms(pension, { amountFen: 12_000 }, '2016-12-31')).toThrow(/不得早于/);
    expect(() => validateTerms(item('tez-serious-illness-insurance-poor'), { amountFen: 1 }, '2026-01-01')).toThrow(/不是可续用的标准/);
    expect(() => validateTerms(item('tez-free-electricity'), { valuesFen: {} }, '2026-01-01')).toThrow(/区县参数/);
    expect(validateTerms(oldAge, { bandAmountsFen: { '80-90': 5_000, '90-100': 8_000 } }, '2026-01-01')).toEqual({ bandAmountsFen: { '80-90': 5_000, '90-100': 8_000 } });
  });
});
