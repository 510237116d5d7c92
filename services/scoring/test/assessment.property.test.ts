import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, type BankFigures } from '../src/domain/assessment.js';
import { dec, gte, lt } from '../src/domain/decimal.js';
import { DEFAULT_PARAMS, type RANKED_ITEMS } from '../src/domain/params.js';

/** Random but valid figures (万元 with up to 2 decimals). */
const amount = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);
const figures = (id: string): fc.Arbitrary<BankFigures> =>
  fc
    .record({
      loansStart: amount(600_000),
      loansEnd: amount(600_000),
      obs: fc.integer({ min: -500, max: 5000 }),
      mltShare: fc.integer({ min: 0, max: 100 }),
      mltShareEnd: fc.integer({ min: 0, max: 100 }),
      depositsEnd: fc.integer({ min: 1, max: 900_000 }),
      restructStart: amount(20_000),
      restructEnd: amount(20_000),
      innovation: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      localTax: amount(3000),
      nplStart: fc.constantFrom('0', '0', '10', '500', '6000'),
      nplEnd: fc.constantFrom('0', '0', '30', '4500'),
      nplDisposed: fc.constantFrom('0', '0', '20', '3000'),
      arose: fc.boolean(),
      outletsPrev: fc.integer({ min: 0, max: 30 }),
      outletsEnd: fc.integer({ min: 0, max: 30 }),
      routine: fc.integer({ min: 60, max: 100 }),
      violation: fc.integer({ min: 0, max: 9 }).map((v) => v === 0),
    })
    .map((r) => ({
      bankId: id,
      name: `银行${id}`,
      loansStart: r.loansStart,
      loansEnd: r.loansEnd,
      obsIncrease: String(r.obs),
      debtEquitySwaps: '0',
      mltStart: String(Math.floor((Number(r.loansStart) * r.mltShare) / 100)),
      mltEnd: String(Math.floor((Number(r.loansEnd) * r.mltShareEnd) / 100)),
      mltObsIncrease: '0',
      mltDebtEquitySwaps: '0',
      depositsEnd: String(r.depositsEnd),
      restructStart: r.restructStart,
      restructEnd: r.restructEnd,
      innovation: r.innovation === null ? null : { kind: 'score' as const, value: String(r.innovation) },
      localTax: r.localTax,
      nplStart: r.nplStart,
      nplEnd: r.nplEnd,
      nplDisposed: r.nplDisposed,
      nplAroseDuringYear: r.nplStart === '0' ? r.arose || r.nplEnd !== '0' || r.nplDisposed !== '0' : r.arose,
      outletsPrev: r.outletsPrev,
      outletsEnd: r.outletsEnd,
      routine: { kind: 'score' as const, value: String(r.routine) },
      violation: r.violation,
    }));

const district = fc.integer({ min: 1, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => figures(`b${i}`))));

describe('assessment properties (fast-check)', () => {
  it('every ranked item scores within [0, max] and is a multiple of 0.5', () => {
    fc.assert(
      fc.property(district, (banks) => {
        const result = assess(banks, DEFAULT_PARAMS);
        for (const bank of result.banks)
          for (const row of bank.items) {
            if (row.item === '8') continue;
            const max = dec(DEFAULT_PARAMS.items[row.item as (typeof RANKED_ITEMS)[number]].max);
            const points = dec(row.points);
            expect(gte(points, dec(0)) && !lt(max, points)).toBe(true);
            expect((points.n * BigInt(2)) % points.d).toBe(BigInt(0));
          }
      }),
      { numRuns: 150 },
    );
  });

  it('permuting the bank order changes nothing', () => {
    fc.assert(
      fc.property(
        district.chain((banks) => fc.tuple(fc.constant(banks), fc.shuffledSubarray(banks, { minLength: banks.length, maxLength: banks.length }))),
        ([banks, shuffled]) => {
          expect(assess(shuffled, DEFAULT_PARAMS)).toEqual(assess(banks, DEFAULT_PARAMS));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a tie gives equal points: a clone of a bank scores exactly the same on every item', () => {
    fc.assert(
      fc.property(district, fc.nat(), (banks, pick) => {
        const original = banks[pick % banks.length] as BankFigures;
        const clone = { ...original, bankId: 'clone', name: '克隆' };
        const result = assess([...banks, clone], DEFAULT_PARAMS);
        const a = result.banks.find((b) => b.bankId === original.bankId);
        const b = result.banks.find((x) => x.bankId === 'clone');
        expect(b?.items.map((i) => [i.item, i.points, i.rank])).toEqual(a?.items.map((i) => [i.item, i.points, i.rank]));
        expect(b?.total).toBe(a?.total);
        expect(b?.prize).toBe(a?.prize);
      }),
      { numRuns: 150 },
    );
  });
});
