import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BankAccountInput, luhnValid, maskBankAccount } from '../src/bank-account.js';

// 6222 0212 3456 7890 128: a 19-digit number built with a valid Luhn digit.
const CARD = '6222021234567890128';

describe('一卡通 accounts: digits, 12–19, Luhn for cards, bank from the list', () => {
  it('accepts a card with spaces and stores the digits only', () => {
    expect(luhnValid(CARD)).toBe(true);
    const parsed = BankAccountInput.parse({ bank: '中国农业银行', kind: 'card', number: '6222 0212 3456 7890 128' });
    expect(parsed.number).toBe(CARD);
  });

  it('refuses a card whose check digit is wrong, but takes the same digits as a passbook account', () => {
    const wrong = `${CARD.slice(0, -1)}9`;
    expect(BankAccountInput.safeParse({ bank: '中国农业银行', kind: 'card', number: wrong }).success).toBe(false);
    expect(BankAccountInput.safeParse({ bank: '山东台儿庄农村商业银行', kind: 'passbook', number: wrong }).success).toBe(true);
  });

  it('refuses letters, fewer than 12 and more than 19 digits, and a bank not on the list', () => {
    for (const number of ['62220212345A', '12345678901', '12345678901234567890']) {
      expect(BankAccountInput.safeParse({ bank: '中国农业银行', kind: 'passbook', number }).success, number).toBe(false);
    }
    expect(BankAccountInput.safeParse({ bank: '103', kind: 'passbook', number: '123456789012' }).success).toBe(false);
  });

  it('a masked account keeps only the last 4 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12,19}$/), (number) => {
        const masked = maskBankAccount({ bank: '中国银行', kind: 'passbook', number });
        expect(masked.numberMasked.slice(-4)).toBe(number.slice(-4));
        expect(masked.numberMasked.slice(0, -4)).toMatch(/^\*+$/);
      }),
    );
  });
});
