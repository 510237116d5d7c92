/** Display formats shared by the board, the console and tests: no framework, no state. */

/** Integer fen as 元 with two decimals: 123456 → "1,234.56 元". */
export function fen(value: number | undefined | null): string {
  if (value === undefined || value === null) return '—';
  return `${(value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** An ISO date or instant as a date (and minute) a reader recognises: 2026-12-03 09:30. */
export function date(value: string | undefined | null): string {
  if (!value) return '—';
  return value.length > 10 ? value.replace('T', ' ').slice(0, 16) : value;
}

/** 元 as entered in a number field (two decimals at most) → integer fen: 1234.56 → 123456. */
export function toFen(yuan: number | undefined | null): number {
  return Math.round((yuan ?? 0) * 100);
}
