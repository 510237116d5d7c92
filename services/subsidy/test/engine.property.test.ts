/**
 * Properties of the engine over random households: totals equal the sum of lines, no line is
 * negative, computing the same input twice gives the same lines, exclusive items are never both paid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentCatalog } from '../src/catalog/index.js';
import { demoHousehold } from '../src/demo/households.js';
import { DEMO_PARAMETERS } from '../src/demo/seed.js';
import { computeHousehold, totalFen } from '../src/domain/engine.js';
import { householdInput } from '../src/domain/facts.js';
import { addHousehold, emptyTotals, rosterLines } from '../src/domain/roster.js';

const catalog = currentCatalog();
const params = {
  jurisdiction: 'taierzhuang' as const,
  version: 1,
  values: DEMO_PARAMETERS,
};
const periods = fc.constantFrom('2017-01', '2017-06', '2017-12', '2018-03', '2019-07');

describe('engine properties', () => {
  it('totals equal the sum of lines, no negative line, deterministic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), periods, (index, period) => {
        const snapshot = demoHousehold(index);
        const a = computeHousehold(catalog, 'taierzhuang', period, householdInput(snapshot, period), params);
        const b = computeHousehold(catalog, 'taierzhuang', period, householdInput(snapshot, period), params);
        expect(b).toEqual(a);
        for (const line of a) {
          expect(line.amountFen).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(line.amountFen)).toBe(true);
          if (line.status !== 'payable') expect(line.amountFen).toBe(0);
        }
        expect(totalFen(a)).toBe(a.filter((l) => l.status === 'payable').reduce((s, l) => s + l.amountFen, 0));
        const roster = rosterLines(
          {
            householdId: snapshot.householdId,
            region: snapshot.region,
            headName: snapshot.headName,
            group: snapshot.group,
            names: {},
          },
          a,
        );
        const totals = addHousehold(emptyTotals(), roster);
        expect(totals.totalFen).toBe(totalFen(a));
        expect(Object.values(totals.byItem).reduce((s, t) => s + t.totalFen, 0)).toBe(totals.totalFen);
        // Exclusions: never two payable lines for one subject where one excludes the other.
        for (const line of a.filter((l) => l.status === 'payable')) {
          const excludes = catalog.items.get(line.itemId)?.item.stacking?.excludes ?? [];
          expect(a.some((o) => o.status === 'payable' && o.subject === line.subject && excludes.includes(o.itemId))).toBe(false);
          // Replacements: a replaced item is never paid beside the item that replaces it.
          const replaces = catalog.items.get(line.itemId)?.item.stacking?.replaces ?? [];
          expect(a.some((o) => o.status === 'payable' && o.subject === line.subject && replaces.includes(o.itemId))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the 80+ allowance and the 低保 80+ allowance are never both paid (policy-catalog.md exclusions)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 80, max: 99 }), fc.boolean(), (age, dibao) => {
        const snapshot = demoHousehold(1);
        snapshot.dibao = dibao;
        snapshot.attribute = dibao ? '低保贫困户' : '一般贫困户';
        snapshot.members = [{ ...snapshot.members[0]!, birthDate: `${2017 - age}-01-01` }];
        const lines = computeHousehold(catalog, 'taierzhuang', '2017-06', householdInput(snapshot, '2017-06'), params, {
          itemIds: ['tez-old-age-allowance', 'tez-dibao-old-age-allowance'],
        });
        const paid = lines.filter((l) => l.status === 'payable');
        expect(paid).toHaveLength(1);
        // seed 000 SUB-47 / SUB-49: 30/60 or 130/260 by age band.
        const expected = dibao ? (age < 90 ? 13_000 : 26_000) : age < 90 ? 3_000 : 6_000;
        expect(paid[0]!.amountFen).toBe(expected);
      }),
    );
  });
});
