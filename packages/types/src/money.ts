import * as z from 'zod';

/**
 * Money is integer fen (分) in storage and arithmetic. Conversions and rates round explicitly.
 */
export const Fen = z.number().int({ message: '金额须为整数分' }).brand<'Fen'>();
export type Fen = number;

export const NonNegativeFen = z.number().int({ message: '金额须为整数分' }).min(0, { message: '金额不能为负' });

export type Rounding = 'half-up' | 'down' | 'up';

/** Rounds a non-integer amount of fen. half-up rounds .5 away from zero. */
export function roundFen(value: number, rounding: Rounding = 'half-up'): number {
  if (!Number.isFinite(value)) throw new RangeError('amount is not finite');
  const sign = value < 0 ? -1 : 1;
  const magnitude = Math.abs(value);
  // Guard against binary noise such as 1.005 * 100 = 100.49999999999999.
  const nudged = Math.abs(magnitude - Math.round(magnitude)) < 1e-9 ? Math.round(magnitude) : magnitude;
  switch (rounding) {
    case 'half-up':
      return sign * Math.floor(nudged + 0.5 + 1e-9);
    case 'down':
      return sign * Math.floor(nudged + 1e-9);
    case 'up':
      return sign * Math.ceil(nudged - 1e-9);
  }
}

/** Yuan (possibly fractional, e.g. 12.5) to fen. */
export function yuanToFen(yuan: number, rounding: Rounding = 'half-up'): number {
  return roundFen(yuan * 100, rounding);
}

/** Decimal string yuan ("1234.56") to fen exactly, without floating point. */
export function parseYuan(text: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a yuan amount: ${text}`);
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

/** Fen to a yuan string with two decimals: 123456 → "1234.56". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Applies a rate given as a ratio (0.9 = 90%) and rounds once. */
export function applyRate(fen: number, rate: number, rounding: Rounding = 'half-up'): number {
  return roundFen(fen * rate, rounding);
}

export function sumFen(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}
