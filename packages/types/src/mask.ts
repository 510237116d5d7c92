/**
 * Masking of personal data (workflows.md §4.3). Masks never keep more than the stated characters.
 */

/** Staff lists: first 6 (address code) and last 4 kept: 370405********1234. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

/** Shown to the data subject: only the last 4 characters (workflows.md §4.3). */
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
