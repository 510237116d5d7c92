import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateOf, idCheckCharacter, sexOf } from '../src/id-number.js';
import { maskAccount, maskIdNumber, maskIdNumberForSubject, maskName, maskPhone } from '../src/mask.js';

const digit = fc.constantFrom(...'0123456789');
const idNumber = fc.tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom(...'0123456789X')).map(([body, check]) => body.join('') + check);

describe('masks (workflows.md §4.3)', () => {
  it('keeps only the address code (first 6) of an ID number', () => {
    expect(maskIdNumber('370405198001011234')).toBe('370405************');
  });

  it('never leaks a hidden ID digit', () => {
    fc.assert(
      fc.property(idNumber, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 6)).toBe(id.slice(0, 6));
        expect(masked.slice(6)).toBe('*'.repeat(12));
        const subject = maskIdNumberForSubject(id);
        expect(subject.slice(0, 14)).toBe('*'.repeat(14));
        expect(subject.slice(14)).toBe(id.slice(14));
      }),
    );
  });

  /** Every valid number that agrees with what a view shows: the masked number, the birth date and the sex. */
  function completions(masked: string, birthDate: string, sex: 'male' | 'female'): string[] {
    const found: string[] = [];
    for (let sequence = 0; sequence < 1000; sequence++) {
      const first17 = `${masked.slice(0, 6)}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
      const full = first17 + idCheckCharacter(first17);
      if (sexOf(full) !== sex) continue;
      const shown = maskIdNumber(full);
      if (shown === masked) found.push(full);
    }
    return found;
  }

  it('cannot be completed even from the exact birth date and sex beside it (the birth date is never shown beside it)', () => {
    // With the old mask (first 6 + last 4) this left exactly one candidate: the number itself.
    const id = '370405198001011234';
    expect(completions(maskIdNumber(id), birthDateOf(id), sexOf(id)).length).toBeGreaterThanOrEqual(400);
  });

  it('masks a mobile number as 138****5678 and never shows digits 4–7', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    fc.assert(
      fc.property(fc.array(digit, { minLength: 11, maxLength: 11 }), (digits) => {
        const masked = maskPhone(digits.join(''));
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.replace(/\*/g, '').length).toBe(7);
      }),
    );
  });

  it('shows only the first character of a name (张三丰 → 张**)', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 2, maxLength: 8 }), (name) => {
        const masked = maskName(name);
        const characters = Array.from(name.trim());
        if (characters.length < 2) return;
        expect(
          Array.from(masked)
            .slice(1)
            .every((c) => c === '*'),
        ).toBe(true);
        expect(Array.from(masked)).toHaveLength(characters.length);
      }),
    );
  });

  it('shows only the last 4 digits of an account', () => {
    expect(maskAccount('6228480012345678901')).toBe('***************8901');
    fc.assert(
      fc.property(fc.array(digit, { minLength: 5, maxLength: 30 }), (digits) => {
        const account = digits.join('');
        const masked = maskAccount(account);
        expect(masked.slice(0, -4)).toMatch(/^\*+$/);
        expect(masked.slice(-4)).toBe(account.slice(-4));
      }),
    );
  });
});
