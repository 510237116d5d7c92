import { DomainError } from '@jingzhun/types';

/**
 * Text limits for anything a person types. Script-bearing text is not refused: it is stored as
 * typed and escaped wherever it is shown (printable HTML; CSV formulas are neutralised by the platform's toCsv); control characters are.
 */
export const TEXT_LIMITS = {
  title: 100,
  fullName: 50,
  group: 30,
  fieldText: 200,
  objectorName: 30,
  contact: 60,
  reason: 1000,
  note: 2000,
  withdrawReason: 500,
} as const;

// Control characters other than tab, line feed and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: input validation deliberately detects invisible control characters in notice text and rejects them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function assertCleanText(value: string, field: string): void {
  if (CONTROL.test(value)) throw new DomainError('TEXT_INVALID', `${field}含有不可见控制字符，请删除后重试`, 400, { field });
}

/** HTML escaping for every text printed into a page. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
