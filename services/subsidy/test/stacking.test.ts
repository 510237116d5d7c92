/**
 * Stacking relations between one subject's lines (policy-catalog.md "Items that stack or exclude
 * each other"): `replaces` pays the replacing item whatever the replaced one would pay; only true
 * alternatives (`excludes`) pay the higher of the two.
 */
import { describe, expect, it } from 'vitest';
import { CatalogInvalidError, currentCatalog, loadCatalog, rawCatalog } from '../src/catalog/index.js';
import { computeHousehold, type HouseholdInput } from '../src/domain/engine.js';

const catalog = currentCatalog();
const fen = (yuan: number) => Math.round(yuan * 100);
const GENERAL = 'tez-serious-illness-insurance-general';
const POOR_VERSION = 'tez-serious-illness-insurance-poor';

function patient(facts: Record<string, boolean | number | string | null>, bill: number): HouseholdInput {
  return {
    household: {},
    members: [{ memberId: 'm1', facts }],
    claims: [GENERAL, POOR_VERSION].map((itemId) => ({ itemId, memberId: 'm1', facts: { annualSelfPaidAfterBasic: fen(bill) } })),
  };
}

const lines = (input: HouseholdInput) => computeHousehold(catalog, 'taierzhuang', '2017-06', input, undefined, { itemIds: [GENERAL, POOR_VERSION] });

describe('the poor version of 大病保险 replaces the general one (seed 000 SUB-37 L2400–2404, SUB-39 L2909–2911)', () => {
  it('a registered poor patient with a very large bill is paid the poor version, capped at 50万, although the general line is higher', () => {
    // 1,000,000 left after basic insurance. General: 0.55 × 94,000 + 0.65 × 100,000 + 0.7 × 800,000 = 676,700.
    // Poor: 0.6 × 97,000 + 0.7 × 100,000 + 0.75 × 800,000 = 728,200 → capped at 500,000 (年度最高支付限额 50万元).
    const result = lines(patient({ isRegisteredPoor: true }, 1_000_000));
    const poor = result.find((l) => l.itemId === POOR_VERSION);
    const general = result.find((l) => l.itemId === GENERAL);
    expect([poor?.status, poor?.amountFen]).toEqual(['payable', fen(500_000)]);
    expect([general?.status, general?.amountFen, general?.excludedBy]).toEqual(['excluded', 0, POOR_VERSION]);
    expect(general?.explanation).toContain('取代');
    expect(result.filter((l) => l.status === 'payable').reduce((s, l) => s + l.amountFen, 0)).toBe(fen(500_000));
  });
  it('a patient who is not registered poor is paid the general version', () => {
    const result = lines(patient({ isRegisteredPoor: false }, 1_000_000));
    expect(result.map((l) => [l.itemId, l.status, l.amountFen])).toEqual([[GENERAL, 'payable', fen(0.55 * 94_000 + 0.65 * 100_000 + 0.7 * 800_000)]]);
  });
  it('while it is unknown whether the patient is registered poor, neither version is paid', () => {
    const result = lines(patient({}, 50_000));
    for (const line of result) expect([line.status, line.amountFen]).toEqual(['missing-facts', 0]);
    expect(result.find((l) => l.itemId === GENERAL)?.missingFacts).toContain('isRegisteredPoor');
  });
});

describe('true alternatives still pay the higher of the two', () => {
  it('one renovation mode per house stays an exclusion (higher of the two), not a replacement', () => {
    const rebuild = catalog.items.get('tez-housing-rebuild-subsidy')?.item.stacking;
    expect(rebuild?.excludes).toEqual(['tez-housing-repair-subsidy']);
    expect(rebuild?.replaces).toBeUndefined();
  });
  it('every "instead" relation of the catalog is a replacement, not an exclusion', () => {
    const replacements = [...catalog.items.values()].flatMap(({ item }) => (item.stacking?.replaces ?? []).map((other) => `${item.id} → ${other}`));
    expect(replacements.sort()).toEqual(
      [
        `${POOR_VERSION} → ${GENERAL}`,
        'tez-dibao-old-age-allowance → tez-old-age-allowance',
        'tez-longevity-allowance → tez-old-age-allowance',
        'tez-orphan-allowance → tez-child-in-difficulty-allowance',
        'jn-orphan-scattered-allowance-2019 → jn-key-child-in-distress-allowance-2019',
      ].sort(),
    );
  });
  it('the catalog refuses a pair that is both replaced and excluded, or replaced across jurisdictions', () => {
    const mutate = (f: (items: Record<string, { stacking?: Record<string, unknown>; jurisdiction?: string }>) => void) => {
      const raw = rawCatalog() as { items: { id: string; stacking?: Record<string, unknown>; jurisdiction?: string }[] };
      f(Object.fromEntries(raw.items.map((i) => [i.id, i])));
      return () => loadCatalog(raw);
    };
    expect(
      mutate((items) => {
        (items[GENERAL] as { stacking?: Record<string, unknown> }).stacking = { excludes: [POOR_VERSION] };
      }),
    ).toThrow(CatalogInvalidError);
    expect(
      mutate((items) => {
        (items[POOR_VERSION] as { stacking?: Record<string, unknown> }).stacking = { replaces: ['jn-microcredit'] };
      }),
    ).toThrow(/another jurisdiction/);
  });
});
