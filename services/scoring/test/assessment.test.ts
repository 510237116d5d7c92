import { DomainError } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { type AssessmentResult, assess, type BankFigures, rankPoints } from '../src/domain/assessment.js';
import { dec, toDecimalString } from '../src/domain/decimal.js';
import { type AssessmentParams, DEFAULT_PARAMS, rewardsDueBy } from '../src/domain/params.js';
import { bank, workedExample } from './fixtures.js';

const P = DEFAULT_PARAMS;
const with_ = (overrides: Partial<AssessmentParams>): AssessmentParams => ({ ...P, ...overrides });
const row = (result: AssessmentResult, id: string) => {
  const found = result.banks.find((b) => b.bankId === id);
  if (!found) throw new Error(`no bank ${id}`);
  return found;
};
const pts = (result: AssessmentResult, id: string, item: string) => row(result, id).items.find((i) => i.item === item)?.points;
const item = (result: AssessmentResult, id: string, code: string) => row(result, id).items.find((i) => i.item === code);

describe('workflows.md §5.3 worked example (seed 000 §3 L4145–4297)', () => {
  const result = assess(workedExample(), P);
  const expected: Record<string, [string[], string, string | null]> = {
    //      1a    1b    2a    2b    3     4     5     6     7a    7b    7      8     9      total  prize
    A: [['20', '5', '10', '4.5', '13', '10', '5', '10', '10', '4.5', '14.5', '2', '5'], '99', '一等奖'],
    B: [['19', '4.5', '8', '3.5', '10', '9', '4', '8', '9', '5', '14', '0', '4'], '84', '二等奖'],
    C: [['18', '4.5', '9', '4', '12', '0', '4.5', '9', '6', '3', '9', '4', '4'], '78', '二等奖'],
    D: [['17', '3.5', '0', '2.5', '12', '8', '3.5', '7', '0', '0', '15', '0', '3'], '71.5', '三等奖'],
    E: [['16', '0', '7', '5', '15', '0', '3', '6', '7', '4', '11', '2', '4.5'], '69.5', '三等奖'],
    F: [['0', '0', '6', '3', '14', '7', '0', '5', '8', '3.5', '11.5', '-2', '2.5'], '47', null],
  };
  for (const [id, [points, total, prize]] of Object.entries(expected)) {
    it(`bank ${id}: every item, the total ${total} and the prize`, () => {
      const r = row(result, id);
      const codes = ['1a', '1b', '2a', '2b', '3', '4', '5', '6', '7a', '7b'];
      expect(codes.map((code) => pts(result, id, code))).toEqual(points.slice(0, 10));
      expect(r.item7).toBe(points[10]);
      expect(pts(result, id, '8')).toBe(points[11]);
      expect(pts(result, id, '9')).toBe(points[12]);
      expect(r.total).toBe(total);
      expect(r.prize).toBe(prize);
    });
  }

  it('derived values: g%, 2b growth, LDR and 7b rates at 0.01 pp', () => {
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => item(result, id, '1b')?.value)).toEqual(['10.67', '6.00', '6.00', '5.50', '4.00', '-2.00']);
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => item(result, id, '2b')?.value)).toEqual(['12.00', '6.00', '11.00', '-2.00', '15.00', '5.00']);
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => item(result, id, '3')?.value)).toEqual(['68.75', '60.00', '65.50', '65.50', '80.00', '70.00']);
    expect(['A', 'B', 'C', 'E', 'F'].map((id) => item(result, id, '7b')?.value)).toEqual(['50.00', '60.00', '0.00', '40.00', '20.00']);
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => item(result, id, '1a')?.value)).toEqual(['48000', '18000', '15000', '6600', '1600', '-600']);
  });

  it('the notes of §5.3: B and C share rank 2 on 1b, D is 4th; C and D share rank 4 on LDR, B is 6th', () => {
    expect([item(result, 'B', '1b')?.rank, item(result, 'C', '1b')?.rank, item(result, 'D', '1b')?.rank]).toEqual([2, 2, 4]);
    expect([item(result, 'C', '3')?.rank, item(result, 'D', '3')?.rank, item(result, 'B', '3')?.rank]).toEqual([4, 4, 6]);
    expect(item(result, 'E', '1b')?.note).toBe('BELOW_THRESHOLD');
    expect(item(result, 'F', '1a')?.note).toBe('ZERO_RULE');
    expect(item(result, 'D', '2a')?.note).toBe('ZERO_RULE');
    expect(item(result, 'D', '2b')?.rank).toBe(6);
    expect(item(result, 'C', '7a')).toMatchObject({ value: '0', rank: 5, points: '6' });
    expect(item(result, 'D', '7a')?.note).toBe('NO_NPL');
    expect(result.flags).toEqual([]);
  });

  it('if C were disqualified, D takes 二等奖 and E and F take 三等奖', () => {
    const banks = workedExample().map((b) => (b.bankId === 'C' ? { ...b, violation: true } : b));
    const r = assess(banks, with_({ disqualifiedRankedInItems: true }));
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => row(r, id).prize)).toEqual(['一等奖', '二等奖', null, '二等奖', '三等奖', '三等奖']);
    const removed = assess(banks, P);
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => row(removed, id).prize)).toEqual(['一等奖', '二等奖', null, '二等奖', '三等奖', '三等奖']);
  });

  it('a disqualified bank keeps every item rank and only leaves the prize list (seed 000 BK-4 L4270–4274 取消其奖励资格; workflows.md §5.1, B-12)', () => {
    // C sits in the middle of several rankings: 1a rank 3, 2a rank 2, 3 rank 4, 6 rank 3, 7a rank 5.
    const banks = workedExample().map((b) => (b.bankId === 'C' ? { ...b, violation: true } : b));
    const r = assess(banks, P);
    // The default reading: every bank's item points, C's included, are those of the year without the violation.
    for (const id of ['A', 'B', 'C', 'D', 'E', 'F']) expect(row(r, id).items).toEqual(row(result, id).items);
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => row(r, id).total)).toEqual(['99', '84', '78', '71.5', '69.5', '47']);
    expect(row(r, 'C')).toMatchObject({ disqualified: true, prize: null, totalRank: null });
    // On the prize list the banks below C move up.
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => row(r, id).prize)).toEqual(['一等奖', '二等奖', null, '二等奖', '三等奖', '三等奖']);
    expect(['A', 'B', 'D', 'E', 'F'].map((id) => row(r, id).totalRank)).toEqual([1, 2, 3, 4, 5]);
    // The other reading (removed before ranking) stays available as a parameter and changes other banks' points.
    const removed = assess(banks, with_({ disqualifiedRankedInItems: false }));
    expect(item(removed, 'D', '1a')?.points).toBe('18');
    expect(row(removed, 'C')).toMatchObject({ total: '0', prize: null });
  });

  it('gives the same result whatever the input order', () => {
    expect(assess([...workedExample()].reverse(), P)).toEqual(result);
  });
});

