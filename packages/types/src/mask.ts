/**
 * Masking of personal data (workflows.md §4.3). Masks never keep more than the stated characters.
 */

/**
 * Staff views: the address code (first 6) kept, the other 12 characters hidden: 370405************.
 * Characters 7–14 are the birth date and 15–17 a sequence whose last digit gives the sex; the check
 * character is computed from the rest. Keeping the last 4 beside the birth date left exactly one
 * candidate (the number itself). With only the address code shown, and only the birth year beside
 * it (views show `birthYear`, never the birth date), a number has some 180,000 candidates
 * (docs/decisions.md Platform 17).
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 6) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 6);
}

/**
 * Shown to the data subject only (workflows.md §4.3): the last 4 characters. The subject knows the
 * number; no view seen by anyone else may carry this form.
 */
export function maskIdNumberForSubject(idNumber: string): string {
  if (idNumber.length <= 4) return '*'.repeat(idNumber.length);
  return '*'.repeat(idNumber.length - 4) + idNumber.slice(-4);
}

/** Mobile phone: 138****5678. Other lengths keep at most the last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/** Online public lists: first character, then one * per remaining character (张三丰 → 张**). */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length === 0) return '';
  return characters[0] + '*'.repeat(characters.length - 1);
}

/** Bank and 一卡通 accounts: last 4 digits only. */
export function maskAccount(account: string): string {
  const digits = account.replace(/\s/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}
