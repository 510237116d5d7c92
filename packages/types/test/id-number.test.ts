import { describe, expect, it } from 'vitest';
import { ageAt, birthDateOf, checkIdNumber, convertLegacyIdNumber, IdNumber, idCheckCharacter, isValidIdNumber, sexOf } from '../src/id-number.js';

/**
 * Numbers published as examples: GB 11643-1999 (11010519491231002X, 440524188001010014) and the
 * worked conversion of the 15-digit number 110105491231002 given in explanations of the standard.
 */
const PUBLISHED = ['11010519491231002X', '440524188001010014'];

describe('resident ID number (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('accepts the published example numbers', () => {
    for (const number of PUBLISHED) expect(checkIdNumber(number)).toEqual({ ok: true, value: number });
  });

  it('computes the check character as the standard does', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
  });

  it('rejects every single-character corruption of a published number', () => {
    const alphabet = '0123456789X';
    for (const number of PUBLISHED) {
      let corruptions = 0;
      for (let position = 0; position < 18; position++) {
        for (const replacement of alphabet) {
          if (replacement === number[position]) continue;
          if (replacement === 'X' && position < 17) continue; // X only exists as a check character
          const corrupted = number.slice(0, position) + replacement + number.slice(position + 1);
          corruptions++;
          expect(isValidIdNumber(corrupted), corrupted).toBe(false);
        }
      }
      expect(corruptions).toBe(17 * 9 + 10);
    }
  });

  it('names the problem: format, region, birth date, check character', () => {
    expect(checkIdNumber('12345')).toEqual({ ok: false, problem: 'FORMAT' });
    expect(checkIdNumber('1101051949123100XX')).toEqual({ ok: false, problem: 'FORMAT' });
    expect(checkIdNumber('991234194912310020')).toMatchObject({ ok: false, problem: 'REGION' });
    // 1949-02-30 does not exist; the check character is made valid so only the date is wrong.
    const badDate = `11010519490230002`;
    expect(checkIdNumber(badDate + idCheckCharacter(badDate))).toEqual({ ok: false, problem: 'BIRTH_DATE' });
    const future = '37040520990101001';
    expect(checkIdNumber(future + idCheckCharacter(future), '2026-11-23')).toEqual({ ok: false, problem: 'BIRTH_DATE' });
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'CHECK_CHARACTER' });
  });

  it('converts legacy 15-digit numbers (19xx birth year, check character appended)', () => {
    expect(convertLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(checkIdNumber('110105491231002')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('normalises a lower-case x and surrounding spaces through the zod schema', () => {
    expect(IdNumber.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    const result = IdNumber.safeParse('110105194912310021');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('身份证号码校验位错误');
  });

  it('derives birth date, sex and age at a date', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(sexOf('11010519491231002X')).toBe('female'); // sequence 002: even
    expect(sexOf('440524188001010014')).toBe('male'); // sequence 001: odd
    expect(ageAt('1949-12-31', '2018-12-30')).toBe(68);
    expect(ageAt('1949-12-31', '2018-12-31')).toBe(69);
    expect(ageAt('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageAt('2000-02-29', '2018-03-01')).toBe(18);
  });
});