describe('rank_points', () => {
  it('competition ranking 1, 1, 3 (B-1)', () => {
    const r = rankPoints(
      [
        { id: 'a', value: dec(5) },
        { id: 'b', value: dec(5) },
        { id: 'c', value: dec(1) },
      ],
      dec(20),
      dec(1),
      'competition',
      true,
    );
    expect([...r.values()].map((v) => [v.rank, toDecimalString(v.points)])).toEqual([
      [1, '20'],
      [1, '20'],
      [3, '18'],
    ]);
  });
  it('dense and average ranking are available as parameters (B-1 C)', () => {
    const pool = [
      { id: 'a', value: dec(5) },
      { id: 'b', value: dec(5) },
      { id: 'c', value: dec(1) },
    ];
    expect(toDecimalString(rankPoints(pool, dec(20), dec(1), 'dense', true).get('c')?.points ?? dec(0))).toBe('19');
    expect(toDecimalString(rankPoints(pool, dec(5), dec('0.5'), 'average', true).get('a')?.points ?? dec(0))).toBe('4.75');
  });
});

describe('decisions B-1…B-14 (workflows.md §5.2)', () => {
  it('B-1 tied banks get equal points and the next bank skips a rank', () => {
    const r = assess([bank('a', { localTax: '50' }), bank('b', { localTax: '50' }), bank('c', { localTax: '10' })], P);
    expect([pts(r, 'a', '6'), pts(r, 'b', '6'), pts(r, 'c', '6')]).toEqual(['10', '10', '8']);
  });

  it('B-2 zero-rule items drop zero-scored banks from the pool; items without one rank every bank', () => {
    const banks = [bank('a', { restructEnd: '0' }), bank('b', { restructEnd: '5' }), bank('c', { restructEnd: '3' })];
    const r = assess(banks, P);
    expect([pts(r, 'a', '4'), pts(r, 'b', '4'), pts(r, 'c', '4')]).toEqual(['0', '10', '9']);
    // 2b has no zero rule: a fall in M still ranks.
    const m = assess([bank('a', { mltEnd: '90' }), bank('b', { mltEnd: '110' })], P);
    expect([pts(m, 'a', '2b'), pts(m, 'b', '2b'), pts(m, 'a', '2a')]).toEqual(['4.5', '5', '0']);
    // C: with the option off the zero-scored bank keeps its rank (and still scores 0).
    const kept = assess(
      [bank('a', { restructEnd: '9' }), bank('b', { restructEnd: '0' }), bank('c', { restructEnd: '-1', restructStart: '0' })].map((b) =>
        b.bankId === 'c' ? { ...b, restructStart: '1', restructEnd: '0' } : b,
      ),
      with_({ zeroRuleLeavesPool: false }),
    );
    expect([pts(kept, 'a', '4'), pts(kept, 'b', '4'), pts(kept, 'c', '4')]).toEqual(['10', '0', '0']);
    expect(item(kept, 'c', '4')?.rank).toBe(3);
  });

  it('B-3 no item scores below 0 (12 banks on a 5-point item); with the floor off it goes negative', () => {
    const banks = Array.from({ length: 12 }, (_, i) => bank(`b${String(i).padStart(2, '0')}`, { routine: { kind: 'score', value: String(90 - i) } }));
    const r = assess(banks, P);
    expect(pts(r, 'b11', '9')).toBe('0');
    expect(pts(r, 'b10', '9')).toBe('0');
    expect(pts(r, 'b09', '9')).toBe('0.5');
    expect(pts(assess(banks, with_({ floorAtZero: false })), 'b11', '9')).toBe('-0.5');
  });

  it('B-4 size class by year-start balance; ≥5亿 → 3%; growth equal to the threshold passes, compared exactly', () => {
    // 50000万 exactly is large: 3% passes. 49999 is small: 4% fails.
    const r = assess(
      [
        bank('big', { loansStart: '50000', loansEnd: '51500', mltStart: '0', mltEnd: '0' }),
        bank('small', { loansStart: '49999', loansEnd: '51998.96', mltStart: '0', mltEnd: '0' }),
        bank('edge', { loansStart: '40000', loansEnd: '42000', mltStart: '0', mltEnd: '0' }),
      ],
      P,
    );
    expect(item(r, 'big', '1b')).toMatchObject({ value: '3.00', rank: 2, points: '4.5' });
    expect(item(r, 'big', '1b')?.note).toBeUndefined();
    expect(item(r, 'small', '1b')).toMatchObject({ value: '4.00', note: 'BELOW_THRESHOLD', points: '0' });
    expect(item(r, 'edge', '1b')).toMatchObject({ value: '5.00', points: '5' });
    // The threshold is compared with the exact growth: 2.996% shows as 3.00 (0.01 pp) but is below 3%.
    const under = assess(
      [bank('u', { loansStart: '50000', loansEnd: '51498', mltStart: '0', mltEnd: '0' }), bank('o', { loansStart: '50000', loansEnd: '51500', mltStart: '0', mltEnd: '0' })],
      P,
    );
    expect(item(under, 'u', '1b')).toMatchObject({ value: '3.00', note: 'BELOW_THRESHOLD', points: '0' });
    expect(item(under, 'o', '1b')).toMatchObject({ value: '3.00', rank: 1, points: '5' });
    // Basis 'end' (C): a bank that crosses 5亿 during the year is judged at 3%.
    const crossing = bank('x', { loansStart: '48000', loansEnd: '50000', mltStart: '0', mltEnd: '0' }); // 4.17%
    expect(item(assess([crossing], P), 'x', '1b')?.note).toBe('BELOW_THRESHOLD');
    expect(item(assess([crossing], with_({ sizeClass: { ...P.sizeClass, basis: 'end' } })), 'x', '1b')?.points).toBe('5');
  });

  it('B-5 a zero base leaves 1b/2b and is flagged; 7b with N0 = 0 uses W/(W+N1)', () => {
    const r = assess([bank('new', { loansStart: '0', loansEnd: '500', mltStart: '0', mltEnd: '100' }), bank('old', { loansEnd: '1100' })], P);
    expect(item(r, 'new', '1b')).toMatchObject({ value: null, note: 'BASE_ZERO', points: '0' });
    expect(item(r, 'new', '2b')).toMatchObject({ note: 'BASE_ZERO', points: '0' });
    expect(item(r, 'old', '2b')?.points).toBe('5');
    expect(r.flags.filter((f) => f.code === 'BASE_ZERO').map((f) => f.item)).toEqual(['1b', '2b']);
    const e = assess([bank('e', { nplStart: '0', nplDisposed: '20', nplEnd: '30', nplAroseDuringYear: true })], P);
    expect(item(e, 'e', '7b')?.value).toBe('40.00');
  });

  it('B-6 no_npl means N0 = N1 = W = 0 and none arose: 15 points and no 7a/7b rank', () => {
    const clean = bank('clean', { nplStart: '0', nplEnd: '0', nplDisposed: '0' });
    const arose = bank('arose', { nplStart: '0', nplEnd: '0', nplDisposed: '0', nplAroseDuringYear: true });
    const other = bank('other', { nplStart: '10', nplDisposed: '5', nplEnd: '5' });
    const r = assess([clean, arose, other], P);
    expect(row(r, 'clean').item7).toBe('15');
    expect(item(r, 'clean', '7a')?.rank).toBeNull();
    expect(item(r, 'other', '7a')?.rank).toBe(1);
    expect(item(r, 'arose', '7a')).toMatchObject({ rank: 2, points: '9' });
    expect(row(r, 'arose').item7).not.toBe('15');
  });

  it('B-7 ΔOBS×0.5 and DES×1 add to the increase and its zero rule; L0 is not adjusted; M uses only 中长期 parts', () => {
    // L fell by 100, but 0.5·400 = 200 of off-balance-sheet growth makes Δ = +100 > 0.
    const r = assess([bank('a', { loansEnd: '900', obsIncrease: '400' }), bank('b', { loansEnd: '1050', debtEquitySwaps: '10' })], P);
    expect(item(r, 'a', '1a')).toMatchObject({ value: '100', rank: 1, points: '20' });
    expect(item(r, 'b', '1a')).toMatchObject({ value: '60', rank: 2, points: '19' });
    expect(item(r, 'a', '1b')?.value).toBe('10.00'); // 100 / 1000, base unadjusted
    expect(item(r, 'a', '2a')?.note).toBe('ZERO_RULE'); // the OBS is not 中长期
    const m = assess([bank('a', { mltObsIncrease: '20' })], P);
    expect(item(m, 'a', '2a')).toMatchObject({ value: '10', points: '10' });
    expect(item(assess([bank('a', { loansEnd: '900', obsIncrease: '400' })], with_({ obsWeight: '0.2' })), 'a', '1a')?.note).toBe('ZERO_RULE');
  });

  it('B-8 本外币合计 figures are used as given (decimal 万元, no conversion)', () => {
    const r = assess([bank('a', { loansEnd: '1000.05' })], P);
    expect(item(r, 'a', '1a')?.value).toBe('0.05');
  });

  it('B-9 a higher loan-to-deposit ratio is better; no cap unless configured', () => {
    const r = assess([bank('hi', { loansEnd: '1900', depositsEnd: '2000' }), bank('lo', { loansEnd: '1000' })], P);
    expect([pts(r, 'hi', '3'), pts(r, 'lo', '3')]).toEqual(['15', '14']);
    const capped = assess([bank('hi', { loansEnd: '1900', depositsEnd: '2000' }), bank('mid', { loansEnd: '1600' })], with_({ ldrCapPct: '75' }));
    expect([pts(capped, 'hi', '3'), pts(capped, 'mid', '3')]).toEqual(['15', '15']);
  });

  it('B-10 items 5 and 9 take a score or a rank list; mixing the two is refused', () => {
    const r = assess([bank('a', { routine: { kind: 'rank', value: 2 } }), bank('b', { routine: { kind: 'rank', value: 1 } })], P);
    expect([pts(r, 'a', '9'), pts(r, 'b', '9'), item(r, 'a', '9')?.value]).toEqual(['4.5', '5', '第2名']);
    expect(() => assess([bank('a', { routine: { kind: 'rank', value: 2 } }), bank('b')], P)).toThrowError(/FIGURES_INVALID/);
  });

  it('B-11 outlets: 2 per net outlet against the previous year end, uncapped unless configured', () => {
    const r = assess([bank('a', { outletsPrev: 3, outletsEnd: 9 }), bank('b', { outletsPrev: 5, outletsEnd: 1 })], P);
    expect([pts(r, 'a', '8'), pts(r, 'b', '8')]).toEqual(['12', '-8']);
    expect(pts(assess([bank('a', { outletsPrev: 3, outletsEnd: 9 })], with_({ outletCap: '4' })), 'a', '8')).toBe('4');
  });

  it('B-12 ties at a prize boundary: objective items, then 1a, then Δ; still tied → both get the higher prize and a flag', () => {
    const base = (id: string, routine: string, tax: string) => bank(id, { routine: { kind: 'score', value: routine }, localTax: tax });
    const banks = [base('a', '99', '99'), base('b', '98', '98'), base('c', '97', '97'), base('d', '96', '96'), base('e', '95', '95'), base('f', '10', '10')];
    // Identical on every key → both get the higher prize and the team is told.
    const same = assess([base('a', '99', '99'), base('b', '98', '98'), base('c', '97', '97'), base('d', '96', '96'), base('e', '95', '95'), base('f', '95', '95')], P);
    expect([row(same, 'e').prize, row(same, 'f').prize]).toEqual(['三等奖', '三等奖']);
    expect(same.flags).toEqual([expect.objectContaining({ code: 'PRIZE_TIE_UNRESOLVED', bankIds: ['e', 'f'] })]);
    // Objective decides: d2 and e2 tie on 8.5 points from items 6 and 9; e2 has more from tax (objective).
    const broken = assess([base('a', '99', '99'), base('b', '98', '98'), base('c', '97', '97'), base('p', '95', '96'), base('d2', '96', '94'), base('e2', '94', '95')], P);
    expect(row(broken, 'd2').total).toBe(row(broken, 'e2').total);
    expect([row(broken, 'd2').prize, row(broken, 'e2').prize]).toEqual([null, '三等奖']);
    // A disqualified bank drops out and the banks below move up.
    const dq = assess(
      banks.map((b) => (b.bankId === 'a' ? { ...b, violation: true } : b)),
      P,
    );
    expect(row(dq, 'a')).toMatchObject({ prize: null, disqualified: true, totalRank: null });
    expect(row(dq, 'b').prize).toBe('一等奖');
  });

  it('B-13 rewards for 2018 are due by 2019-04-30 (次年4月底前, L4276)', () => {
    expect(rewardsDueBy(2018, P)).toBe('2019-04-30');
  });

  it('B-14 item 5 "none" scores 0 and is not ranked; the others rank among themselves', () => {
    const r = assess([bank('a', { innovation: { kind: 'score', value: '60' } }), bank('b')], P);
    expect(item(r, 'b', '5')).toMatchObject({ value: null, rank: null, points: '0', note: 'NO_INNOVATION' });
    expect(item(r, 'a', '5')).toMatchObject({ rank: 1, points: '5' });
  });

  it('ratios are compared at 0.01 pp: 65.5001% ties with 65.50%, 65.505% does not', () => {
    const r = assess(
      [
        bank('a', { loansEnd: '655001', depositsEnd: '1000000', loansStart: '655001', mltStart: '0', mltEnd: '0' }),
        bank('b', { loansEnd: '655', depositsEnd: '1000', loansStart: '655', mltStart: '0', mltEnd: '0' }),
        bank('c', { loansEnd: '65505', depositsEnd: '100000', loansStart: '65505', mltStart: '0', mltEnd: '0' }),
      ],
      P,
    );
    expect([item(r, 'a', '3')?.value, item(r, 'b', '3')?.value, item(r, 'c', '3')?.value]).toEqual(['65.50', '65.50', '65.51']);
    expect([item(r, 'a', '3')?.rank, item(r, 'b', '3')?.rank, item(r, 'c', '3')?.rank]).toEqual([2, 2, 1]);
  });
});

describe('bad figures are refused before ranking', () => {
  const codes = (banks: BankFigures[]) => {
    try {
      assess(banks, P);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(422);
      return ((error as DomainError).details as { code: string }[]).map((issue) => issue.code);
    }
  };
  it('year-end below zero, deposits zero, contradictory NPL flag, M above L, duplicate bank, bad decimals', () => {
    expect(codes([bank('a', { loansEnd: '-1' })])).toContain('NEGATIVE_BALANCE');
    expect(codes([bank('a', { depositsEnd: '0' })])).toContain('DEPOSITS_ZERO');
    expect(codes([bank('a', { nplStart: '0', nplEnd: '5' })])).toContain('NPL_FLAG_CONTRADICTS');
    expect(codes([bank('a', { mltEnd: '5000' })])).toContain('MLT_EXCEEDS_LOANS');
    expect(codes([bank('a'), bank('a')])).toContain('DUPLICATE_BANK');
    expect(codes([bank('a', { localTax: '1e5' })])).toContain('NOT_A_DECIMAL');
    expect(codes([bank('a', { routine: { kind: 'score', value: '101' } })])).toContain('SCORE_OUT_OF_RANGE');
    expect(codes([bank('a')])).toEqual([]);
  });
});
