import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStorableNumber, StorableNumber } from '../src/number.js';
import { CreateNoticeBody } from '../src/services/notices.js';

describe('numbers a request may store (DynamoDB through the document client)', () => {
  it('accepts every safe integer and ordinary fractions', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        expect(StorableNumber.safeParse(value).success).toBe(true);
      }),
    );
    for (const value of [0, -0, 0.1, 3.5, -12.25, 1e-130, Number.MAX_SAFE_INTEGER]) expect(isStorableNumber(value), String(value)).toBe(true);
  });

  it('refuses what the client cannot marshal: above 2^53 − 1 in magnitude, below 1e-130, not finite', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MAX_SAFE_INTEGER + 2, noNaN: true }), fc.boolean(), (magnitude, negative) => {
        expect(StorableNumber.safeParse(negative ? -magnitude : magnitude).success).toBe(false);
      }),
    );
    for (const value of [2 ** 53 + 2, 1e300, -1e300, 1e-200, Number.POSITIVE_INFINITY, Number.NaN]) expect(isStorableNumber(value), String(value)).toBe(false);
  });

  it('is what the notice line fields use: 2^53 + 2 in a field is a validation error', () => {
    const body = (value: number) => ({
      type: 'exit-village-notice',
      region: '370405103201',
      title: 't',
      entries: [{ entryId: 'a', fullName: '张三', region: '370405103201', fields: { householdSize: value } }],
    });
    expect(CreateNoticeBody.safeParse(body(3)).success).toBe(true);
    const refused = CreateNoticeBody.safeParse(body(2 ** 53 + 2));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['entries', 0, 'fields', 'householdSize']);
  });
});
