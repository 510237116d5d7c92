/**
 * Finds personal data typed into free text that is about to be shown to the public (workflows.md
 * §4.3: ID numbers, phone numbers, bank or 一卡通 accounts and health details are never shown in any
 * list or public view). Pure; no I/O.
 *
 * Digits are normalised first (NFKC: full-width ０-９ and separators become ASCII), then digit
 * groups joined by separators (spaces, hyphens and dashes, underscores, middle dots; up to three in a
 * row) are read as one number, so `138 0000 1234`, `138-0000-1234`, `１３８００００１２３４` and
 * `6228 4801 2345 6789` are found. A run that is only dates (`2018-10-25`, `2018-10-25 2018-10-31`)
 * is a date, not a number; commas and decimal points end a run, so amounts (`1,234,567.89`) are
 * not read as accounts.
 */
export type PersonalDataKind = 'id-number' | 'phone' | 'account' | 'health';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** Start of the finding in the normalised text. */
  index: number;
}

export const PERSONAL_DATA_KIND_ZH: Readonly<Record<PersonalDataKind, string>> = {
  'id-number': '身份证号码',
  phone: '手机号码',
  account: '银行卡号或账号',
  health: '健康或残疾情况',
};

const SEPARATOR = '[\\s\\-\\u2010-\\u2015\\u2212_\\u00b7\\u30fb]';
// A run of digits, groups joined by up to three separators, optionally ending with an ID's check X.
const DIGIT_RUN = new RegExp(`\\d(?:\\d|${SEPARATOR}{1,3}(?=\\d))*(?:${SEPARATOR}{0,3}[Xx](?![A-Za-z]))?`, 'g');
const DATE = /^(?:19|20)\d{2}$/;

/**
 * Health and disability details (§4.3: "any health, illness or disability detail"; 因病/因残 reveal
 * health). Checked on lists of persons only: fund and project texts name programmes such as
 * 残疾人两项补贴 or 大病保险.
 */
const HEALTH = /[病症癌瘤瘫疾]|残|透析|化疗|放疗|住院|手术|精神|智障|智力障碍|失明|失聪|聋|哑|患|艾滋|HIV|肝炎|结核|糖尿|高血压|中风|脑梗|偏瘫/i;

// Dates written with slashes, dots or 年月日 end a digit run (neither is a separator of numbers).
const WRITTEN_DATE = /(?:19|20)\d{2}([/.])\d{1,2}\1\d{1,2}|(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?/g;

function isDate(parts: readonly string[], at: number): boolean {
  // parts alternate digits and separators: year, sep, month, sep, day
  const [year, sep1, month, sep2, day] = parts.slice(at, at + 5);
  if (!year || !month || !day || sep1 !== '-' || sep2 !== '-' || !DATE.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) return false;
  return Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31;
}

/**
 * The digits of a run without the dates it starts or ends with (`2018-10-25`: a year of four
 * digits, then month and day joined by single hyphens, apart from the rest by a space):
 * `2018-10-25 2018-10-31` and `2018-10-25 3500` are a date and an amount, while a date written
 * otherwise or inside a run (`370405 1950-01-01 1234`, `1900 7 07 0000`) stays part of the number.
 */
function digitsWithoutEdgeDates(run: string): string {
  let parts = run.split(new RegExp(`(${SEPARATOR}+)`));
  while (isDate(parts, 0) && (parts.length === 5 || /^\s+$/.test(parts[5] ?? ''))) parts = parts.slice(6);
  while (parts.length >= 5 && isDate(parts, parts.length - 5) && (parts.length === 5 || /^\s+$/.test(parts[parts.length - 6] ?? ''))) parts = parts.slice(0, -6);
  return parts.filter((_, i) => i % 2 === 0).join('');
}

/** The first ID number, mobile number or account number in `text`, or undefined. */
export function findPersonalNumber(text: string): PersonalDataFinding | undefined {
  const normalised = text.normalize('NFKC').replace(WRITTEN_DATE, (date) => '，'.padEnd(date.length, '，'));
  for (const match of normalised.matchAll(DIGIT_RUN)) {
    const digits = digitsWithoutEdgeDates(match[0]);
    const index = match.index ?? 0;
    if (/^\d{17}[\dXx]$/.test(digits) || /^\d{15}$/.test(digits)) return { kind: 'id-number', index };
    if (/[Xx]$/.test(digits) && digits.length >= 12) return { kind: 'id-number', index };
    const numeric = digits.replace(/[Xx]$/, '');
    // A mobile number (11 digits, 1[3-9]…), also with the country code 86 before it.
    if (/^(?:86)?1[3-9]\d{9}$/.test(numeric)) return { kind: 'phone', index };
    if (numeric.length >= 12) return { kind: 'account', index };
  }
  return undefined;
}

/** The first health or disability detail in `text`, or undefined. */
export function findHealthDetail(text: string): PersonalDataFinding | undefined {
  const match = HEALTH.exec(text.normalize('NFKC'));
  return match ? { kind: 'health', index: match.index } : undefined;
}

/** Personal data in a value shown to the public: numbers always, health details on lists of persons. */
export function findPersonalData(value: string | number | boolean, options: { health: boolean }): PersonalDataFinding | undefined {
  if (typeof value === 'boolean') return undefined;
  const text = typeof value === 'number' ? (Number.isInteger(value) ? value.toFixed(0) : String(value)) : value;
  return findPersonalNumber(text) ?? (options.health ? findHealthDetail(text) : undefined);
}
