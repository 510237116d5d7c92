import * as z from 'zod';

/**
 * Mainland China telephone numbers as people type them for a call-back (issue 14): a mobile
 * number, 11 digits starting 1[3-9] (optionally with +86 / 86), or a landline with its area code,
 * 0 plus 2–3 digits then a 7–8 digit subscriber number (e.g. 0632-6611234, 010 12345678).
 * Spaces and dashes between digit groups are accepted and removed.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

/** The number without separators and country code, or undefined when it is neither a mobile nor a landline with area code. */
export function normalisePhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s-]/g, '');
  const national = compact.replace(/^(\+86|0086|86)(?=1[3-9]\d{9}$)/, '');
  if (MOBILE.test(national)) return national;
  if (LANDLINE.test(national)) return formatLandline(national);
  return undefined;
}

/** 0632-6611234, 010-12345678: the area code kept apart so staff read it as dialled. */
function formatLandline(digits: string): string {
  // Three-digit area codes are 010 and 02x; the others are four digits (GB/T 35312 numbering plan).
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  return `${digits.slice(0, areaLength)}-${digits.slice(areaLength)}`;
}

export function isPhoneNumber(input: string): boolean {
  return normalisePhone(input) !== undefined;
}

export const PHONE_MESSAGE = '请填写11位手机号码，或带区号的固定电话（如 0632-6611234）';

/** A contact telephone number in a request: normalised, or a field error in Chinese. */
export const PhoneNumber = z
  .string()
  .max(40, { message: PHONE_MESSAGE })
  .transform((input, ctx) => {
    const phone = normalisePhone(input);
    if (phone === undefined) {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
      return z.NEVER;
    }
    return phone;
  });
