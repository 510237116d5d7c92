import { describe, expect, it } from 'vitest';
import { isPhoneNumber, normalisePhone, PhoneNumber } from '../src/phone.js';

describe('contact telephone numbers (issue 14)', () => {
  it('takes mainland mobiles 1[3-9] + 9 digits, with separators or +86, and returns them bare', () => {
    expect(normalisePhone('13800138000')).toBe('13800138000');
    expect(normalisePhone('138-0013-8000')).toBe('13800138000');
    expect(normalisePhone(' 139 0537 0405 ')).toBe('13905370405');
    expect(normalisePhone('+8619912345678')).toBe('19912345678');
  });

  it('takes landlines with their area code, keeping the code apart', () => {
    expect(normalisePhone('0632-6611234')).toBe('0632-6611234');
    expect(normalisePhone('06326611234')).toBe('0632-6611234');
    expect(normalisePhone('010 12345678')).toBe('010-12345678');
    expect(normalisePhone('021-1234567')).toBe('021-1234567');
  });

  it('refuses what is no call-back number', () => {
    for (const bad of ['12345', '12800138000', '1380013800', '138001380001', '6611234', '0632-123', 'call me', 'a@b.cn', '']) expect(isPhoneNumber(bad), bad).toBe(false);
  });

  it('gives a Chinese field message in the contract', () => {
    const result = PhoneNumber.safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('11位手机号码');
    expect(PhoneNumber.parse('13800138000')).toBe('13800138000');
  });
});
