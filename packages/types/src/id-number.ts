import * as z from 'zod';

/**
 * Chinese resident identity number (公民身份号码), GB 11643-1999:
 * 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male), 1 check character
 * computed with ISO 7064 MOD 11-2. Legacy 15-digit numbers (GB 11643-1989) have a 2-digit
 * year and no check character; they convert by inserting "19" and appending the check.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes in use (GB/T 2260), including Hong Kong, Macau and Taiwan residence codes. */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

export type IdNumberProblem = 'FORMAT' | 'REGION' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export const ID_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  FORMAT: '身份证号码须为18位（末位可为X）或15位数字',
  REGION: '身份证号码的地址码不存在',
  BIRTH_DATE: '身份证号码中的出生日期不合法',
  CHECK_CHARACTER: '身份证号码校验位错误',
};

function isValidDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1850 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Converts a legacy 15-digit number to 18 digits. Does not validate. */
export function convertLegacyIdNumber(legacy: string): string {
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

/**
 * Checks an ID number and returns its normalised 18-character form, or the first problem found.
 * `today` (YYYY-MM-DD) rejects birth dates in the future.
 */
export function checkIdNumber(input: string, today?: string): { ok: true; value: string } | { ok: false; problem: IdNumberProblem } {
  const raw = input.trim().toUpperCase();
  let value: string;
  if (/^\d{15}$/.test(raw)) value = convertLegacyIdNumber(raw);
  else if (/^\d{17}[\dX]$/.test(raw)) value = raw;
  else return { ok: false, problem: 'FORMAT' };
  if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) return { ok: false, problem: 'REGION' };
  const birth = value.slice(6, 14);
  if (!isValidDate(birth)) return { ok: false, problem: 'BIRTH_DATE' };
  if (today && `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}` > today) {
    return { ok: false, problem: 'BIRTH_DATE' };
  }
  if (idCheckCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'CHECK_CHARACTER' };
  return { ok: true, value };
}

export function isValidIdNumber(input: string): boolean {
  return checkIdNumber(input).ok;
}

/** zod schema: accepts 18- or 15-digit numbers, outputs the normalised 18-character form. */
export const IdNumber = z.string().transform((input, ctx) => {
  const result = checkIdNumber(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: ID_PROBLEM_MESSAGES[result.problem], params: { problem: result.problem } });
    return z.NEVER;
  }
  return result.value;
});
export type IdNumber = string;

/** Birth date (YYYY-MM-DD) of a valid 18-character number. */
export function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export function sexOf(idNumber: string): 'male' | 'female' {
  return Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
}

/** Completed years of age on `date` (YYYY-MM-DD); a person born on 29 Feb ages on 1 Mar in common years. */
export function ageAt(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
