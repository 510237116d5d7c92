import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRate, formatYuan, parseYuan, roundFen, yuanToFen } from '../src/money.js';
import { addDays, addMonths, daysBetween, endOfShanghaiDay, Period, periodEnd, periodOf, shanghaiDate } from '../src/period.js';

describe('money in integer fen', () => {
  it('rounds half up, down and up explicitly', () => {
    expect(roundFen(100.5)).toBe(101);
    expect(roundFen(100.4999)).toBe(100);
    expect(roundFen(-100.5)).toBe(-101);
    expect(roundFen(100.5, 'down')).toBe(100);
    expect(roundFen(100.1, 'up')).toBe(101);
    expect(yuanToFen(1.005)).toBe(101); // binary noise does not drop the half fen
    expect(applyRate(33333, 0.9)).toBe(30000);
  });

  it('parses and formats yuan exactly', () => {
    expect(parseYuan('1234.5')).toBe(123450);
    expect(parseYuan('-0.07')).toBe(-7);
    expect(() => parseYuan('12.345')).toThrow();
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen);
      }),
    );
  });
});

describe('periods and dates in Asia/Shanghai', () => {
  it('uses the Shanghai calendar day', () => {
    expect(shanghaiDate(new Date('2018-12-31T15:59:59Z'))).toBe('2018-12-31');
    expect(shanghaiDate(new Date('2018-12-31T16:00:00Z'))).toBe('2019-01-01');
    expect(periodOf(new Date('2018-12-31T16:00:00Z'))).toBe('2019-01');
    expect(endOfShanghaiDay('2019-01-07').toISOString()).toBe('2019-01-07T16:00:00.000Z');
  });

  it('does calendar arithmetic across month and year ends', () => {
    expect(addMonths('2018-12', 1)).toBe('2019-01');
    expect(addMonths('2019-01', -1)).toBe('2018-12');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(daysBetween('2018-12-25', '2019-01-01')).toBe(7);
    expect(periodEnd('2020-02')).toBe('2020-02-29');
    expect(Period.safeParse('2018-13').success).toBe(false);
    expect(Period.safeParse('2018-1').success).toBe(false);
  });
});
